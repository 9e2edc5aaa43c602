#!/usr/bin/env node
// Online backup of the classroom database, safe while the server runs (docs/deploy.md):
//   npm run backup -w @ttc/server -- /backups/ttc-2026-11-30.db
// SQLite's backup API copies a consistent snapshot page by page; readers never block the
// server's writes in WAL mode, so classes play on meanwhile. Plain JavaScript, so it runs in a
// production install (no tsx). The source is DATABASE_PATH, as for the server; with DATABASE_URL
// (PostgreSQL) it says to use pg_dump instead.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import Database from 'better-sqlite3';

const source = resolve(process.env.DATABASE_PATH ?? 'data/tame-the-chaos.db');
const target = process.argv[2];

function stop(message) {
  process.stderr.write(`backup: ${message}\n`);
  process.exit(1);
}

if (process.env.DATABASE_URL)
  stop(
    'DATABASE_URL is set: the classes are in PostgreSQL, not in an SQLite file. Back them up with pg_dump, ' +
      `for example: pg_dump --schema=${process.env.DATABASE_SCHEMA || 'public'} --format=custom --file=ttc.dump "$DATABASE_URL" (docs/deploy.md).`,
  );
if (!target) stop('name the backup file: npm run backup -w @ttc/server -- /path/to/backup.db');
if (existsSync(target)) stop(`${target} exists already: choose a new name (a backup never overwrites).`);
if (!existsSync(source)) stop(`no database at ${source}: set DATABASE_PATH as the server has it.`);

const db = new Database(source, { readonly: true, fileMustExist: true });
try {
  let pages = 0;
  await db.backup(target, {
    progress: ({ totalPages }) => {
      pages = totalPages;
      return 200;
    },
  });
  const copy = new Database(target, { readonly: true });
  const check = copy.pragma('integrity_check', { simple: true });
  const sessions = copy.prepare('SELECT COUNT(*) AS count FROM sessions').get().count;
  copy.close();
  if (check !== 'ok') stop(`the copy at ${target} failed its integrity check: ${check}`);
  process.stdout.write(`backup: ${source} → ${target} (${pages} pages, ${sessions} sessions, integrity ok)\n`);
} catch (error) {
  stop(`could not back up ${source}: ${error instanceof Error ? error.message : String(error)}`);
} finally {
  db.close();
}
