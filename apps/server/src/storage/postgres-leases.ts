import type pg from 'pg';
import type { StatementName } from './postgres-statements.js';
import type { LeaseStore, SessionLease } from './session-store.js';

interface LeaseRow {
  session_id: string;
  owner: string;
  epoch: number;
  expires_at: Date;
}

const toLease = (row: LeaseRow): SessionLease => ({
  sessionId: row.session_id,
  owner: row.owner,
  epoch: row.epoch,
  expiresAt: row.expires_at.toISOString(),
});

type Run = (name: StatementName, values: unknown[]) => Promise<pg.QueryResult>;

/**
 * Session leases in the `session_leases` table, timed by the database's clock. A released
 * lease keeps its row with no owner (""), so its epoch keeps growing across owners.
 */
export class PostgresLeases implements LeaseStore {
  constructor(private readonly run: Run) {}

  async acquireLease(sessionId: string, owner: string, ttlMs: number): Promise<SessionLease | undefined> {
    if (owner === '') throw new Error('a lease owner needs a name');
    const row = (await this.run('acquireLease', [sessionId, owner, ttlMs])).rows[0] as LeaseRow | undefined;
    return row && toLease(row);
  }

  async readLease(sessionId: string): Promise<SessionLease | undefined> {
    const row = (await this.run('readLease', [sessionId])).rows[0] as LeaseRow | undefined;
    return row && toLease(row);
  }

  async listOrphans(): Promise<string[]> {
    return (await this.run('listOrphans', [])).rows.map((row) => String(row.id));
  }

  async releaseLease(sessionId: string, owner: string, epoch: number): Promise<boolean> {
    return ((await this.run('releaseLease', [sessionId, owner, epoch])).rowCount ?? 0) > 0;
  }
}
