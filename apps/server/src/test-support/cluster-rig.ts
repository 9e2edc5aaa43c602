import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkpointMismatches, replayIndexOfSessionLog } from '@ttc/protocol';
import { findScenario } from '@ttc/sim';
import { inject } from 'vitest';
import { sessionRecord } from '../classroom/session-log.js';
import { PostgresSessionStore } from '../storage/postgres-session-store.js';
import type { LogEntry, SessionLease } from '../storage/session-store.js';
import { Balancer } from './balancer.js';
import { type ChildServer, spawnServer, stopServer, untilRunning } from './child-server.js';
import { codeOf, TestClient } from './classroom-client.js';
import { freePort } from './free-port.js';
import { TemporarySchemas } from './postgres-schemas.js';

/** One server process of a test cluster: its name in the leases starts with `name`. */
export interface Member {
  name: string;
  port: number;
  url: string;
  server: ChildServer;
}

/** Resolves once `condition` holds, checking every `everyMs`; rejects with `what` after `timeoutMs`. */
export async function until<T>(
  what: string | (() => string),
  condition: () => Promise<T | undefined> | T | undefined,
  timeoutMs = 30_000,
  everyMs = 50,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await condition();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`still waiting for ${typeof what === 'string' ? what : what()} after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}

/**
 * Several real server processes (the entry point, as `npm start` runs it) on one fresh
 * PostgreSQL schema and the test Redis, with a balancer in front. Close it at the file's end.
 */
export class ClusterRig {
  readonly members: Member[] = [];
  /** Every process this rig started, running or not. */
  private readonly started: ChildServer[] = [];
  private readonly clients: TestClient[] = [];
  private readonly schemas = new TemporarySchemas();
  private balancer: Balancer | undefined;
  private store: PostgresSessionStore | undefined;
  schema = '';

  constructor(private readonly leaseMs: number) {}

  /** Starts `count` processes on a new schema; resolves once every one listens. */
  async start(count: number): Promise<void> {
    this.schema = await this.schemas.create();
    const ports = await Promise.all(Array.from({ length: count }, () => freePort()));
    await Promise.all(ports.map((port, index) => this.launch(`p${index}`, port)));
    this.store = new PostgresSessionStore(this.schemas.settings(this.schema));
    await this.store.open();
  }

  private async launch(name: string, port: number): Promise<Member> {
    const server = spawnServer({
      PORT: String(port),
      ...this.schemas.env(this.schema),
      REDIS_URL: inject('redisUrl'),
      LEASE_MS: String(this.leaseMs),
      PROCESS_ID: name,
      LOG_LEVEL: 'info',
    });
    // Kept before it is known to run, so that close() ends it whatever happens.
    this.started.push(server);
    // Generous: three processes starting together on a busy 2-core machine.
    await untilRunning(server, 120_000);
    const member = { name, port, url: `http://127.0.0.1:${port}`, server };
    const index = this.members.findIndex((existing) => existing.name === name);
    if (index >= 0) this.members[index] = member;
    else this.members.push(member);
    return member;
  }

  member(name: string): Member {
    const member = this.members.find((candidate) => candidate.name === name);
    if (!member) throw new Error(`no member ${name}`);
    return member;
  }

  /** The balancer's address: clients connected there land on the processes in turn. */
  async balancerUrl(): Promise<string> {
    this.balancer ??= new Balancer(() => this.members.map((member) => member.port));
    return this.balancer.open();
  }

  /** Stops a process with `signal` (SIGTERM hands its sessions over first) and waits for its end. */
  async stop(name: string, signal: NodeJS.Signals): Promise<void> {
    await stopServer(this.member(name).server, signal);
  }

  /** Starts a process again under the same name and port. */
  async restart(name: string): Promise<Member> {
    return this.launch(name, this.member(name).port);
  }

  async client(url: string): Promise<TestClient> {
    const client = new TestClient(url);
    this.clients.push(client);
    await client.connected();
    return client;
  }

  get db(): PostgresSessionStore {
    if (!this.store) throw new Error('the cluster has not started');
    return this.store;
  }

  lease(sessionId: string): Promise<SessionLease | undefined> {
    if (!this.db.leases) throw new Error('no leases');
    return this.db.leases.readLease(sessionId);
  }

  /** The member whose process holds the session's lease now (undefined while nobody does). */
  async owner(sessionId: string): Promise<Member | undefined> {
    const lease = await this.lease(sessionId);
    return this.members.find((member) => lease?.owner.startsWith(`${member.name}-`));
  }

  log(sessionId: string): Promise<LogEntry[]> {
    return this.db.readLog(sessionId);
  }

  /**
   * What a faithful record shows: seqs 1, 2, 3… without a gap, and a replay of the log that
   * reproduces every state hash the owners recorded while it ran (the final one included).
   */
  async replayProblems(sessionId: string): Promise<string[]> {
    const session = await this.db.getSession(sessionId);
    if (!session) return ['no such session'];
    const record = await sessionRecord(this.db, session);
    const problems: string[] = [];
    record.entries.forEach((entry, index) => {
      if (entry.seq !== index + 1) problems.push(`entry ${index} has seq ${entry.seq}`);
    });
    const scenario = findScenario(record.scenarioId);
    if (!scenario) return [...problems, 'unknown scenario'];
    const checkpoints = await this.db.readCheckpoints(sessionId);
    if (checkpoints.length === 0) problems.push('no checkpoints were recorded');
    for (const wrong of checkpointMismatches(replayIndexOfSessionLog(record, scenario), checkpoints))
      problems.push(`checkpoint ${wrong.reason} at seq ${wrong.seq} does not replay`);
    return problems;
  }

  /** Everything a member printed (pino's JSON lines with LOG_LEVEL=info). */
  output(name: string): string {
    return this.member(name).server.output();
  }

  async close(): Promise<void> {
    if (process.env.TTC_CLUSTER_LOGS)
      for (const [index, server] of this.started.entries())
        writeFileSync(join(process.env.TTC_CLUSTER_LOGS, `process-${index}.log`), server.output());
    for (const client of this.clients) client.close();
    await this.balancer?.close();
    for (const server of this.started) await stopServer(server);
    await this.store?.close();
    await this.schemas.dropAll();
  }
}

