import type { HostSettings } from '@ttc/protocol';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { codeOf, expectOk } from '../test-support/classroom-client.js';
import { ManualTime } from '../test-support/manual-time.js';
import { TestRig } from '../test-support/test-rig.js';
import { temporaryDatabase } from '../test-support/test-server.js';

const rig = new TestRig();
afterAll(() => rig.close());

const settings: HostSettings = {
  scenarioId: 'office-supplies',
  rounds: 2,
  ticksPerRound: 6,
  teamCount: 2,
  tickMs: 60_000,
  botsForEmptyTeams: true,
};

/** A client behind a trusted proxy that names its address, as nginx would in X-Forwarded-For. */
const from = (address: string) => ({ headers: { 'x-forwarded-for': address } });

describe('the trainer passcode', () => {
  it('is needed to host when HOST_PASSCODE is set: missing or wrong gets bad-passcode, right hosts', async () => {
    const { url } = await rig.server(undefined, { HOST_PASSCODE: 'blue-falcon' });
    const trainer = await rig.client(url);
    const missing = await trainer.send({ type: 'host', settings });
    expect(codeOf(missing)).toBe('bad-passcode');
    expect(missing.ok === false && missing.error.message).toMatch(/asks for the trainer passcode/);
    const wrong = await trainer.send({ type: 'host', settings, passcode: 'blue-falcons' });
    expect(codeOf(wrong)).toBe('bad-passcode');
    expect(wrong.ok === false && wrong.error.message).toMatch(/not the trainer passcode/);
    const right = expectOk(await trainer.send({ type: 'host', settings, passcode: 'blue-falcon' }));
    expect(right.joinCode).toMatch(/^[A-Z0-9]{6}$/);
  });

  it('is not asked for when none is set', async () => {
    const { url } = await rig.server();
    const trainer = await rig.client(url);
    expectOk(await trainer.send({ type: 'host', settings, passcode: 'anything' }));
  });
});

describe('caps on sessions', () => {
  const capped = {
    TRUST_PROXY: 'loopback',
    MAX_LOBBY_SESSIONS: '3',
    MAX_LOBBY_SESSIONS_PER_ADDRESS: '2',
    MAX_RUNNING_SESSIONS: '2',
    MAX_RUNNING_SESSIONS_PER_ADDRESS: '1',
  };

  it('refuse lobbies and starts over the cap per address and per server, with a clear error; restored sessions still count', async () => {
    const databasePath = temporaryDatabase();
    const first = await rig.server(databasePath, capped);
    const a1 = await rig.host(first.url, settings, from('203.0.113.7'));
    const a2 = await rig.host(first.url, settings, from('203.0.113.7'));
    const tooMany = await (await rig.client(first.url, from('203.0.113.7'))).send({ type: 'host', settings });
    expect(codeOf(tooMany)).toBe('too-many-sessions');
    expect(tooMany.ok === false && tooMany.error.message).toMatch(/Your network already has 2 classes waiting/);

    // Another address may host until the server's own lobby cap.
    const b1 = await rig.host(first.url, settings, from('198.51.100.4'));
    const serverFull = await (await rig.client(first.url, from('192.0.2.9'))).send({ type: 'host', settings });
    expect(codeOf(serverFull)).toBe('too-many-sessions');
    expect(serverFull.ok === false && serverFull.error.message).toMatch(/This server already has 3 classes waiting/);

    // One running class per address: A's second start is refused, B may start.
    expectOk(await a1.facilitator.send({ type: 'start' }));
    const secondStart = await a2.facilitator.send({ type: 'start' });
    expect(codeOf(secondStart)).toBe('too-many-sessions');
    expect(secondStart.ok === false && secondStart.error.message).toMatch(/Your network already runs 1 classes/);
    expectOk(await b1.facilitator.send({ type: 'start' }));

    // After a restart the sessions come back under the addresses that hosted them.
    await first.server.close();
    const second = await rig.server(databasePath, capped);
    const again = await rig.client(second.url, from('203.0.113.7'));
    expectOk(await again.send({ type: 'attachFacilitator', sessionId: a2.sessionId, facilitatorKey: a2.key }));
    expect(codeOf(await again.send({ type: 'start' }))).toBe('too-many-sessions');
    // A's waiting class counts too: one more lobby fits under A's cap of two, a second does not.
    expectOk(await again.send({ type: 'host', settings }));
    const overCap = await (await rig.client(second.url, from('203.0.113.7'))).send({ type: 'host', settings });
    expect(codeOf(overCap)).toBe('too-many-sessions');
  });

  it('count X-Forwarded-For only behind a trusted proxy: without TRUST_PROXY every client is the connecting address', async () => {
    const { url } = await rig.server(undefined, { MAX_LOBBY_SESSIONS_PER_ADDRESS: '1' });
    await rig.host(url, settings, from('203.0.113.7'));
    const spoofed = await (await rig.client(url, from('198.51.100.4'))).send({ type: 'host', settings });
    expect(codeOf(spoofed)).toBe('too-many-sessions');
  });
});

