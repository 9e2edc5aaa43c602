import type { HostSettings } from '@ttc/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectOk } from '../test-support/classroom-client.js';
import { ManualTime, playHoursUntil } from '../test-support/manual-time.js';
import { TestRig } from '../test-support/test-rig.js';
import type { RunningServer } from '../test-support/test-server.js';

const rig = new TestRig();
let running: RunningServer;
/** The server's own time: the test plays the hours instead of waiting for them. */
const time = new ManualTime();

beforeAll(async () => {
  running = await rig.server(undefined, {}, { time });
});

afterAll(() => rig.close());

const settings: HostSettings = {
  scenarioId: 'office-supplies',
  rounds: 2,
  ticksPerRound: 6,
  teamCount: 2,
  tickMs: 100,
  botsForEmptyTeams: false,
  seed: 4,
};

describe('boards as patches', () => {
  it('after a whole first board, members get patches from which they rebuild exactly the board a newcomer gets whole', async () => {
    const facilitator = await rig.client(running.url);
    const hosted = expectOk(await facilitator.send({ type: 'host', settings }));
    const ada = await rig.client(running.url);
    const joined = expectOk(await ada.send({ type: 'join', joinCode: hosted.joinCode, name: 'Ada' }));
    expectOk(await facilitator.send({ type: 'start' }));
    await playHoursUntil(time, settings.tickMs, facilitator, (message) => message.tick >= 3);
    // A decision: its board comes as a patch within a second.
    const held = await ada.next('board', (message) => message.board.cards.length > 0);
    const card = held.board.cards[0];
    if (!card) throw new Error('a card waits');
    expectOk(await ada.send({ type: 'decide', demandId: card.demand.id, decision: 'no' }));
    await time.advance(1000);
    await ada.next('board', (message) => !message.board.cards.some((waiting) => waiting.demand.id === card.demand.id));

    const wire = ada.boardsOnTheWire;
    expect(wire[0]).not.toHaveProperty('base');
    const patches = wire.filter((message) => 'base' in message);
    expect(patches.length).toBeGreaterThanOrEqual(3);
    // Numbered one after the other, each on the one before.
    for (let index = 1; index < wire.length; index++) {
      expect(wire[index]?.version).toBe((wire[index - 1]?.version ?? 0) + 1);
      if (wire[index] && 'base' in (wire[index] as object)) expect((wire[index] as { base: number }).base).toBe(wire[index - 1]?.version);
    }
    // Smaller than the boards they give.
    const bytes = (messages: readonly unknown[]) => messages.reduce<number>((sum, message) => sum + JSON.stringify(message).length, 0);
    const rebuilt = ada.updates.filter((message) => message.type === 'board').slice(1);
    expect(bytes(patches)).toBeLessThan(bytes(rebuilt) / 2);

    // A newcomer to the team (the same seat, another tab) gets the whole board Ada rebuilt.
    const tab = await rig.client(running.url);
    expectOk(await tab.send({ type: 'attach', token: joined.token }));
    const whole = await tab.next('board');
    expect(whole).toEqual(ada.latest('board'));
    expect(tab.boardsOnTheWire[0]).not.toHaveProperty('base');
    // And resyncBoard answers with it too.
    const resync = expectOk(await ada.send({ type: 'resyncBoard' }));
    expect(resync.board).toEqual(ada.latest('board'));
    expect(ada.invalid).toEqual([]);
  });

  it('a member who missed a board asks for the whole board and carries on from it', async () => {
    const facilitator = await rig.client(running.url);
    const hosted = expectOk(await facilitator.send({ type: 'host', settings }));
    const grace = await rig.client(running.url);
    expectOk(await grace.send({ type: 'join', joinCode: hosted.joinCode, name: 'Grace' }));
    expectOk(await facilitator.send({ type: 'start' }));
    await playHoursUntil(time, settings.tickMs, facilitator, (message) => message.tick >= 1);
    const before = grace.latest('board');
    // The board after the next hour is lost on its way (as a dropped frame would be): the one after does not follow.
    grace.socket.off('update');
    await playHoursUntil(time, settings.tickMs, facilitator, (message) => message.tick >= 2);
    grace.socket.on('update', (payload: unknown) => grace.receiveForTest(payload));
    await playHoursUntil(time, settings.tickMs, facilitator, (message) => message.tick >= 3);
    const after = await grace.next('board', (message) => message.board.tick >= 3);
    expect(after.version).toBeGreaterThan((before?.version ?? 0) + 1);
    expect(grace.boards.latest(after.board.team)).toEqual(after);
  });
});
