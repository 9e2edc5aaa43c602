import { type HostSettings, sessionLogSchema } from '@ttc/protocol';
import { afterAll, describe, expect, it } from 'vitest';
import { readConfig } from '../config.js';
import { type ChildServer, spawnServer, stopServer } from '../test-support/child-server.js';
import { codeOf, expectOk, type TestClient } from '../test-support/classroom-client.js';
import { freePort } from '../test-support/free-port.js';
import { TemporarySchemas } from '../test-support/postgres-schemas.js';
import { TcpProxy } from '../test-support/tcp-proxy.js';
import { TestRig } from '../test-support/test-rig.js';
import { PostgresSessionStore } from './postgres-session-store.js';

const schemas = new TemporarySchemas();
const rig = new TestRig();
const children: ChildServer[] = [];
const proxies: TcpProxy[] = [];
afterAll(async () => {
  await rig.close();
  for (const child of children) await stopServer(child);
  for (const proxy of proxies) await proxy.cut();
  await schemas.dropAll();
});

const oneTeam: HostSettings = {
  scenarioId: 'shoe-store',
  rounds: 1,
  ticksPerRound: 48,
  teamCount: 1,
  tickMs: 150,
  botsForEmptyTeams: false,
  seed: 3,
};

/** Decides cards as they come until `count` were acknowledged; a card may run out of patience first. */
async function decideCards(learner: TestClient, count: number, acknowledged: number[] = []): Promise<number[]> {
  const tried = new Set(acknowledged);
  while (acknowledged.length < count) {
    const board = await learner.next('board', (message) => message.board.cards.some((card) => !tried.has(card.demand.id)), 30_000);
    const card = board.board.cards.find((candidate) => !tried.has(candidate.demand.id));
    if (!card) continue;
    tried.add(card.demand.id);
    const reply = await learner.send({ type: 'decide', demandId: card.demand.id, decision: 'premium' });
    if (reply.ok) acknowledged.push(card.demand.id);
    else expect(codeOf(reply)).toBe('already-decided');
  }
  return acknowledged;
}

/** The decisions in a session's log, read straight from the schema. */
async function loggedDecisions(schema: string, sessionId: string): Promise<{ decided: number[]; seqs: number[] }> {
  const store = new PostgresSessionStore(schemas.settings(schema));
  await store.open();
  const log = await store.readLog(sessionId);
  await store.close();
  return {
    decided: log.flatMap((entry) => (entry.command.type === 'decide' ? [entry.command.demandId] : [])),
    seqs: log.map((entry) => entry.seq),
  };
}

describe('DATABASE_URL in the settings', () => {
  it('refuses an address that is not PostgreSQL, without repeating its password', () => {
    const result = readConfig({ DATABASE_URL: 'mysql://trainer:s3cret@db.example.org/classes' });
    expect(result.ok).toBe(false);
    const message = result.ok ? '' : result.message;
    expect(message).toContain('DATABASE_URL: a PostgreSQL address such as postgres://user:password@host:5432/database');
    expect(message).toContain('mysql://trainer:***@db.example.org/classes');
    expect(message).not.toContain('s3cret');
  });

  it('takes postgres:// and postgresql:// addresses, and a plain schema name', () => {
    for (const url of ['postgres://db.example.org/classes', 'postgresql://trainer:pw@10.0.0.5:6432/classes?sslmode=require'])
      expect(readConfig({ DATABASE_URL: url })).toMatchObject({ ok: true, config: { DATABASE_URL: url, DATABASE_SCHEMA: 'public' } });
    const bad = readConfig({ DATABASE_URL: 'postgres://db/classes', DATABASE_SCHEMA: 'Classes; DROP' });
    expect(bad.ok === false && bad.message).toMatch(/DATABASE_SCHEMA: a plain schema name/);
  });
});