describe('this machine itself (loopback)', () => {
  it('is left out of the limits per address unless LIMIT_LOOPBACK is set: a load test or the console on the server hosts and connects freely', async () => {
    const { url } = await rig.server(undefined, {
      LIMIT_LOOPBACK: 'false',
      MAX_LOBBY_SESSIONS_PER_ADDRESS: '1',
      MAX_CONNECTIONS_PER_ADDRESS: '2',
    });
    await rig.host(url, settings);
    const second = await (await rig.client(url)).send({ type: 'host', settings });
    expect(second.ok).toBe(true);
    const third = await (await rig.client(url)).send({ type: 'host', settings });
    expect(third.ok).toBe(true);
  });
});

describe('a class never started', () => {
  it('expires while the server runs: its facilitator hears why, and its code no longer joins', async () => {
    // Six hours of the server's own time pass in an instant: the sweep finds the lobby expired.
    const time = new ManualTime();
    const { url } = await rig.server(undefined, { LOBBY_EXPIRY_HOURS: '6' }, { time });
    const hosted = await rig.host(url, settings);
    await time.advance(5.9 * 60 * 60 * 1000);
    expect(hosted.facilitator.latest('session')?.status).toBe('lobby');
    await time.advance(0.3 * 60 * 60 * 1000);
    const notice = await hosted.facilitator.next('notice', (message) => message.code === 'lobby-expired');
    expect(notice.message).toMatch(/never started and has expired/);
    expect((await hosted.facilitator.next('session', (message) => message.status === 'ended')).status).toBe('ended');
    const learner = await rig.client(url);
    expect(codeOf(await learner.send({ type: 'join', joinCode: hosted.joinCode, name: 'Ada' }))).toBe('unknown-join-code');
  });

  it('hosted hours before a restart is not restored: it is marked ended, and a started class is restored as ever', async () => {
    const databasePath = temporaryDatabase();
    const first = await rig.server(databasePath);
    const waiting = await rig.host(first.url, settings);
    const started = await rig.host(first.url, settings);
    expectOk(await started.facilitator.send({ type: 'start' }));
    await first.server.close();
    // Seven hours pass (the default expiry is six).
    const db = new Database(databasePath);
    db.prepare('UPDATE sessions SET created_at = ?').run(new Date(Date.now() - 7 * 60 * 60 * 1000).toISOString());
    db.close();

    const second = await rig.server(databasePath);
    const trainer = await rig.client(second.url);
    expect(codeOf(await trainer.send({ type: 'attachFacilitator', sessionId: waiting.sessionId, facilitatorKey: waiting.key }))).toBe(
      'unknown-session',
    );
    expectOk(await trainer.send({ type: 'attachFacilitator', sessionId: started.sessionId, facilitatorKey: started.key }));
    const check = new Database(databasePath, { readonly: true });
    const statuses = check.prepare('SELECT id, status FROM sessions').all() as { id: string; status: string }[];
    check.close();
    expect(Object.fromEntries(statuses.map((row) => [row.id, row.status]))).toEqual({
      [waiting.sessionId]: 'ended',
      [started.sessionId]: 'running',
    });
  });
});
