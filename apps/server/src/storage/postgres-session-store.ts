import type pg from 'pg';
import { describe } from './database-lock.js';
import { createPool, describePostgres, type PostgresSettings, postgresStartupError } from './postgres-connect.js';
import { PostgresLeases } from './postgres-leases.js';
import { migratePostgres } from './postgres-migrations.js';
import {
  type NoteRow,
  type PlayerRow,
  type SessionRow,
  type ShareLinkRow,
  toNote,
  toPlayer,
  toSession,
  toShareLink,
} from './postgres-rows.js';
import { STATEMENTS, type StatementName } from './postgres-statements.js';
import type {
  AppendOptions,
  LogEntry,
  SessionChange,
  SessionStatus,
  SessionStore,
  StoredCheckpoint,
  StoredNote,
  StoredPlayer,
  StoredSession,
  StoredShareLink,
  StoreHealth,
} from './session-store.js';
import { LeaseLostError, LogOrderError, postgresFailure } from './store-errors.js';

/**
 * The store several server processes can share (DATABASE_URL). A write has resolved once
 * PostgreSQL has committed it. A database that stops answering fails the write, which the
 * session treats as it treats a locked SQLite file: the change is not acknowledged, the clock
 * retries. Call open() before anything else: it connects, migrates and proves a write.
 */
export class PostgresSessionStore implements SessionStore {
  readonly leases: PostgresLeases;
  private readonly pool: pg.Pool;
  private readonly where: string;
  private closed = false;

  constructor(private readonly settings: PostgresSettings) {
    this.pool = createPool(settings);
    this.where = `PostgreSQL at ${describePostgres(settings.url)}`;
    this.leases = new PostgresLeases((name, values) => this.run(name, values));
  }

  /** Stops the start with a StartupError when PostgreSQL cannot be reached or refuses the schema. */
  async open(): Promise<void> {
    let client: pg.PoolClient;
    try {
      client = await this.pool.connect();
    } catch (error) {
      await this.close();
      throw postgresStartupError(error, this.settings, 'connect');
    }
    try {
      await migratePostgres(client, this.settings.schema, `${this.where} (schema ${this.settings.schema})`);
    } catch (error) {
      client.release(true);
      await this.close();
      throw postgresStartupError(error, this.settings, 'schema');
    }
    client.release();
    try {
      await this.run('touchMeta', ['last_start', new Date().toISOString()]);
    } catch (error) {
      await this.close();
      throw postgresStartupError(error, this.settings, 'schema');
    }
  }

  private async run<Row extends pg.QueryResultRow = pg.QueryResultRow>(
    name: StatementName,
    values: unknown[],
  ): Promise<pg.QueryResult<Row>> {
    try {
      return await this.pool.query<Row>({ name, text: STATEMENTS[name], values });
    } catch (error) {
      throw postgresFailure(error);
    }
  }

  async createSession(session: StoredSession): Promise<void> {
    await this.run('insertSession', [
      session.id,
      session.joinCode,
      session.facilitatorKeyHash,
      JSON.stringify(session.settings),
      session.seed,
      session.status,
      session.paused,
      session.tickMs,
      session.createdAt,
      session.hostAddress ?? null,
      session.joiningLocked ?? false,
    ]);
  }

  async updateSession(id: string, change: SessionChange): Promise<void> {
    await this.run('updateSession', [
      id,
      change.status ?? null,
      change.paused ?? null,
      change.tickMs ?? null,
      change.joiningLocked ?? null,
      change.damaged !== undefined,
      change.damaged ?? null,
    ]);
  }

  async getSession(id: string): Promise<StoredSession | undefined> {
    const row = (await this.run<SessionRow>('getSession', [id])).rows[0];
    return row && toSession(row);
  }

  async findByJoinCode(joinCode: string): Promise<StoredSession | undefined> {
    const row = (await this.run<SessionRow>('findByJoinCode', [joinCode])).rows[0];
    return row && toSession(row);
  }

  async listSessions(statuses: readonly SessionStatus[]): Promise<StoredSession[]> {
    if (statuses.length === 0) return [];
    return (await this.run<SessionRow>('listSessions', [statuses])).rows.map(toSession);
  }

  async savePlayer(player: StoredPlayer): Promise<void> {
    await this.run('upsertPlayer', [player.id, player.sessionId, player.tokenHash, player.name, player.team, player.removed]);
  }

  async listPlayers(sessionId: string): Promise<StoredPlayer[]> {
    return (await this.run<PlayerRow>('listPlayers', [sessionId])).rows.map(toPlayer);
  }

  async findPlayerByTokenHash(tokenHash: string): Promise<StoredPlayer | undefined> {
    const row = (await this.run<PlayerRow>('findPlayer', [tokenHash])).rows[0];
    return row && toPlayer(row);
  }