/**
 * A learner deciding every card as it comes, until stopped: what the server acknowledged is
 * kept. Replies that never came (a process died with the message) or refusals are passed over.
 */
export class BusyLearner {
  readonly acknowledged: number[] = [];
  /** Why decisions were refused, with how often: shown when the learner gets stuck. */
  readonly refusals = new Map<string, number>();
  private readonly tried = new Set<number>();
  private running = true;
  readonly done: Promise<void>;

  constructor(readonly client: TestClient) {
    this.done = this.run();
  }

  private async run(): Promise<void> {
    while (this.running) {
      const board = await this.client
        .next('board', (message) => message.board.cards.some((card) => !this.tried.has(card.demand.id)), 2000)
        .catch(() => undefined);
      const card = board?.board.cards.find((candidate) => !this.tried.has(candidate.demand.id));
      if (!card || !this.running) continue;
      this.tried.add(card.demand.id);
      const reply = await this.client
        .send({ type: 'decide', demandId: card.demand.id, decision: 'premium' }, 20_000)
        .catch(() => undefined);
      const code = reply ? codeOf(reply) : 'no reply';
      if (code === 'ok') this.acknowledged.push(card.demand.id);
      else this.refusals.set(code, (this.refusals.get(code) ?? 0) + 1);
    }
  }

  /** Resolves once `count` more decisions than now were acknowledged. */
  more(count: number, timeoutMs = 90_000): Promise<number> {
    const target = this.acknowledged.length + count;
    const state = () =>
      `${count} more acknowledged decisions (${this.acknowledged.length} so far of ${this.tried.size} tried, connected: ${this.client.socket.connected}, re-attached ${this.client.reattached} times, last board round ${this.client.latest('board')?.board.round}, ${this.client.updates.length} updates, refusals ${JSON.stringify([...this.refusals])})`;
    return until(state, () => (this.acknowledged.length >= target ? this.acknowledged.length : undefined), timeoutMs);
  }

  async stop(): Promise<void> {
    this.running = false;
    await this.done;
  }
}

/** The decisions a log holds, by demand id. */
export function decisionsIn(log: readonly LogEntry[]): number[] {
  return log.flatMap((entry) => (entry.command.type === 'decide' ? [entry.command.demandId] : []));
}
