import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { sessionStoreContract } from './session-store-contract.js';
import { SqliteSessionStore } from './sqlite-session-store.js';

const freshPath = () => join(mkdtempSync(join(tmpdir(), 'ttc-store-')), 'sessions.db');

sessionStoreContract('SQLite file', async () => {
  const path = freshPath();
  return { store: new SqliteSessionStore(path), reopen: async () => new SqliteSessionStore(path) };
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
