// Load benchmark for classroom sessions (a script, not a test). Run from apps/server:
//   node --max-semi-space-size=64 --import tsx --conditions=source bench/load.ts --sessions 100 \
//     [--clients 30] [--seconds 20] [--tick-ms 1000] [--mode server|relay] [--full-parse] [--explain-tail]
//     [--processes 3] [--cluster]
// --processes N (N > 1) runs N server processes on one PostgreSQL schema and Redis
// (BENCH_DATABASE_URL, BENCH_REDIS_URL; the test services by default), each class's clients
// spread over all of them, so most decisions are forwarded to their class's owner; --cluster
// runs one process that way (PostgreSQL and Redis), the baseline to compare them with.
// (the flag gives the generator, one process playing every client, a young generation large
// enough that its own scavenges rarely fall between a broadcast arriving and its timing; the
// server child, our server or the relay alike, gets the flags of `npm start`: CHILD_NODE_FLAGS.)
// N sessions × 30 clients on loopback; each client decides a waiting card every few seconds.
// Reports p50/p99 from a decision to its acknowledgement and to the broadcast reaching
// teammates, with the server's CPU and memory. --mode relay runs the same load against a bare
// socket.io relay as the floor. --explain-tail also says what the slowest 1 % of deliveries met
// on their way: a garbage collection in the server child, or a stall of the generator itself.
import { type ChildProcess, spawn } from 'node:child_process';
import { appendFileSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { CLIENT_EVENT, type ClientMessage, PROTOCOL_VERSION, type ReplyOf, SERVER_EVENT, type ServerMessage } from '@ttc/protocol';
import pg from 'pg';
import { io, type Socket } from 'socket.io-client';
import { useOperatingSystemUser } from '../src/storage/postgres-connect.js';
import { freePort } from '../src/test-support/free-port.js';
import * as leanParser from './lean-parser.js';
import { attributeTail, type Delivery, type Pause, recordGeneratorPauses } from './tail-attribution.js';

const { values } = parseArgs({
  options: {
    sessions: { type: 'string', default: '10' },
    clients: { type: 'string', default: '30' },
    seconds: { type: 'string', default: '20' },
    mode: { type: 'string', default: 'server' },
    'decide-every-ms': { type: 'string', default: '3000' },
    /** Real milliseconds per simulated hour: 1000 is a brisk classroom (the solo game's ×1 is 3000). */
    'tick-ms': { type: 'string', default: '1000' },
    /**
     * Decode every pushed message in full, as the generator did before 2026-11-22 (see
     * bench/lean-parser.ts): only for comparing the two generators.
     */
    'full-parse': { type: 'boolean', default: false },
    /**
     * Also say what the slowest 1 % of deliveries met on their way: a collection in the server
     * child, or a stall of the generator's own event loop (bench/tail-attribution.ts).
     */
    'explain-tail': { type: 'boolean', default: false },
    /** Server processes sharing the classes through PostgreSQL and Redis (1: the usual single process on SQLite). */
    processes: { type: 'string', default: '1' },
    /** One process, but on PostgreSQL and Redis as several are (the baseline for --processes). */
    cluster: { type: 'boolean', default: false },
    /** Also print the figures as one JSON line (for bench/compare.ts). */
    json: { type: 'boolean', default: false },
  },
});
const SESSIONS = Number(values.sessions);
const CLIENTS = Number(values.clients);
const SECONDS = Number(values.seconds);
const MODE = values.mode === 'relay' ? 'relay' : 'server';
const DECIDE_EVERY_MS = Number(values['decide-every-ms']);
const TICK_MS = Number(values['tick-ms']);
const TEAMS = 4;
const FULL_PARSE = values['full-parse'];
const PROCESSES = Math.max(1, Number(values.processes));
const CLUSTERED = PROCESSES > 1 || values.cluster;
/** With several processes (or --cluster): the shared database and Redis, and a schema of this run's own. */
const CLUSTER_ENV: Record<string, string> = CLUSTERED
  ? {
      DATABASE_URL: process.env.BENCH_DATABASE_URL ?? 'postgres://127.0.0.1:5432/test',
      DATABASE_SCHEMA: `ttc_bench_${process.pid}_${Date.now().toString(36)}`,
      REDIS_URL: process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379',
    }
  : {};
const EXPLAIN_TAIL = values['explain-tail'];
/** Where the server child writes its collections (--explain-tail only). */
const GC_PROBE_OUT = EXPLAIN_TAIL ? join(mkdtempSync(join(tmpdir(), 'ttc-gc-')), 'server-pauses.json') : undefined;

/**
 * Node flags for the server child, the same for our server and the bare relay: by default those
 * of `npm start` (a 64 MB young generation: fewer scavenges, see docs/performance.md);
 * SERVER_NODE_FLAGS replaces them (SERVER_NODE_FLAGS= for none).
 */
const CHILD_NODE_FLAGS = process.env.SERVER_NODE_FLAGS ?? '--max-semi-space-size=32';

function startChild(port: number): Promise<ChildProcess> {
  const script =
    MODE === 'relay' ? new URL('./bare-relay.ts', import.meta.url).pathname : new URL('../src/index.ts', import.meta.url).pathname;
  const profile = process.env.PROFILE_DIR ? ['--cpu-prof', `--cpu-prof-dir=${process.env.PROFILE_DIR}`] : [];
  const child = spawn(
    process.execPath,
    [
      ...profile,
      ...CHILD_NODE_FLAGS.split(' ').filter(Boolean),
      '--import',
      'tsx',
      ...(EXPLAIN_TAIL ? ['--import', new URL('./gc-probe.ts', import.meta.url).pathname] : []),
      '--conditions=source',
      script,
    ],
    {
      env: {
        ...process.env,
        ...(GC_PROBE_OUT ? { GC_PROBE_OUT } : {}),
        PORT: String(port),
        HOST: '127.0.0.1',
        LOG_LEVEL: 'silent',
        DATABASE_PATH: join(mkdtempSync(join(tmpdir(), 'ttc-load-')), 'load.db'),
        ...CLUSTER_ENV,
        STATIC_DIR: tmpdir(),
        // Every session and client of the generator comes from 127.0.0.1: lift the caps per address.
        MAX_LOBBY_SESSIONS: '100000',
        MAX_LOBBY_SESSIONS_PER_ADDRESS: '100000',
        MAX_RUNNING_SESSIONS: '100000',
        MAX_RUNNING_SESSIONS_PER_ADDRESS: '100000',
        MAX_CONNECTIONS_PER_ADDRESS: '1000000',
      },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  return new Promise((resolve, reject) => {
    child.stdout?.on('data', (chunk: Buffer) => {
      // SERVER_STDOUT=file keeps what the server printed (say, with SERVER_NODE_FLAGS=--trace-gc).
      if (process.env.SERVER_STDOUT) appendFileSync(process.env.SERVER_STDOUT, chunk);
      if (/running at|listening on/.test(chunk.toString())) resolve(child);
    });
    child.once('exit', (code) => reject(new Error(`server exited with ${code}`)));
  });
}

/** CPU seconds (user + system) and resident memory of a process, from /proc. */
function processUsage(pid: number): { cpuSeconds: number; rssMb: number } {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
  const ticks = Number(stat[11]) + Number(stat[12]);
  const rss = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
  return { cpuSeconds: ticks / 100, rssMb: Number(rss ?? 0) / 1024 };
}

/**
 * CPU the whole machine spent (user + system + the rest, in seconds over all cores) and the
 * time some task waited for a CPU (/proc/pressure/cpu, seconds): with the server's and the load
 * generator's own CPU subtracted, it shows how much else ran during a run. p99 means little
 * when other work competed for the two cores.
 */
function machineUsage(): { busySeconds: number; waitSeconds: number } {
  const fields = readFileSync('/proc/stat', 'utf8').split('\n')[0]?.trim().split(/\s+/).slice(1).map(Number) ?? [];
  // user nice system idle iowait irq softirq steal: busy is everything but idle and iowait.
  const busy = fields.slice(0, 8).reduce((sum, value, index) => (index === 3 || index === 4 ? sum : sum + value), 0);
  let wait = 0;
  try {
    wait = Number(/some .*total=(\d+)/.exec(readFileSync('/proc/pressure/cpu', 'utf8'))?.[1] ?? 0) / 1e6;
  } catch {
    // No pressure stall information on this kernel.
  }
  return { busySeconds: busy / 100, waitSeconds: wait };
}

function connect(url: string): Promise<Socket> {
  const socket = io(url, {
    auth: { protocolVersion: PROTOCOL_VERSION },
    transports: ['websocket'],
    forceNew: true,
    reconnection: false,
    ...(FULL_PARSE ? {} : { parser: leanParser }),
  });
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', reject);
  });
}

/** The reply's type follows from the message's. Not parsed: the bench measures the server, the tests check it. */
const send = <M extends ClientMessage>(socket: Socket, message: M): Promise<ReplyOf<M['type']>> =>
  socket.timeout(30_000).emitWithAck(CLIENT_EVENT, message) as Promise<ReplyOf<M['type']>>;

const ackLatencies: number[] = [];
const teammateLatencies: number[] = [];
/** With --explain-tail: every delivery with the wall-clock time its decision was sent. */
const deliveries: Delivery[] = [];

/** A "decided" broadcast reached a teammate: the decision was sent at `started`. */
function arrived(started: number): void {
  const ms = performance.now() - started;
  teammateLatencies.push(ms);
  if (EXPLAIN_TAIL) deliveries.push({ sent: performance.timeOrigin + started, ms });
}
const sentAt = new Map<string, number>();
let refused = 0;

interface Member {
  socket: Socket;
  key: string;
  /** The cards waiting on the latest board. */
  cards: number[];
  /** Cards "decided" since that board. */
  decidedSince: Set<number>;
}

/** The cards a member can still decide: its latest board's, less those decided since. */
function waitingCards(member: Member): number[] {
  if (member.decidedSince.size > 0) {
    member.cards = member.cards.filter((id) => !member.decidedSince.has(id));
    member.decidedSince.clear();
  }
  return member.cards;
}

let checkedCardIds = false;
/** Once a run: reading card ids from a board's text must agree with parsing the board. */
function checkCardIds(raw: string): void {
  if (checkedCardIds) return;
  checkedCardIds = true;
  const [, message] = JSON.parse(raw.slice(1)) as [string, Extract<ServerMessage, { type: 'board' }>];
  const parsed = message.board.cards.map((card) => card.demand.id).join(',');
  const read = leanParser.cardIds(raw).join(',');
  if (parsed !== read) throw new Error(`lean parser misreads card ids: ${read} instead of ${parsed}`);
}

/** The class's trainer on process index % N, its learners on every process in turn. */
async function setUpServerSession(urls: string[], index: number): Promise<Member[]> {
  const at = (offset: number) => urls[(index + offset) % urls.length] as string;
  const facilitator = await connect(at(0));
  const hosted = await send(facilitator, {
    type: 'host',
    settings: {
      scenarioId: 'office-supplies',
      rounds: 6,
      ticksPerRound: 48,
      teamCount: TEAMS,
      tickMs: TICK_MS,
      botsForEmptyTeams: false,
      seed: index,
    },
  });
  if (!hosted.ok) throw new Error('host failed');
  const members: Member[] = [];
  for (let client = 0; client < CLIENTS; client++) {
    const socket = await connect(at(client + 1));
    const member: Member = { socket, key: hosted.sessionId, cards: [], decidedSince: new Set() };
    socket.on(SERVER_EVENT, (message: ServerMessage | leanParser.RawMessage) => {
      if (message.type === 'board') {
        if ('raw' in message) {
          checkCardIds(message.raw);
          member.cards = leanParser.cardIds(message.raw);
        } else member.cards = (message as Extract<ServerMessage, { type: 'board' }>).board.cards.map((card) => card.demand.id);
        member.decidedSince.clear();
      }
      if ('raw' in message) return;
      // Like a real client, drop a card as soon as anyone has decided it.
      if (message.type === 'decided') member.decidedSince.add(message.demandId);
      if (message.type === 'decided' && message.by !== 'clock') {
        const started = sentAt.get(`${member.key}:${message.team}:${message.demandId}`);
        if (started !== undefined) arrived(started);
      }
    });
    const joined = await send(socket, { type: 'join', joinCode: hosted.joinCode, name: `P${client}` });
    if (!joined.ok) throw new Error('join failed');
    member.key = `${hosted.sessionId}`;
    (member as Member & { team: number }).team = joined.team;
    members.push(member);
  }
  await send(facilitator, { type: 'start' });
  return members;
}

async function setUpRelaySession(url: string, index: number): Promise<Member[]> {
  const members: Member[] = [];
  for (let client = 0; client < CLIENTS; client++) {
    const socket = await connect(url);
    const team = client % TEAMS;
    const room = `s${index}:t${team}`;
    await socket.timeout(10_000).emitWithAck('join-room', room);
    const member: Member = { socket, key: room, cards: [], decidedSince: new Set() };
    socket.on('update', (message: { demandId: number }) => {
      const started = sentAt.get(`${room}:${message.demandId}`);
      if (started !== undefined) arrived(started);
    });
    members.push(member);
  }
  return members;
}

let relayCounter = 0;

async function decideLoop(member: Member & { team?: number }, until: number): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, Math.random() * DECIDE_EVERY_MS));
  while (performance.now() < until) {
    const started = performance.now();
    if (MODE === 'relay') {
      const demandId = ++relayCounter;
      sentAt.set(`${member.key}:${demandId}`, started);
      await member.socket.timeout(30_000).emitWithAck('message', { room: member.key, demandId });
      ackLatencies.push(performance.now() - started);
    } else {
      const cards = waitingCards(member);
      const demandId = cards[Math.floor(Math.random() * cards.length)];
      if (demandId !== undefined) {
        sentAt.set(`${member.key}:${member.team}:${demandId}`, started);
        const reply = await send(member.socket, { type: 'decide', demandId, decision: 'premium' });
        ackLatencies.push(performance.now() - started);
        if (!reply.ok) refused++;
      }
    }
    await new Promise((resolve) => setTimeout(resolve, DECIDE_EVERY_MS * (0.75 + Math.random() * 0.5)));
  }
}

