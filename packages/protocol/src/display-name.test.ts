import { describe, expect, it } from 'vitest';
import { clientMessageSchema } from './client-messages.js';
import { normaliseDisplayName } from './display-name.js';

const joinName = (name: string) => {
  const parsed = clientMessageSchema.safeParse({ type: 'join', joinCode: 'ACDEFG', name });
  return parsed.success && parsed.data.type === 'join' ? parsed.data.name : undefined;
};

describe('display names', () => {
  it('come in their compatibility form: full-width letters, ligatures and odd spaces become plain', () => {
    expect(normaliseDisplayName('ＡＤＡ')).toBe('ADA');
    expect(normaliseDisplayName('ﬁona')).toBe('fiona');
    expect(normaliseDisplayName('Ada\u00a0\u3000Lovelace')).toBe('Ada Lovelace');
  });

  it('lose zero-width, bidi, control and blank-looking characters', () => {
    expect(normaliseDisplayName('A\u200bd\u200da\u2060')).toBe('Ada');
    expect(normaliseDisplayName('\u202eadA\u202c')).toBe('adA');
    expect(normaliseDisplayName('\u2067Ada\u2069')).toBe('Ada');
    expect(normaliseDisplayName('Ada\u0000\u0007\u001b[31m')).toBe('Ada[31m');
    expect(normaliseDisplayName('\u3164\u115f\u2800')).toBe('');
    expect(normaliseDisplayName('\ufeffAda\udb40\udc41')).toBe('Ada');
  });

  it('keep real letters and accents, but no piles of combining marks', () => {
    expect(normaliseDisplayName('Chloé Núñez')).toBe('Chloé Núñez');
    expect(normaliseDisplayName('Zoë 李雷')).toBe('Zoë 李雷');
    expect(normaliseDisplayName('q\u0301\u0302\u0303\u0304\u0305ua')).toBe('q\u0301\u0302ua');
  });

  it('are refused when nothing visible is left, or when too long after normalising', () => {
    expect(joinName('\u200b\u200b')).toBeUndefined();
    expect(joinName('\u202e')).toBeUndefined();
    expect(joinName('x'.repeat(31))).toBeUndefined();
    // Thirty visible characters padded with invisible ones are fine: the limit counts what is seen.
    expect(joinName(`${'x'.repeat(30)}${'\u200b'.repeat(20)}`)).toBe('x'.repeat(30));
  });
});
