import { describe, expect, it } from 'vitest';
import { failureOfRejection, parseReply, REJECTION_ERRORS } from './index.js';

describe('replies', () => {
  it('are parsed by the schema of the message they answer', () => {
    const hosted = { ok: true, sessionId: 's', joinCode: 'ACDEFG', joinUrl: 'http://x/?join=ACDEFG', lanJoinUrls: [], facilitatorKey: 'k' };
    expect(parseReply('host', hosted)).toEqual(hosted);
    // A join's answer is not a host's: a field is missing.
    expect(parseReply('host', { ok: true, token: 't', playerId: 'p', team: 0, sessionId: 's' })).toBeUndefined();
    expect(parseReply('start', { ok: true })).toEqual({ ok: true });
    expect(parseReply('start', { ok: true, extra: 1 })).toBeUndefined();
    expect(parseReply('removePlayers', { ok: true, removed: 2 })).toEqual({ ok: true, removed: 2 });
  });

  it('of every message may be a typed error, and nothing else', () => {
    const refused = { ok: false, error: { code: 'already-decided', message: 'A teammate was first.' } };
    expect(parseReply('decide', refused)).toEqual(refused);
    expect(parseReply('decide', { ok: false, error: { code: 'oops', message: '' } })).toBeUndefined();
    expect(parseReply('decide', 'ok')).toBeUndefined();
  });
});

describe('the simulation’s refusals', () => {
  it('map to the protocol’s codes in one table: the ones a client reacts to keep their name', () => {
    expect(REJECTION_ERRORS['already-decided']).toBe('already-decided');
    expect(REJECTION_ERRORS['wrong-phase']).toBe('wrong-phase');
    expect(REJECTION_ERRORS['not-enough-cash']).toBe('rejected');
    expect(failureOfRejection({ code: 'option-not-live', reason: 'No option.' })).toEqual({
      ok: false,
      error: { code: 'rejected', message: 'No option.' },
    });
  });
});