/** The run's own schema goes when it ends. */
async function dropBenchSchema(): Promise<void> {
  useOperatingSystemUser();
  const client = new pg.Client({ connectionString: CLUSTER_ENV.DATABASE_URL });
  await client.connect();
  await client.query(`DROP SCHEMA IF EXISTS ${CLUSTER_ENV.DATABASE_SCHEMA} CASCADE`);
  await client.end();
}

function percentile(values: number[], fraction: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * fraction))] ?? Number.NaN;
}

if (PROCESSES > 1 && MODE === 'relay') throw new Error('--processes is for the server, not the bare relay');
const ports: number[] = [];
for (let index = 0; index < PROCESSES; index++) ports.push(await freePort());
// One at a time: the first migrates the schema, the others find it ready.
const children: ChildProcess[] = [];
for (const port of ports) children.push(await startChild(port));
const urls = ports.map((port) => `http://127.0.0.1:${port}`);
const url = urls[0] as string;
const setUpStarted = performance.now();
const sessions: Member[][] = [];
// Set sessions up a few at a time: a class arriving, not a thundering herd.
for (let index = 0; index < SESSIONS; index += 10) {
  const batch = Array.from({ length: Math.min(10, SESSIONS - index) }, (_, offset) =>
    MODE === 'relay' ? setUpRelaySession(url, index + offset) : setUpServerSession(urls, index + offset),
  );
  sessions.push(...(await Promise.all(batch)));
}
const setUpSeconds = (performance.now() - setUpStarted) / 1000;
await new Promise((resolve) => setTimeout(resolve, 1500));
/** The servers' CPU and memory, summed over every process. */
const serversUsage = () =>
  children
    .map((child) => processUsage(child.pid as number))
    .reduce((sum, usage) => ({ cpuSeconds: sum.cpuSeconds + usage.cpuSeconds, rssMb: sum.rssMb + usage.rssMb }));
