import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sessionStoreContract } from './session-store-contract.js';
import { SqliteSessionStore } from './sqlite-session-store.js';

sessionStoreContract('SQLite file', async () => {
  const path = join(mkdtempSync(join(tmpdir(), 'ttc-store-')), 'sessions.db');
  return { store: new SqliteSessionStore(path), reopen: async () => new SqliteSessionStore(path) };
});
