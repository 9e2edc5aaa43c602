import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { clientMessageSchema, ERROR_CODES, serverMessageSchema } from './index.js';

const doc = readFileSync(new URL('../../../docs/protocol.md', import.meta.url), 'utf8');

/** The message types listed in the first column of the table under a heading. */
function typesInTable(heading: string): string[] {
  const section = doc.split(/\n## /).find((part) => part.startsWith(heading)) ?? '';
  return [...section.matchAll(/^\| `([a-zA-Z-]+)` \|/gm)].map((match) => match[1] as string);
}

const discriminators = (schema: { options: readonly { shape: { type: { value: string } } }[] }) =>
  schema.options.map((option) => option.shape.type.value);

describe('docs/protocol.md', () => {
  it('lists every client message, and only those', () => {
    expect(typesInTable('Client → server').sort()).toEqual(discriminators(clientMessageSchema).sort());
  });

  it('lists every server message, and only those', () => {
    expect(typesInTable('Server → client').sort()).toEqual(discriminators(serverMessageSchema).sort());
  });

  it('lists every error code, and only those', () => {
    expect(typesInTable('Error codes').sort()).toEqual([...ERROR_CODES].sort());
  });
});

describe('client messages', () => {
  it('normalise join codes and names', () => {
    const parsed = clientMessageSchema.parse({ type: 'join', joinCode: ' k7pxq3 ', name: '  Ada   Lovelace ' });
    expect(parsed).toEqual({ type: 'join', joinCode: 'K7PXQ3', name: 'Ada Lovelace' });
  });

  it('refuse look-alike characters, empty names and unknown fields', () => {
    expect(clientMessageSchema.safeParse({ type: 'join', joinCode: 'K0PXQ3', name: 'Ada' }).success).toBe(false);
    expect(clientMessageSchema.safeParse({ type: 'join', joinCode: 'K7PXQ3', name: '   ' }).success).toBe(false);
    expect(clientMessageSchema.safeParse({ type: 'decide', demandId: 3, decision: 'no', profitCents: 1e9 }).success).toBe(false);
    expect(clientMessageSchema.safeParse({ type: 'setFigures', profitCents: 1 }).success).toBe(false);
  });
});
