import { copyFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { StartupError } from '../startup-error.js';
import { isNumberedInOrder } from './migrations.js';
import { sessionStoreContract } from './session-store-contract.js';
import { session, tickEntry } from './session-store-fixtures.js';
import { migrateSqlite, SQLITE_MIGRATIONS } from './sqlite-migrations.js';
import { SqliteSessionStore } from './sqlite-session-store.js';

const freshPath = () => join(mkdtempSync(join(tmpdir(), 'ttc-store-')), 'sessions.db');

sessionStoreContract('SQLite file', async () => {
  const path = freshPath();
  return { store: new SqliteSessionStore(path), reopen: async () => new SqliteSessionStore(path) };
});

describe('the write-ahead log', () => {
  it('is folded into the database file by a worker thread', async () => {
    const path = freshPath();
    const store = new SqliteSessionStore(path);
    await store.createSession(session('s'));
    for (let seq = 1; seq <= 3000; seq++) await store.appendLog('s', [tickEntry(seq)]);
    const report = await new Promise<{ log: number; checkpointed: number }>((resolve) => {
      const stop = store.checkpointer?.onCheckpoint((candidate) => {
        if (candidate.log > 0 && candidate.checkpointed === candidate.log) {
          stop?.();
          resolve(candidate);
        }
      });
    });
    expect(report.log).toBeGreaterThan(0);
    expect(await store.readLog('s')).toHaveLength(3000);
    await store.close();
    // Reopened after the worker's checkpoint: everything is there.
    const reopened = new SqliteSessionStore(path);
    expect(await reopened.readLog('s')).toHaveLength(3000);
    await reopened.close();
  });
});

describe('an SQLite file from an earlier version', () => {
  it('gains the new columns in place and keeps its sessions', async () => {
    const path = freshPath();
    const old = new Database(path);
    old.exec(`CREATE TABLE sessions (id TEXT PRIMARY KEY, join_code TEXT NOT NULL, facilitator_key_hash TEXT NOT NULL,
      settings TEXT NOT NULL, seed INTEGER NOT NULL, status TEXT NOT NULL, paused INTEGER NOT NULL, tick_ms INTEGER NOT NULL,
      created_at TEXT NOT NULL)`);
    old
      .prepare('INSERT INTO sessions VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)')
      .run('s', 'ACDEFG', 'hash', JSON.stringify({ scenarioId: 'office-supplies' }), 7, 'running', 0, 1000, '2026-11-01T10:00:00.000Z');
    old.close();
    const store = new SqliteSessionStore(path);
    expect(await store.getSession('s')).toMatchObject({ id: 's', status: 'running' });
    await store.updateSession('s', { joiningLocked: true });
    expect(await store.getSession('s')).toMatchObject({ joiningLocked: true });
    await store.close();
  });
});

/**
 * fixtures/sessions-before-migrations.db was written by the server as it was before numbered
 * migrations (commit 3fa450d, through its SqliteSessionStore): two sessions, one of them ended,
 * locked and marked damaged, seats, a log of three commands, a checkpoint, a note, a share link.
 */
const beforeMigrations = new URL('./fixtures/sessions-before-migrations.db', import.meta.url).pathname;

const recordedSteps = (path: string) => {
  const db = new Database(path, { readonly: true });
  const steps = db.prepare('SELECT version, name, applied_at AS appliedAt FROM schema_migrations ORDER BY version').all();
  db.close();
  return steps as { version: number; name: string; appliedAt: string }[];
};

describe('SQLite schema migrations', () => {
  it('numbers its steps 1, 2, 3…', () => {
    expect(isNumberedInOrder(SQLITE_MIGRATIONS)).toBe(true);
  });

  it('upgrades a database from before numbered migrations in place, keeping every row, and records its steps once', async () => {
    const path = freshPath();
    copyFileSync(beforeMigrations, path);
    const store = new SqliteSessionStore(path);
    expect(await store.getSession('class-1')).toMatchObject({ status: 'running', hostAddress: '203.0.113.7', seed: 7 });
    expect(await store.getSession('class-2')).toMatchObject({
      status: 'ended',
      joiningLocked: true,
      damaged: 'logged command 2 no longer applies',
    });
    expect((await store.listPlayers('class-1')).map((player) => [player.name, player.removed])).toEqual([
      ['Ada', false],
      ['Bo', true],
    ]);
    expect(await store.readLog('class-1')).toEqual([
      { seq: 1, tick: 0, command: { type: 'tick' }, actor: 'clock' },
      { seq: 2, tick: 1, command: { type: 'decide', team: 0, demandId: 3, decision: 'no' }, actor: 'p1' },
      { seq: 3, tick: 1, command: { type: 'tick' }, actor: 'clock' },
    ]);
    expect(await store.readCheckpoints('class-1')).toEqual([{ seq: 2, tick: 1, hash: 'abcd', reason: 'key-moment' }]);
    expect((await store.listNotes('class-1')).map((note) => note.text)).toEqual(['first no']);
    expect((await store.findShareLinkByTokenHash('c'.repeat(64)))?.sessionId).toBe('class-2');
    await store.appendLog('class-1', [tickEntry(4)]);
    await store.close();
    const steps = recordedSteps(path);
    expect(steps.map(({ version, name }) => ({ version, name }))).toEqual(
      SQLITE_MIGRATIONS.map(({ version, name }) => ({ version, name })),
    );
    // Opening it again runs nothing again.
    await new SqliteSessionStore(path).close();
    expect(recordedSteps(path)).toEqual(steps);
  });

  it('a database that a newer version has migrated stops the start, saying what to do', async () => {
    const path = freshPath();
    await new SqliteSessionStore(path).close();
    const db = new Database(path);
    db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(42, 'from the future', 'x');
    db.close();
    expect(() => new SqliteSessionStore(path)).toThrow(StartupError);
    expect(() => new SqliteSessionStore(path)).toThrow(/has schema version 42, newer than this version of Tame the Chaos knows \(2\)/);
  });

  it('a step that fails leaves the database as it was, unrecorded', () => {
    const db = new Database(':memory:');
    const failing = {
      version: 3,
      name: 'a step that breaks halfway',
      up: (broken: Database.Database) => {
        broken.exec('CREATE TABLE halfway (a INTEGER)');
        throw new Error('disk full');
      },
    };
    expect(() => migrateSqlite(db, ':memory:', [...SQLITE_MIGRATIONS, failing])).toThrow('disk full');
    const versions = db.prepare('SELECT version FROM schema_migrations ORDER BY version').pluck().all();
    expect(versions).toEqual([1, 2]);
    expect(db.prepare("SELECT name FROM sqlite_master WHERE name = 'halfway'").all()).toEqual([]);
    db.close();
  });
});
