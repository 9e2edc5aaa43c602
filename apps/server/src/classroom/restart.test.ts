import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SqliteSessionStore } from '../storage/sqlite-session-store.js';
import { type ChildServer, spawnServer, stopServer, untilRunning } from '../test-support/child-server.js';
import { expectOk, TestClient } from '../test-support/classroom-client.js';
import { freePort } from '../test-support/free-port.js';

const databasePath = join(mkdtempSync(join(tmpdir(), 'ttc-restart-')), 'sessions.db');
const children: ChildServer[] = [];
const clients: TestClient[] = [];

/** Starts the real server entry point as a child process and waits until it listens. */
async function startChild(port: number): Promise<ChildServer> {
  const server = spawnServer({ PORT: String(port), DATABASE_PATH: databasePath });
  children.push(server);
  await untilRunning(server);
  return server;
}

afterAll(async () => {
  for (const client of clients) client.close();
  for (const child of children) await stopServer(child);
});

describe('a server killed mid-round', () => {
  it('restarts from its log with no acknowledged command lost, and clients reconnect by themselves', async () => {
    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    const first = await startChild(port);

    const facilitator = new TestClient(url);
    clients.push(facilitator);
    await facilitator.connected();
    const hosted = expectOk(
      await facilitator.send({
        type: 'host',
        settings: { scenarioId: 'shoe-store', rounds: 2, ticksPerRound: 12, teamCount: 2, tickMs: 150, botsForEmptyTeams: true, seed: 3 },
      }),
    );
    const player = new TestClient(url);
    clients.push(player);
    await player.connected();
    const seat = expectOk(await player.send({ type: 'join', joinCode: hosted.joinCode, name: 'Grace' }));
    // A real client re-attaches whenever its connection comes back.
    player.socket.io.on('reconnect', () => void player.send({ type: 'attach', token: seat.token }));
    facilitator.socket.io.on(
      'reconnect',
      () => void facilitator.send({ type: 'attachFacilitator', sessionId: hosted.sessionId, facilitatorKey: hosted.facilitatorKey }),
    );
    expectOk(await facilitator.send({ type: 'start' }));

    // Decide every card as it comes, remembering which decisions the server acknowledged.
    const acknowledged: number[] = [];
    for (let attempt = 0; attempt < 60 && acknowledged.length < 4; attempt++) {
      const board = await player.next('board', (message) => message.board.cards.some((card) => !acknowledged.includes(card.demand.id)));
      const card = board.board.cards.find((candidate) => !acknowledged.includes(candidate.demand.id));
      if (!card) continue;
      const reply = await player.send({ type: 'decide', demandId: card.demand.id, decision: 'premium' });
      if (reply.ok) acknowledged.push(card.demand.id);
    }
    expect(acknowledged.length).toBeGreaterThanOrEqual(4);

    await stopServer(first, 'SIGKILL');
    const store = new SqliteSessionStore(databasePath);
    const logged = (await store.readLog(hosted.sessionId)).flatMap((entry) =>
      entry.command.type === 'decide' ? [entry.command.demandId] : [],
    );
    await store.close();
    for (const demandId of acknowledged) expect(logged).toContain(demandId);

    const ticksBefore = facilitator.latest('session')?.tick ?? 0;
    const roundBefore = facilitator.latest('session')?.round ?? 1;
    const updatesBefore = player.updates.length;
    await startChild(port);
    // Both clients come back on their own, get their seats, and the clock runs on from the log.
    const resumed = await facilitator.next(
      'session',
      (message) => message.status === 'running' && (message.round > roundBefore || message.tick > ticksBefore),
      30_000,
    );
    expect(resumed.sessionId).toBe(hosted.sessionId);
    await player.next('board', () => player.updates.length > updatesBefore, 30_000);
    const latestBoard = player.latest('board');
    expect(latestBoard?.board.team).toBe(seat.team);
    const again = await player.send({ type: 'attach', token: seat.token });
    expect(again.ok).toBe(true);
  }, 120_000);
});
