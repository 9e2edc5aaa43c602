// The log append, the write awaited before a decision is acknowledged, on each store (a
// script, not a test). Run from apps/server:
//   npx tsx --conditions=source bench/store-append.ts [--appends 2000] [--database-url postgres://127.0.0.1:5432/test]
// One session; one entry per append, awaited one after the other as a session's queue does,
// after a warm-up. PostgreSQL runs in a schema of its own, dropped at the end. On a shared,
// noisy machine compare the stores within one run (the ratio), not across runs.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { useOperatingSystemUser } from '../src/storage/postgres-connect.js';
import { PostgresSessionStore } from '../src/storage/postgres-session-store.js';
import type { AppendOptions, LogEntry, SessionStore } from '../src/storage/session-store.js';
import { session } from '../src/storage/session-store-fixtures.js';
import { SqliteSessionStore } from '../src/storage/sqlite-session-store.js';

const { values } = parseArgs({
  options: {
    appends: { type: 'string', default: '2000' },
    warmup: { type: 'string', default: '300' },
    'database-url': { type: 'string', default: process.env.TEST_DATABASE_URL || 'postgres://127.0.0.1:5432/test' },
  },
});
const APPENDS = Number(values.appends);
const WARMUP = Number(values.warmup);
const DATABASE_URL = values['database-url'] as string;

const decision = (seq: number): LogEntry => ({
  seq,
  tick: seq >> 2,
  command: { type: 'decide', team: seq % 6, demandId: seq, decision: 'premium' },
  actor: `player-${seq % 30}`,
});

const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;

interface Figures {
  label: string;
  median: number;
  p99: number;
  mean: number;
}

/** Times `APPENDS` one-entry appends after `WARMUP` untimed ones; milliseconds. */
async function measure(label: string, store: SessionStore, options: AppendOptions = {}): Promise<Figures> {
  const id = `bench-${randomBytes(4).toString('hex')}`;
  await store.createSession(session(id));
  if (options.epoch !== undefined) await store.leases?.acquireLease(id, 'bench', 600_000);
  const times: number[] = [];
  for (let seq = 1; seq <= WARMUP + APPENDS; seq++) {
    const start = performance.now();
    await store.appendLog(id, [decision(seq)], options);
    if (seq > WARMUP) times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return {
    label,
    median: quantile(times, 0.5),
    p99: quantile(times, 0.99),
    mean: times.reduce((sum, time) => sum + time, 0) / times.length,
  };
}

async function main(): Promise<void> {
  const results: Figures[] = [];
  const directory = mkdtempSync(join(tmpdir(), 'ttc-bench-'));
  for (const durability of ['process', 'full'] as const) {
    const sqlite = new SqliteSessionStore(join(directory, `${durability}.db`), durability);
    results.push(await measure(`SQLite, DATABASE_DURABILITY=${durability}`, sqlite));
    await sqlite.close();
  }
  rmSync(directory, { recursive: true, force: true });

  useOperatingSystemUser();
  const schema = `ttc_bench_${randomBytes(4).toString('hex')}`;
  const postgres = new PostgresSessionStore({ url: DATABASE_URL, schema, poolSize: 4 });
  try {
    await postgres.open();
    results.push(await measure('PostgreSQL (127.0.0.1, same machine)', postgres));
    results.push(await measure('PostgreSQL, fenced by a lease epoch', postgres, { epoch: 1 }));
  } finally {
    await postgres.close();
    const admin = new pg.Client({ connectionString: DATABASE_URL });
    await admin.connect();
    await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await admin.end();
  }

  const base = results[0]?.median ?? 1;
  console.log(`${APPENDS} appends of one decision each (after ${WARMUP} untimed), awaited one after the other:`);
  console.log('| store | median | p99 | mean | median ÷ SQLite (process) |');
  console.log('| --- | --- | --- | --- | --- |');
  for (const { label, median, p99, mean } of results)
    console.log(`| ${label} | ${median.toFixed(3)} ms | ${p99.toFixed(3)} ms | ${mean.toFixed(3)} ms | ${(median / base).toFixed(1)}× |`);
}

await main();
