import type { HostSettings } from '@ttc/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectOk } from '../test-support/classroom-client.js';
import { ManualTime, playHoursUntil } from '../test-support/manual-time.js';
import { TestRig } from '../test-support/test-rig.js';
import type { RunningServer } from '../test-support/test-server.js';
import { LATE_ANSWER_GRACE_MS } from './classroom-session.js';

const rig = new TestRig();
let running: RunningServer;
/** The server's own time: the test plays the hours to the round's end and steps over the grace. */
const time = new ManualTime();

beforeAll(async () => {
  running = await rig.server(undefined, {}, { time });
});

afterAll(() => rig.close());

const settings: HostSettings = {
  scenarioId: 'office-supplies',
  rounds: 3,
  ticksPerRound: 4,
  teamCount: 1,
  tickMs: 100,
  botsForEmptyTeams: false,
  seed: 3,
};

describe('a decision racing the end of a round', () => {
  it('is taken as a late answer just after the bell, heard by the team, and refused once the grace is over', async () => {
    const facilitator = await rig.client(running.url);
    const hosted = expectOk(await facilitator.send({ type: 'host', settings }));
    const player = await rig.client(running.url);
    expectOk(await player.send({ type: 'join', joinCode: hosted.joinCode, name: 'Ada' }));
    expectOk(await facilitator.send({ type: 'start' }));
    await playHoursUntil(time, settings.tickMs, facilitator, (message) => message.phase === 'planning');
    const board = await player.next('board', (message) => message.board.phase === 'planning');
    const [first, second] = board.board.cards;
    if (!first || !second) throw new Error('this seed leaves two cards waiting at the round end');

    // Sent as the round ended: the card carried over, so the answer stands and the team hears it.
    const late = expectOk(await player.send({ type: 'decide', demandId: first.demand.id, decision: 'accommodate' }));
    expect(late.outcome.demandId).toBe(first.demand.id);
    await player.next('decided', (message) => message.demandId === first.demand.id);

    // Well after the bell: not a late answer any more, but a decision between rounds.
    await time.advance(LATE_ANSWER_GRACE_MS + 1);
    const refused = await player.send({ type: 'decide', demandId: second.demand.id, decision: 'accommodate' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'wrong-phase' } });

    // The next round: the carried card is answered as any other.
    expectOk(await facilitator.send({ type: 'nextRound' }));
    expectOk(await player.send({ type: 'decide', demandId: second.demand.id, decision: 'no' }));
  });
});
