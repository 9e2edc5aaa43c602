import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { HostSettings } from '@ttc/protocol';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { spawnServer } from '../test-support/child-server.js';
import { expectOk } from '../test-support/classroom-client.js';
import { TestRig } from '../test-support/test-rig.js';

const rig = new TestRig();
afterAll(() => rig.close());

const backupScript = new URL('../../scripts/backup.mjs', import.meta.url).pathname;
const bots: HostSettings = {
  scenarioId: 'office-supplies',
  rounds: 1,
  ticksPerRound: 48,
  teamCount: 2,
  tickMs: 100,
  botsForEmptyTeams: true,
};

/** The backup script as an operator runs it: its own process, DATABASE_PATH as the server has it. */
async function backup(databasePath: string, target: string) {
  const run = spawnServer({ DATABASE_PATH: databasePath }, { args: [backupScript, target] });
  return { code: await run.exited, output: run.output() };
}

describe('an online backup', () => {
  it('copies the database while classes run, without stopping their clocks, and never overwrites', async () => {
    const { url, databasePath } = await rig.server();
    const { facilitator, sessionId } = await rig.host(url, bots);
    expectOk(await facilitator.send({ type: 'start' }));
    await facilitator.next('session', (message) => message.tick >= 3);

    const target = join(mkdtempSync(join(tmpdir(), 'ttc-backup-')), 'copy.db');
    const first = await backup(databasePath, target);
    expect(first.output).toMatch(/backup: .* → .*copy\.db \(\d+ pages, 1 sessions, integrity ok\)/);
    expect(first.code).toBe(0);
    const copy = new Database(target, { readonly: true });
    const logged = (copy.prepare('SELECT COUNT(*) AS count FROM command_log WHERE session_id = ?').get(sessionId) as { count: number })
      .count;
    copy.close();
    expect(logged).toBeGreaterThanOrEqual(3);

    // The class played on during the backup.
    const tickAfter = facilitator.latest('session')?.tick ?? 0;
    await facilitator.next('session', (message) => message.tick > tickAfter);
    const again = await backup(databasePath, target);
    expect(again.code).toBe(1);
    expect(again.output).toContain('exists already');
  });

  it('on PostgreSQL (DATABASE_URL) copies nothing and says to use pg_dump', async () => {
    const target = join(mkdtempSync(join(tmpdir(), 'ttc-backup-')), 'copy.db');
    const run = spawnServer(
      { DATABASE_URL: 'postgres://trainer@db.example.org/classes', DATABASE_SCHEMA: 'ttc' },
      { args: [backupScript, target] },
    );
    expect(await run.exited).toBe(1);
    expect(run.output()).toContain('the classes are in PostgreSQL, not in an SQLite file. Back them up with pg_dump');
    expect(run.output()).toContain('--schema=ttc');
    expect(existsSync(target)).toBe(false);
  });
});
