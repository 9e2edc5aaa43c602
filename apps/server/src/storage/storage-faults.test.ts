import { spawn } from 'node:child_process';
import { chmodSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { HostSettings } from '@ttc/protocol';
import { afterAll, describe, expect, it } from 'vitest';
import { type ChildServer, spawnServer, stopServer, untilRunning } from '../test-support/child-server.js';
import { codeOf, expectOk, type TestClient } from '../test-support/classroom-client.js';
import { freePort } from '../test-support/free-port.js';
import { TestRig } from '../test-support/test-rig.js';
import { temporaryDatabase } from '../test-support/test-server.js';
import { SqliteSessionStore } from './sqlite-session-store.js';

const rig = new TestRig();
const children: ChildServer[] = [];
afterAll(async () => {
  await rig.close();
  for (const child of children) await stopServer(child);
});

const serverDir = new URL('../..', import.meta.url).pathname;

/**
 * Another process takes the database's write lock (an exclusive transaction, as a stray
 * `sqlite3` shell would) and holds it for `holdMs`. Resolves once the lock is held.
 */
async function lockDatabaseFromAnotherProcess(databasePath: string, holdMs: number) {
  const script = `
    const Database = require('better-sqlite3');
    const db = new Database(process.env.LOCK_DB);
    db.exec('BEGIN EXCLUSIVE');
    console.log('locked');
    setTimeout(() => { db.exec('COMMIT'); db.close(); console.log('released'); }, Number(process.env.HOLD_MS));
  `;
  const locker = spawn(process.execPath, ['-e', script], {
    cwd: serverDir,
    env: { ...process.env, LOCK_DB: databasePath, HOLD_MS: String(holdMs) },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const released = new Promise<void>((resolve) => locker.once('exit', () => resolve()));
  await new Promise<void>((resolve, reject) => {
    locker.stdout.on('data', (chunk: Buffer) => chunk.toString().includes('locked') && resolve());
    locker.once('exit', (code) => reject(new Error(`the locking process ended early (${code})`)));
  });
  return { released };
}

const oneTeam: HostSettings = {
  scenarioId: 'shoe-store',
  rounds: 1,
  ticksPerRound: 48,
  teamCount: 1,
  tickMs: 150,
  botsForEmptyTeams: false,
  seed: 3,
};

/**
 * A card the learner has not decided, from their latest board (boards come with every tick, so
 * it holds the cards still waiting), or from the next board when the latest has none.
 */
async function undecidedCard(learner: TestClient, decided: number[]): Promise<number> {
  const pick = (board: { board: { cards: { demand: { id: number } }[] } } | undefined) =>
    board?.board.cards.find((card) => !decided.includes(card.demand.id))?.demand.id;
  const waiting = pick(learner.latest('board'));
  if (waiting !== undefined) return waiting;
  const from = learner.updates.length;
  const next = await learner.next('board', (board) => learner.updates.indexOf(board) >= from && pick(board) !== undefined, 30_000);
  return pick(next) ?? 0;
}

describe('a database that stops taking writes while classes run', () => {
  it('locked by another process for 8 s: the clock holds, the facilitator hears why, and it runs on with nothing acknowledged lost', async () => {
    const { url, databasePath } = await rig.server();
    const { facilitator, joinCode } = await rig.host(url, oneTeam);
    const learner = await rig.client(url);
    expectOk(await learner.send({ type: 'join', joinCode, name: 'Grace' }));
    expectOk(await facilitator.send({ type: 'start' }));
    const acknowledged: number[] = [];
    const tried: number[] = [];
    // A card may run out of patience between the board and the decision: then try the next one.
    while (acknowledged.length < 2) {
      const demandId = await undecidedCard(learner, tried);
      tried.push(demandId);
      const reply = await learner.send({ type: 'decide', demandId, decision: 'premium' });
      if (reply.ok) acknowledged.push(demandId);
      else expect(codeOf(reply)).toBe('already-decided');
    }

    const lock = await lockDatabaseFromAnotherProcess(databasePath, 8000);
    const retrying = await facilitator.next('notice', (message) => message.code === 'storage-retrying', 10_000);
    expect(retrying.message).toMatch(/clock is held.*SQLITE_BUSY.*nothing acknowledged is lost/);
    const heldAt = facilitator.latest('session')?.tick ?? -1;
    // A decision during the lock is refused as such, and changes nothing. (No tick runs while the
    // clock is held, so the latest board's cards are the ones still waiting.)
    const refusedCard = await undecidedCard(learner, tried);
    const refused = await learner.send({ type: 'decide', demandId: refusedCard, decision: 'no' });
    expect(codeOf(refused)).toBe('storage-busy');
    expect(refused.ok === false && refused.error.message).toMatch(/Nothing changed: try again/);

    await lock.released;
    const recovered = await facilitator.next('notice', (message) => message.code === 'storage-recovered', 20_000);
    expect(recovered.message).toMatch(/clock runs on/);
    // The refused card can be decided now (unless the first tick after the hold ran out its
    // patience): the refusal left nothing behind.
    const again = await learner.send({ type: 'decide', demandId: refusedCard, decision: 'no' });
    if (again.ok) acknowledged.push(refusedCard);
    else expect(codeOf(again)).toBe('already-decided');
    await facilitator.next('session', (message) => message.tick >= heldAt + 3, 20_000);
    // While it was held the clock stood still: every session message between the notices has the held tick.
    const between = facilitator.updates.slice(facilitator.updates.indexOf(retrying), facilitator.updates.indexOf(recovered));
    expect(between.every((message) => message.type !== 'session' || message.tick <= heldAt + 1)).toBe(true);
    expectOk(await facilitator.send({ type: 'pause' }));

    const store = new SqliteSessionStore(databasePath, 'process', { lock: false });
    const log = await store.readLog(facilitator.latest('session')?.sessionId ?? '');
    await store.close();
    const decided = log.flatMap((entry) => (entry.command.type === 'decide' ? [entry.command.demandId] : []));
    expect(decided).toEqual(acknowledged);
    expect(log.map((entry) => entry.seq)).toEqual(log.map((_, index) => index + 1));
  }, 60_000);
});

describe('a database the server cannot use at start', () => {
  // As root every file is writable: the server then runs as "nobody" to meet a read-only one.
  const asAnotherUser = process.getuid?.() === 0 ? { uid: 65534 } : {};

  async function startFails(databasePath: string): Promise<string> {
    const server = spawnServer({ PORT: String(await freePort()), DATABASE_PATH: databasePath }, asAnotherUser);
    children.push(server);
    expect(await server.exited).toBe(1);
    expect(server.output()).not.toContain('is running at');
    return server.output();
  }

  it('a read-only database file stops the start with a message saying so', async () => {
    const directory = mkdtempSync(join(tmpdir(), 'ttc-readonly-'));
    const databasePath = join(directory, 'sessions.db');
    new SqliteSessionStore(databasePath).close();
    chmodSync(databasePath, 0o444);
    chmodSync(directory, 0o777);
    const output = await startFails(databasePath);
    expect(output).toContain(`Tame the Chaos cannot start: The database ${databasePath} cannot be written`);
    expect(output).toContain('check the permissions');
  });

  it('a read-only directory, or a path through a file, stops the start with a message saying so', async () => {
    const directory = mkdtempSync(join(tmpdir(), 'ttc-readonly-'));
    chmodSync(directory, 0o555);
    expect(await startFails(join(directory, 'sessions.db'))).toMatch(/cannot start: .*(lock file|cannot be written).*permissions/);
    const file = join(mkdtempSync(join(tmpdir(), 'ttc-notadir-')), 'plain-file');
    writeFileSync(file, 'not a directory');
    chmodSync(join(file, '..'), 0o777);
    expect(await startFails(join(file, 'data', 'sessions.db'))).toMatch(/cannot start: DATABASE_PATH .* its directory cannot be created/);
  });

  it('a second server on the same database file is refused while the first runs, and starts once it has stopped', async () => {
    const databasePath = temporaryDatabase();
    const first = await rig.server(databasePath);
    const second = spawnServer({ PORT: String(await freePort()), DATABASE_PATH: databasePath });
    children.push(second);
    expect(await second.exited).toBe(1);
    expect(second.output()).toContain(`Tame the Chaos cannot start: Another server process is already using the database ${databasePath}`);
    // The first runs on untouched.
    expect((await fetch(`${first.url}/api/ready`)).status).toBe(200);
    await first.server.close();
    const third = spawnServer({ PORT: String(await freePort()), DATABASE_PATH: databasePath });
    children.push(third);
    await untilRunning(third);
  });
});