describe('a server on PostgreSQL', () => {
  it('does not start while PostgreSQL cannot be reached, and says where it looked', async () => {
    const url = `postgres://trainer:s3cret@127.0.0.1:${await freePort()}/classes`;
    const server = spawnServer({ PORT: String(await freePort()), DATABASE_URL: url });
    children.push(server);
    expect(await server.exited).toBe(1);
    expect(server.output()).toMatch(
      /^Tame the Chaos cannot start: PostgreSQL at trainer@127\.0\.0\.1:\d+\/classes cannot be reached \(.*ECONNREFUSED/m,
    );
    expect(server.output()).not.toContain('s3cret');
    expect(server.output()).not.toContain('is running at');
  });

  it('runs a class, and a new server on the same database resumes it from the log', async () => {
    const schema = await schemas.create();
    const first = await rig.server(undefined, schemas.env(schema));
    const ready = await (await fetch(`${first.url}/api/ready`)).json();
    expect(ready).toMatchObject({ status: 'ready', database: 'ok' });
    const { facilitator, sessionId, key, joinCode } = await rig.host(first.url, oneTeam);
    const learner = await rig.client(first.url);
    expectOk(await learner.send({ type: 'join', joinCode, name: 'Grace' }));
    expectOk(await facilitator.send({ type: 'start' }));
    const acknowledged = await decideCards(learner, 3);
    const tickBefore = facilitator.latest('session')?.tick ?? 0;
    await first.server.close();

    const second = await rig.server(undefined, schemas.env(schema));
    const again = await rig.client(second.url);
    expectOk(await again.send({ type: 'attachFacilitator', sessionId, facilitatorKey: key }));
    await again.next('session', (message) => message.status === 'running' && message.tick > tickBefore, 20_000);
    const record = sessionLogSchema.parse(await (await fetch(`${second.url}/api/sessions/${sessionId}/log?key=${key}`)).json());
    const decided = record.entries.flatMap((entry) => (entry.command.type === 'decide' ? [entry.command.demandId] : []));
    expect(decided).toEqual(acknowledged);
  });

  it('PostgreSQL out of reach mid-class: the clock holds, /api/ready says why, decisions are refused, and it runs on with nothing acknowledged lost', async () => {
    const schema = await schemas.create();
    const real = new URL(schemas.url);
    const proxy = new TcpProxy(real.hostname, Number(real.port || 5432));
    proxies.push(proxy);
    const through = new URL(schemas.url);
    through.hostname = '127.0.0.1';
    through.port = String(await proxy.open());
    const { url } = await rig.server(undefined, { DATABASE_URL: through.toString(), DATABASE_SCHEMA: schema });
    const { facilitator, sessionId, joinCode } = await rig.host(url, oneTeam);
    const learner = await rig.client(url);
    expectOk(await learner.send({ type: 'join', joinCode, name: 'Grace' }));
    expectOk(await facilitator.send({ type: 'start' }));
    const acknowledged = await decideCards(learner, 2);

    await proxy.cut();
    const retrying = await facilitator.next('notice', (message) => message.code === 'storage-retrying', 15_000);
    expect(retrying.message).toMatch(/clock is held: the server cannot write to its database .*nothing acknowledged is lost/);
    const ready = await fetch(`${url}/api/ready`);
    expect(ready.status).toBe(503);
    expect(await ready.json()).toMatchObject({
      status: 'unavailable',
      database: expect.stringMatching(/^PostgreSQL at .* does not take writes/),
    });
    const waiting = learner.latest('board')?.board.cards.find((card) => !acknowledged.includes(card.demand.id));
    if (waiting) {
      const refused = await learner.send({ type: 'decide', demandId: waiting.demand.id, decision: 'no' });
      expect(codeOf(refused)).toBe('storage-busy');
    }

    await proxy.open();
    const recovered = await facilitator.next('notice', (message) => message.code === 'storage-recovered', 20_000);
    expect(recovered.message).toMatch(/clock runs on/);
    expect((await fetch(`${url}/api/ready`)).status).toBe(200);
    await decideCards(learner, acknowledged.length + 1, acknowledged);
    expectOk(await facilitator.send({ type: 'pause' }));
    const { decided, seqs } = await loggedDecisions(schema, sessionId);
    expect(decided).toEqual(acknowledged);
    expect(seqs).toEqual(seqs.map((_, index) => index + 1));
  });
});