const before = serversUsage();
const machineBefore = machineUsage();
const clientCpuBefore = process.cpuUsage();
// How late the generator's own event loop ran: a late loop delays every arrival it observes.
const loopDelay = monitorEventLoopDelay({ resolution: 5 });
loopDelay.enable();
const stopRecording = EXPLAIN_TAIL ? recordGeneratorPauses() : undefined;
const runStarted = performance.now();
const until = runStarted + SECONDS * 1000;
await Promise.all(sessions.flat().map((member) => decideLoop(member, until)));
loopDelay.disable();
const generatorPauses = stopRecording?.();
const after = serversUsage();
const machineAfter = machineUsage();
const cpuPercent = ((after.cpuSeconds - before.cpuSeconds) / SECONDS) * 100;
const clientCpu = process.cpuUsage(clientCpuBefore);
const clientCpuPercent = ((clientCpu.user + clientCpu.system) / 1e6 / SECONDS) * 100;
const machinePercent = ((machineAfter.busySeconds - machineBefore.busySeconds) / SECONDS) * 100;
const otherPercent = Math.max(0, machinePercent - cpuPercent - clientCpuPercent);
const waitPercent = ((machineAfter.waitSeconds - machineBefore.waitSeconds) / SECONDS) * 100;

console.log(
  `${MODE === 'relay' ? 'bare relay' : `tame-the-chaos (a tick every ${TICK_MS} ms${CLUSTERED ? `, ${PROCESSES} process${PROCESSES > 1 ? 'es' : ''} on PostgreSQL and Redis` : ''})`}${FULL_PARSE ? ' [generator parses every message]' : ''}: ${SESSIONS} sessions × ${CLIENTS} clients, ${SECONDS} s, a decision every ~${DECIDE_EVERY_MS / 1000} s per client (set-up ${setUpSeconds.toFixed(1)} s)`,
);
console.log(
  `  decisions ${ackLatencies.length}${MODE === 'server' ? ` (${refused} refused, mostly already decided by a teammate)` : ''}, broadcasts received ${teammateLatencies.length}`,
);
console.log(
  `  decision → acknowledgement: p50 ${percentile(ackLatencies, 0.5).toFixed(1)} ms, p99 ${percentile(ackLatencies, 0.99).toFixed(1)} ms`,
);
console.log(
  `  decision → teammates:       p50 ${percentile(teammateLatencies, 0.5).toFixed(1)} ms, p99 ${percentile(teammateLatencies, 0.99).toFixed(1)} ms`,
);
console.log(
  `  server${PROCESSES > 1 ? `s (all ${PROCESSES})` : ''}: CPU ${cpuPercent.toFixed(0)} % of one core, memory ${after.rssMb.toFixed(0)} MB resident`,
);
console.log(
  `  load generator (all clients, one process${process.execArgv.some((flag) => flag.startsWith('--max-semi-space-size')) ? '' : ', WITHOUT --max-semi-space-size=64: see docs/performance.md'}): CPU ${clientCpuPercent.toFixed(0)} % of one core; its event loop late by p99 ${(loopDelay.percentile(99) / 1e6).toFixed(1)} ms, at most ${(loopDelay.max / 1e6).toFixed(1)} ms`,
);
console.log(
  `  everything else on the machine: CPU ${otherPercent.toFixed(0)} % of one core; some task waiting for a CPU ${waitPercent.toFixed(0)} % of the time`,
);
if (values.json)
  console.log(
    JSON.stringify({
      mode: MODE,
      processes: PROCESSES,
      fullParse: FULL_PARSE,
      sessions: SESSIONS,
      clients: CLIENTS,
      decisions: ackLatencies.length,
      broadcasts: teammateLatencies.length,
      ackP50: percentile(ackLatencies, 0.5),
      ackP99: percentile(ackLatencies, 0.99),
      teammatesP50: percentile(teammateLatencies, 0.5),
      teammatesP99: percentile(teammateLatencies, 0.99),
      serverCpuPercent: cpuPercent,
      serverRssMb: after.rssMb,
      generatorCpuPercent: clientCpuPercent,
      generatorLoopDelayP99: loopDelay.percentile(99) / 1e6,
      generatorLoopDelayMax: loopDelay.max / 1e6,
      otherCpuPercent: otherPercent,
      cpuWaitPercent: waitPercent,
    }),
  );
