import { clientMessageSchema, ERROR_CODES } from '@ttc/protocol';
import { applyCommand, createGame, findScenario, stateHash } from '@ttc/sim';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SqliteSessionStore } from '../storage/sqlite-session-store.js';
import { expectOk, TestClient } from '../test-support/classroom-client.js';
import { type RunningServer, startTestServer } from '../test-support/test-server.js';

let running: RunningServer;
const clients: TestClient[] = [];

beforeAll(async () => {
  // The rate limits are tested elsewhere; here every message must reach validation.
  running = await startTestServer({ MESSAGE_RATE: '1000000', MESSAGE_BURST: '1000000', JOIN_GUESS_BURST: '10000' });
});

afterAll(async () => {
  for (const client of clients) client.close();
  await running.server.close();
});

// Every real message type, and a few that are not.
const types = [...clientMessageSchema.options.map((option) => option.shape.type.value), 'tick', 'setFigures', ''];

/** Messages that look almost right: a known or unknown type with random fields and values. */
const nearMessage = fc.record(
  {
    type: fc.constantFrom(...types),
    demandId: fc.oneof(fc.integer(), fc.double(), fc.string(), fc.constant(null)),
    decision: fc.oneof(fc.constantFrom('accommodate', 'premium', 'option', 'no', 'yes'), fc.string()),
    joinCode: fc.string({ maxLength: 10 }),
    name: fc.string({ maxLength: 40 }),
    token: fc.string({ maxLength: 70 }),
    tickMs: fc.oneof(fc.integer(), fc.constant(Number.NaN)),
    settings: fc.anything(),
    plan: fc.anything(),
    profitCents: fc.integer(),
  },
  { requiredKeys: ['type'] },
);

const payload = fc.oneof(
  { weight: 4, arbitrary: nearMessage },
  { weight: 2, arbitrary: fc.anything({ maxDepth: 3 }) },
  {
    weight: 1,
    arbitrary: fc.string({ minLength: 9000, maxLength: 12_000 }).map((text) => ({ type: 'join', joinCode: 'ACDEFG', name: text })),
  },
  { weight: 1, arbitrary: fc.constantFrom(null, undefined, 0, '', [], {}, 'message', true) },
);

describe('fuzzing the socket endpoint', () => {
  it('answers thousands of random and malformed messages with typed errors, and the session stays intact', async () => {
    const facilitator = new TestClient(running.url);
    const player = new TestClient(running.url);
    const stranger = new TestClient(running.url);
    clients.push(facilitator, player, stranger);
    await Promise.all([facilitator.connected(), player.connected(), stranger.connected()]);
    const hosted = expectOk(
      await facilitator.send({
        type: 'host',
        settings: {
          scenarioId: 'boutique-hotel',
          rounds: 3,
          ticksPerRound: 16,
          teamCount: 2,
          tickMs: 100,
          botsForEmptyTeams: true,
          seed: 9,
        },
      }),
    );
    expectOk(await player.send({ type: 'join', joinCode: hosted.joinCode, name: 'Hana' }));
    expectOk(await facilitator.send({ type: 'start' }));

    const samples = fc.sample(payload, { numRuns: 3000, seed: 20261122 });
    let errors = 0;
    for (const [index, sample] of samples.entries()) {
      // Spread them over the three roles: stranger, player, and (rarely) facilitator.
      const sender = index % 3 === 0 ? stranger : index % 3 === 1 ? player : facilitator;
      const message =
        sender === facilitator && typeof sample === 'object' && sample && (sample as { type?: string }).type === 'end'
          ? { type: 'pause' }
          : sample;
      const reply = await sender.sendRaw(message);
      if (!reply.ok) {
        errors++;
        expect(ERROR_CODES).toContain(reply.error.code);
        expect(reply.error.message.length).toBeGreaterThan(0);
      }
    }
    expect(errors).toBeGreaterThan(2500);
    // Unknown events with a callback are answered too.
    const odd = (await stranger.socket.timeout(2000).emitWithAck('explode', { now: true })) as { ok: boolean; error: { code: string } };
    expect(odd).toMatchObject({ ok: false, error: { code: 'bad-message' } });

    // The server is up and the session still works and still matches its log.
    expect((await fetch(`${running.url}/api/health`)).status).toBe(200);
    expectOk(
      await facilitator.send({ type: 'resume' }).then((reply) => (reply.ok || reply.error.code === 'wrong-phase' ? { ok: true } : reply)),
    );
    const session = running.server.registry.get(hosted.sessionId);
    if (!session) throw new Error('session gone');
    // The log and the live game read together, in the session's queue: the clock runs on meanwhile.
    const store = new SqliteSessionStore(running.databasePath, 'process', { lock: false });
    const { log, liveHash } = await session.serial(async () => ({
      log: await store.readLog(session.id),
      liveHash: stateHash(session.game.state),
    }));
    await store.close();
    const scenario = findScenario('boutique-hotel');
    if (!scenario) throw new Error('no scenario');
    const replay = createGame({ scenario, seed: 9, teams: 2, rounds: 3, ticksPerRound: 16, teamNames: ['Team 1', 'Team 2'] });
    for (const entry of log) applyCommand(replay, entry.command);
    expect(stateHash(replay.state)).toBe(liveHash);
  }, 120_000);

  it('caps the message rate per connection', async () => {
    const limited = await startTestServer({ MESSAGE_RATE: '5', MESSAGE_BURST: '10' });
    const client = new TestClient(limited.url);
    await client.connected();
    const replies = await Promise.all(Array.from({ length: 30 }, () => client.send({ type: 'start' })));
    const codes = replies.map((reply) => (reply.ok ? 'ok' : reply.error.code));
    expect(codes.filter((code) => code === 'rate-limited').length).toBeGreaterThanOrEqual(15);
    expect(codes.filter((code) => code === 'not-attached').length).toBeGreaterThanOrEqual(5);
    client.close();
    await limited.server.close();
  });
});
