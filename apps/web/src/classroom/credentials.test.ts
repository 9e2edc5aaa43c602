import { describe, expect, it } from 'vitest';
import { type HostedClass, MAX_HOSTED_CLASSES, withHostedClass } from './credentials';

const hosted = (sessionId: string, hostedAt = '2026-11-01T10:00:00.000Z', joinCode = 'ABC123'): HostedClass => ({
  sessionId,
  facilitatorKey: `key-${sessionId}`,
  joinCode,
  hostedAt,
});

describe('the classes a browser hosted', () => {
  it('puts the newest first and keeps the date a class was first hosted', () => {
    let list = withHostedClass([], hosted('a'));
    list = withHostedClass(list, hosted('b', '2026-11-02T10:00:00.000Z'));
    expect(list.map((item) => item.sessionId)).toEqual(['b', 'a']);
    // Taking the seat again (a reload) moves the class to the front but keeps its date.
    list = withHostedClass(list, hosted('a', '2026-11-05T10:00:00.000Z', ''));
    expect(list.map((item) => item.sessionId)).toEqual(['a', 'b']);
    expect(list[0]).toEqual(hosted('a'));
  });

  it(`keeps at most ${MAX_HOSTED_CLASSES}`, () => {
    let list: HostedClass[] = [];
    for (let index = 0; index < MAX_HOSTED_CLASSES + 5; index++) list = withHostedClass(list, hosted(`s${index}`));
    expect(list).toHaveLength(MAX_HOSTED_CLASSES);
    expect(list[0]?.sessionId).toBe(`s${MAX_HOSTED_CLASSES + 4}`);
  });
});