for (const member of sessions.flat()) member.socket.close();
await Promise.all(
  children.map((child) => {
    child.kill('SIGTERM');
    return new Promise((resolve) => child.once('exit', resolve));
  }),
);
if (CLUSTERED) await dropBenchSchema();
if (generatorPauses && GC_PROBE_OUT) {
  const serverPauses = JSON.parse(readFileSync(GC_PROBE_OUT, 'utf8')) as Pause[];
  const tail = attributeTail(deliveries, percentile(teammateLatencies, 0.99), serverPauses, generatorPauses);
  const share = (count: number): string => `${count} (${((count / Math.max(1, tail.late)) * 100).toFixed(0)} %)`;
  console.log(
    `  the slowest 1 % of deliveries (${tail.late}, ≥ ${tail.thresholdMs.toFixed(1)} ms) overlapped: a collection in the server ${share(tail.serverCollection)}; a stall of the generator's event loop (> 5 ms, or its own collection) ${share(tail.generatorStall)}, of which its own collection ${share(tail.generatorCollection)}; both ${share(tail.both)}; neither ${share(tail.neither)}`,
  );
  const total = (pauses: Pause[]): string => `${pauses.length}, ${pauses.reduce((sum, pause) => sum + pause.ms, 0).toFixed(0)} ms in all`;
  console.log(
    `  during the run: server collections ${total(serverPauses.filter((pause) => pause.start >= performance.timeOrigin + runStarted && pause.start <= performance.timeOrigin + until))}; generator collections ${total(generatorPauses.collections)}, generator stalls ${total(generatorPauses.stalls)}`,
  );
}
process.exit(0);
