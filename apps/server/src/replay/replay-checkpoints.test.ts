import { checkpointMismatches, type HostSettings, replayBundleSchema, replayIndexOfSessionLog, replaySessionLog } from '@ttc/protocol';
import { checkpointHash, findScenario } from '@ttc/sim';
import { afterAll, describe, expect, it } from 'vitest';
import { expectOk } from '../test-support/classroom-client.js';
import { ManualTime, playHoursUntil } from '../test-support/manual-time.js';
import { TestRig } from '../test-support/test-rig.js';
import type { RunningServer } from '../test-support/test-server.js';

const rig = new TestRig();
afterAll(() => rig.close());

const facilitatorOf = (running: RunningServer, settings: HostSettings) => rig.host(running.url, settings);

const settings: HostSettings = {
  scenarioId: 'office-supplies',
  rounds: 2,
  ticksPerRound: 4,
  teamCount: 3,
  tickMs: 100,
  botsForEmptyTeams: true,
  seed: 31,
};

async function bundleOf(running: RunningServer, sessionId: string, key: string) {
  const response = await fetch(`${running.url}/api/sessions/${sessionId}/replay?key=${key}`);
  expect(response.status).toBe(200);
  return replayBundleSchema.parse(await response.json());
}

describe('state hashes recorded during play (checkpoints)', () => {
  it('a class of bots played to the end: the replay gives the recorded hash at every key moment, round end and the end', async () => {
    const time = new ManualTime();
    const running = await rig.server(undefined, {}, { time });
    const { facilitator, sessionId, key } = await facilitatorOf(running, settings);
    const play = (until: (session: { phase: string; status: string }) => boolean) =>
      playHoursUntil(time, settings.tickMs, facilitator, until);
    expectOk(await facilitator.send({ type: 'start' }));
    // An event is a key moment for every team, whatever the bots decide.
    expectOk(await facilitator.send({ type: 'injectEvent', target: 'all', eventId: 'flu-season' }));
    await play((message) => message.phase === 'planning');
    expectOk(await facilitator.send({ type: 'nextRound' }));
    await play((message) => message.status === 'ended');

    const bundle = await bundleOf(running, sessionId, key);
    const reasons = new Set(bundle.checkpoints.map((checkpoint) => checkpoint.reason));
    expect([...reasons].sort()).toEqual(['game-end', 'key-moment', 'round-end']);
    expect(bundle.checkpoints.filter((checkpoint) => checkpoint.reason === 'round-end')).toHaveLength(1);
    const scenario = findScenario(bundle.log.scenarioId);
    if (!scenario) throw new Error('scenario missing');
    const index = replayIndexOfSessionLog(bundle.log, scenario);
    expect(checkpointMismatches(index, bundle.checkpoints)).toEqual([]);
    // Every key moment of the game has its checkpoint at the command that marked it.
    const momentPositions = new Set(index.marks.filter((mark) => mark.kind === 'key-moment').map((mark) => mark.position));
    const momentCheckpoints = new Set(bundle.checkpoints.filter((c) => c.reason === 'key-moment').map((c) => c.seq));
    expect(momentCheckpoints).toEqual(momentPositions);
    // The end: the live game, the replayed record and the last checkpoint agree.
    const end = bundle.checkpoints.find((checkpoint) => checkpoint.reason === 'game-end');
    const live = running.server.registry.get(sessionId)?.game;
    expect(end?.seq).toBe(bundle.log.entries.length);
    expect(live && checkpointHash(live.state)).toBe(end?.hash);
    expect(checkpointHash(replaySessionLog(bundle.log, scenario).state)).toBe(end?.hash);
  });

  it('a session ended early records its last state; a changed record no longer matches its checkpoints', async () => {
    const time = new ManualTime();
    const running = await rig.server(undefined, {}, { time });
    const { facilitator, sessionId, key } = await facilitatorOf(running, { ...settings, rounds: 3 });
    expectOk(await facilitator.send({ type: 'start' }));
    await playHoursUntil(time, settings.tickMs, facilitator, (message) => message.phase === 'planning');
    expectOk(await facilitator.send({ type: 'end' }));

    const bundle = await bundleOf(running, sessionId, key);
    const last = bundle.checkpoints.at(-1);
    expect(last).toMatchObject({ reason: 'session-end', seq: bundle.log.entries.length, tick: 4 });
    const scenario = findScenario(bundle.log.scenarioId);
    if (!scenario) throw new Error('scenario missing');
    expect(checkpointMismatches(replayIndexOfSessionLog(bundle.log, scenario), bundle.checkpoints)).toEqual([]);

    // Drop a bot's decision from the record: it still replays, but not to the recorded states.
    const decision = bundle.log.entries.findIndex((entry) => entry.command.type === 'decide');
    expect(decision).toBeGreaterThanOrEqual(0);
    const altered = { ...bundle.log, entries: bundle.log.entries.filter((_, index) => index !== decision) };
    const mismatches = checkpointMismatches(replayIndexOfSessionLog(altered, scenario), bundle.checkpoints);
    expect(mismatches.length).toBeGreaterThan(0);
  });
});