  /**
   * One round trip: the whole batch goes as one JSON parameter into one INSERT that checks the
   * order (and, with an epoch, the lease) itself. Only a refusal costs a second query, to say why.
   */
  async appendLog(sessionId: string, entries: readonly LogEntry[], options: AppendOptions = {}): Promise<void> {
    const first = entries[0]?.seq;
    if (first === undefined) return;
    entries.forEach((entry, index) => {
      if (entry.seq !== first + index) throw new LogOrderError(sessionId, first + index, entry.seq);
    });
    const batch = JSON.stringify(entries.map(({ seq, tick, command, actor }) => ({ seq, tick, command, actor })));
    let written: number;
    try {
      const result =
        options.epoch === undefined
          ? await this.run('appendLog', [sessionId, batch, first - 1])
          : await this.run('appendLogFenced', [sessionId, batch, first - 1, options.epoch]);
      written = result.rowCount ?? 0;
    } catch (error) {
      // Another writer stored the same seq in the meantime.
      if ((error as { code?: string }).code !== '23505') throw error;
      written = 0;
    }
    if (written !== entries.length) throw await this.whyRefused(sessionId, first, options.epoch);
  }

  private async whyRefused(sessionId: string, first: number, epoch: number | undefined): Promise<Error> {
    if (epoch !== undefined) {
      const lease = await this.leases.readLease(sessionId);
      if (lease?.epoch !== epoch) return new LeaseLostError(sessionId, epoch, lease?.epoch);
    }
    const last = (await this.run<{ seq: number }>('lastSeq', [sessionId])).rows[0]?.seq ?? 0;
    return new LogOrderError(sessionId, last + 1, first);
  }

  async readLog(sessionId: string): Promise<LogEntry[]> {
    return (await this.run<LogEntry>('readLog', [sessionId])).rows.map(({ seq, tick, command, actor }) => ({ seq, tick, command, actor }));
  }

  async appendCheckpoints(sessionId: string, checkpoints: readonly StoredCheckpoint[]): Promise<void> {
    if (checkpoints.length === 0) return;
    // One row per seq and reason, the last one winning, as a row-by-row upsert would leave it.
    const unique = new Map(checkpoints.map((checkpoint) => [`${checkpoint.seq}:${checkpoint.reason}`, checkpoint]));
    const batch = [...unique.values()].map(({ seq, tick, hash, reason }) => ({ seq, tick, hash, reason }));
    await this.run('appendCheckpoints', [sessionId, JSON.stringify(batch)]);
  }

  async readCheckpoints(sessionId: string): Promise<StoredCheckpoint[]> {
    return (await this.run<StoredCheckpoint>('readCheckpoints', [sessionId])).rows.map(({ seq, tick, hash, reason }) => ({
      seq,
      tick,
      hash,
      reason,
    }));
  }

  async addNote(note: StoredNote): Promise<void> {
    await this.run('insertNote', [note.sessionId, note.id, note.tick, note.text, note.createdAt, note.updatedAt]);
  }

  async updateNote(
    sessionId: string,
    id: string,
    change: Partial<Pick<StoredNote, 'tick' | 'text'>> & { updatedAt: string },
  ): Promise<StoredNote | undefined> {
    const row = (await this.run<NoteRow>('updateNote', [sessionId, id, change.tick ?? null, change.text ?? null, change.updatedAt]))
      .rows[0];
    return row && toNote(row);
  }

  async deleteNote(sessionId: string, id: string): Promise<boolean> {
    return ((await this.run('deleteNote', [sessionId, id])).rowCount ?? 0) > 0;
  }

  async listNotes(sessionId: string): Promise<StoredNote[]> {
    return (await this.run<NoteRow>('listNotes', [sessionId])).rows.map(toNote);
  }

  async createShareLink(link: StoredShareLink): Promise<void> {
    await this.run('insertShareLink', [link.id, link.sessionId, link.tokenHash, link.createdAt, link.revokedAt]);
  }

  async findShareLinkByTokenHash(tokenHash: string): Promise<StoredShareLink | undefined> {
    const row = (await this.run<ShareLinkRow>('findShareLink', [tokenHash])).rows[0];
    return row && toShareLink(row);
  }

  async listShareLinks(sessionId: string): Promise<StoredShareLink[]> {
    return (await this.run<ShareLinkRow>('listShareLinks', [sessionId])).rows.map(toShareLink);
  }

  async revokeShareLink(sessionId: string, id: string, revokedAt: string): Promise<boolean> {
    return ((await this.run('revokeShareLink', [sessionId, id, revokedAt])).rowCount ?? 0) > 0;
  }

  async checkHealth(): Promise<StoreHealth> {
    if (this.closed) return { ok: false, problem: `${this.where}: the server has closed its connections` };
    try {
      await this.run('touchMeta', ['last_check', new Date().toISOString()]);
      return { ok: true };
    } catch (error) {
      return { ok: false, problem: `${this.where} does not take writes: ${describe(error)}` };
    }
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.pool.end();
  }
}
