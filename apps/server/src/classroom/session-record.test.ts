import { type HostSettings, replaySessionLog, sessionLogSchema } from '@ttc/protocol';
import { findScenario, STRATEGY_NAMES, stateHash } from '@ttc/sim';
import { afterAll, describe, expect, it } from 'vitest';
import { expectOk } from '../test-support/classroom-client.js';
import { ManualTime, playHoursUntil } from '../test-support/manual-time.js';
import { TestRig } from '../test-support/test-rig.js';
import type { RunningServer } from '../test-support/test-server.js';

const rig = new TestRig();
afterAll(() => rig.close());

/** A server on its own manual time: the test plays the hours instead of waiting for them. */
async function timedServer() {
  const time = new ManualTime();
  return { ...(await rig.server(undefined, {}, { time })), time };
}

const settings: HostSettings = {
  scenarioId: 'office-supplies',
  rounds: 2,
  ticksPerRound: 4,
  teamCount: 2,
  tickMs: 100,
  botsForEmptyTeams: true,
  seed: 9,
};

/** A class of two players in two teams, played into the first planning phase. */
async function classInPlanning(running: RunningServer & { time: ManualTime }) {
  const { facilitator, sessionId, joinCode, key } = await rig.host(running.url, settings);
  const tokens: string[] = [];
  for (const name of ['Ada', 'Grace']) {
    const player = await rig.client(running.url);
    tokens.push(expectOk(await player.send({ type: 'join', joinCode, name })).token);
  }
  expectOk(await facilitator.send({ type: 'start' }));
  await playHoursUntil(running.time, settings.tickMs, facilitator, (message) => message.phase === 'planning');
  return { facilitator, sessionId, key, token: tokens[0] ?? '' };
}

describe('the session record (GET /api/sessions/:id/log)', () => {
  it('opens with the facilitator key at any time and with a player token only once the session is over; it replays to the live state', async () => {
    const running = await timedServer();
    const { facilitator, sessionId, key, token } = await classInPlanning(running);
    const url = (query: string) => `${running.url}/api/sessions/${sessionId}/log?${query}`;
    expect((await fetch(url(`token=${token}`))).status).toBe(403);
    expect((await fetch(url('key=wrong-key-wrong-key-wrong'))).status).toBe(404);
    expect((await fetch(`${running.url}/api/sessions/nope/log?key=${key}`)).status).toBe(404);
    expect((await fetch(url(`key=${key}`))).status).toBe(200);
    expectOk(await facilitator.send({ type: 'end' }));

    const byPlayer = await fetch(url(`token=${token}`));
    expect(byPlayer.status).toBe(200);
    const log = sessionLogSchema.parse(await byPlayer.json());
    expect(log).toMatchObject({ sessionId, status: 'ended', seed: 9, teamNames: ['Team 1', 'Team 2'] });
    expect(log.players.map((player) => player.name).sort()).toEqual(['Ada', 'Grace']);
    expect(log.entries.filter((entry) => entry.command.type === 'tick')).toHaveLength(4);

    const scenario = findScenario(log.scenarioId);
    if (!scenario) throw new Error('scenario missing');
    const live = running.server.registry.get(sessionId)?.game;
    expect(live && stateHash(live.state)).toBe(stateHash(replaySessionLog(log, scenario).state));
  });

  it('a tampered record is refused by the replay, naming the entry', async () => {
    const running = await timedServer();
    const { sessionId, key } = await classInPlanning(running);
    const log = sessionLogSchema.parse(await (await fetch(`${running.url}/api/sessions/${sessionId}/log?key=${key}`)).json());
    const scenario = findScenario(log.scenarioId);
    if (!scenario) throw new Error('scenario missing');
    const tampered = { ...log, entries: [...log.entries, { seq: 999, tick: 0, actor: 'x', command: { type: 'startRound' as const } }] };
    // startRound twice in a row (the record already ends in planning, so one more is fine; two are not).
    tampered.entries.push({ seq: 1000, tick: 0, actor: 'x', command: { type: 'startRound' } });
    expect(() => replaySessionLog(tampered, scenario)).toThrow(/Entry 1000 .* does not apply/);
  });

  it('serves the results of an ended session after the server restarts, rebuilt from the record', async () => {
    const first = await timedServer();
    const { facilitator, sessionId, key } = await classInPlanning(first);
    expectOk(await facilitator.send({ type: 'end' }));
    const before = await (await fetch(`${first.url}/api/sessions/${sessionId}/results.csv?key=${key}`)).text();
    // Ended sessions leave memory after a while; their results still come from the record.
    expect(first.server.registry.forgetEnded(60_000)).toBe(0);
    expect(first.server.registry.forgetEnded(60_000, Date.now() + 60_001)).toBe(1);
    expect(first.server.registry.get(sessionId)).toBeUndefined();
    expect(await (await fetch(`${first.url}/api/sessions/${sessionId}/results.csv?key=${key}`)).text()).toBe(before);
    await first.server.close();

    const second = await rig.server(first.databasePath);
    expect(second.server.registry.get(sessionId)).toBeUndefined();
    const response = await fetch(`${second.url}/api/sessions/${sessionId}/results.csv?key=${key}`);
    expect(response.status).toBe(200);
    const after = await response.text();
    expect(after).toBe(before);
    // A header and one row per team and benchmark for the one round played.
    expect(after.trim().split('\n')).toHaveLength(1 + 2 + STRATEGY_NAMES.length);
    expect((await fetch(`${second.url}/api/sessions/${sessionId}/results.csv?key=wrong-key-wrong-key`)).status).toBe(404);
  });
});
