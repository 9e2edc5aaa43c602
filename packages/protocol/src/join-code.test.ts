import { describe, expect, it } from 'vitest';
import { checkJoinCode, clientMessageSchema, isLoopbackUrl, normaliseJoinCode, spacedJoinCode } from './index.js';

/** The message of a refused code ('' for an accepted one). */
const messageOf = (typed: string): string => {
  const checked = checkJoinCode(typed);
  return checked.ok ? '' : checked.message;
};

describe('checkJoinCode', () => {
  it('accepts the code as the projector shows it: with its space, in lower case, with a dash', () => {
    expect(checkJoinCode('443 CN7')).toEqual({ ok: true, code: '443CN7' });
    expect(checkJoinCode('443 cn7')).toEqual({ ok: true, code: '443CN7' });
    expect(checkJoinCode('  443-cn7 ')).toEqual({ ok: true, code: '443CN7' });
    expect(checkJoinCode('4 4 3\tC N 7')).toEqual({ ok: true, code: '443CN7' });
  });

  it('names a character that is never in a code, and where it is', () => {
    expect(checkJoinCode('443 CO7')).toMatchObject({ ok: false, problem: 'character' });
    expect(messageOf('443 CO7')).toMatch(/^“O”, the 5th character, is never in a join code/);
    expect(messageOf('443cn!')).toMatch(/^“!”, the 6th character/);
    // A wrong character is named before the length: it is the likelier mistake.
    expect(messageOf('1')).toMatch(/^“1”, the 1st character/);
  });

  it('says how many characters a code has when the count is wrong, and asks for one when empty', () => {
    expect(checkJoinCode('443 CN')).toMatchObject({
      ok: false,
      problem: 'length',
      message: expect.stringMatching(/6 letters and digits; this has 5/),
    });
    expect(checkJoinCode('443 CN77')).toMatchObject({ ok: false, problem: 'length', message: expect.stringMatching(/this has 7/) });
    expect(checkJoinCode('   ')).toMatchObject({ ok: false, problem: 'empty' });
  });

  it('normalises and spaces codes the same way on both sides', () => {
    expect(normaliseJoinCode(' k7p xq3 ')).toBe('K7PXQ3');
    expect(spacedJoinCode('K7PXQ3')).toBe('K7P XQ3');
  });
});

describe('the join message', () => {
  it('carries the normalised code to the server', () => {
    expect(clientMessageSchema.parse({ type: 'join', joinCode: '443 cn7', name: 'Ada' })).toEqual({
      type: 'join',
      joinCode: '443CN7',
      name: 'Ada',
    });
  });

  it('is refused with the same message as the form gives', () => {
    const parsed = clientMessageSchema.safeParse({ type: 'join', joinCode: '443 CO7', name: 'Ada' });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.message).toBe(messageOf('443 CO7'));
    expect(clientMessageSchema.safeParse({ type: 'join', joinCode: 'x'.repeat(40), name: 'Ada' }).success).toBe(false);
  });
});

describe('isLoopbackUrl', () => {
  it('knows the addresses only this machine can open', () => {
    for (const url of [
      'http://localhost:3000',
      'http://127.0.0.1:3000',
      'http://[::1]:3000',
      'http://0.0.0.0:3000',
      'http://app.localhost',
    ])
      expect(isLoopbackUrl(url)).toBe(true);
    for (const url of ['http://192.168.1.20:3000', 'https://class.example.org', 'not a url']) expect(isLoopbackUrl(url)).toBe(false);
  });
});
