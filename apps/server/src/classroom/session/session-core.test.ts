import { sessionSummariesResponseSchema } from '@ttc/protocol';
import { afterAll, describe, expect, it } from 'vitest';
import { SqliteSessionStore } from '../../storage/sqlite-session-store.js';
import { codeOf, expectOk } from '../../test-support/classroom-client.js';
import { gatedStore } from '../../test-support/gated-store.js';
import { ManualTime } from '../../test-support/manual-time.js';
import { TestRig } from '../../test-support/test-rig.js';
import { temporaryDatabase } from '../../test-support/test-server.js';

// A commit writes to the log first and only then shows the new state: while a decision waits
// for a slow database, nobody outside the session's queue sees it — not a reload's board, not
// the past-classes summary — and a write that fails leaves nothing behind.

const rig = new TestRig();
afterAll(() => rig.close());

const settings = {
  scenarioId: 'office-supplies',
  rounds: 1,
  ticksPerRound: 12,
  teamCount: 1,
  tickMs: 1000,
  botsForEmptyTeams: false,
  seed: 8,
};

async function classWithACard() {
  const databasePath = temporaryDatabase();
  const store = gatedStore(new SqliteSessionStore(databasePath, 'process'));
  const time = new ManualTime();
  const running = await rig.server(databasePath, {}, { store, time });
  const { facilitator, sessionId, joinCode, key } = await rig.host(running.url, settings);
  const learner = await rig.client(running.url);
  const seat = expectOk(await learner.send({ type: 'join', joinCode, name: 'Ada' }));
  expectOk(await facilitator.send({ type: 'start' }));
  // Hours pass until a customer waits.
  for (let hour = 0; hour < 12 && !(learner.latest('board')?.board.cards.length ?? 0); hour++) {
    await time.advance(settings.tickMs);
    await learner.next('board', (message) => message.board.tick > hour);
  }
  const card = learner.latest('board')?.board.cards[0];
  if (!card) throw new Error('a customer arrived');
  const session = running.server.registry.get(sessionId);
  if (!session) throw new Error('session missing');
  const summary = async () => {
    const response = await fetch(`${running.url}/api/sessions/summaries`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ sessions: [{ sessionId, key }] }),
    });
    return sessionSummariesResponseSchema.parse(await response.json()).sessions[0]?.teams[0];
  };
  return { running, store, learner, token: seat.token, demandId: card.demand.id, session, summary };
}

describe('the session core', () => {
  it('shows a decision only once it is in the log: readers wait for the write and then see it', async () => {
    const { running, store, learner, token, demandId, session, summary } = await classWithACard();
    const before = await summary();
    const held = store.hold();
    const order: string[] = [];
    const decided = learner.send({ type: 'decide', demandId, decision: 'no' }).then((reply) => {
      order.push('decided');
      return reply;
    });
    await held;
    // The game holds a command the log does not yet: reading it outside the queue is refused.
    expect(() => session.game).toThrow(/not yet durable/);
    const reloaded = await rig.client(running.url);
    const attached = reloaded.send({ type: 'attach', token }).then((reply) => {
      order.push('attached');
      return reply;
    });
    const summarised = summary().then((figures) => {
      order.push('summarised');
      return figures;
    });
    store.release();
    expectOk(await decided);
    expectOk(await attached);
    const after = await summarised;
    expect(order[0]).toBe('decided');
    // What the readers saw is the state with the decision: the card is gone, the loyalty changed.
    expect(reloaded.latest('board')?.board.cards.some((card) => card.demand.id === demandId)).toBe(false);
    expect(after?.loyalty).not.toBe(before?.loyalty);
  });

  it('a write that fails leaves nothing behind: the sender hears storage-busy and the card still waits', async () => {
    const { running, store, learner, token, demandId, session } = await classWithACard();
    const held = store.hold();
    const decided = learner.send({ type: 'decide', demandId, decision: 'premium' });
    await held;
    store.fail(Object.assign(new Error('database is locked'), { code: 'SQLITE_BUSY' }));
    expect(codeOf(await decided)).toBe('storage-busy');
    expect(session.game.state.teams[0]?.demands.some((demand) => demand.id === demandId)).toBe(true);
    const reloaded = await rig.client(running.url);
    expectOk(await reloaded.send({ type: 'attach', token }));
    expect(reloaded.latest('board')?.board.cards.some((card) => card.demand.id === demandId)).toBe(true);
    expectOk(await learner.send({ type: 'decide', demandId, decision: 'no' }));
  });
});
