import type { HostSettings } from '@ttc/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectOk } from '../test-support/classroom-client.js';
import { ManualTime, playHoursUntil } from '../test-support/manual-time.js';
import { TestRig } from '../test-support/test-rig.js';
import type { RunningServer } from '../test-support/test-server.js';

const rig = new TestRig();
let running: RunningServer;
/** The server's own time: the test plays the hours to the round's end, and lets time pass in planning. */
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
  it('is taken as a late answer after the bell, however late the message comes, and heard by the team', async () => {
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

    // Long after the bell (a server seconds behind under load, a phone on a slow network): still the same waiting card.
    await time.advance(30_000);
    expectOk(await player.send({ type: 'decide', demandId: second.demand.id, decision: 'no' }));
    expect(await player.send({ type: 'decide', demandId: second.demand.id, decision: 'premium' })).toMatchObject({
      ok: false,
      error: { code: 'already-decided' },
    });

    // The next round: the cards still waiting are answered as any other.
    expectOk(await facilitator.send({ type: 'nextRound' }));
    const third = board.board.cards[2];
    if (third) expectOk(await player.send({ type: 'decide', demandId: third.demand.id, decision: 'no' }));
  });
});
