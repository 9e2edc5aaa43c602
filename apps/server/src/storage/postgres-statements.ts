/**
 * Every statement of the PostgreSQL store, by name. They run as named prepared statements:
 * each connection parses and plans one once, then only binds values (the log append is on the
 * path of every acknowledged decision). Texts never vary, so a name always means one text.
 */

const SESSION_COLUMNS =
  'id, join_code, facilitator_key_hash, settings, seed, status, paused, tick_ms, created_at, host_address, joining_locked, damaged';

/** The last stored seq of the session ($1), 0 for none: the primary key's index answers it. */
const LAST_SEQ = '(SELECT COALESCE(MAX(seq), 0) FROM command_log WHERE session_id = $1)';

/** The batch ($2, a JSON array of entries) as rows, inserted only when it follows the log ($3 = last seq). */
const INSERT_BATCH = `
  INSERT INTO command_log (session_id, seq, tick, command, actor)
  SELECT $1, entry.seq, entry.tick, entry.command, entry.actor
  FROM json_to_recordset($2::json) AS entry(seq integer, tick integer, command json, actor text)`;

export const STATEMENTS = {
  insertSession: `INSERT INTO sessions (id, join_code, facilitator_key_hash, settings, seed, status, paused, tick_ms, created_at, host_address, joining_locked)
    VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
  // Unset fields keep their value; damaged is set (to a reason or null) only when $6 says so.
  updateSession: `UPDATE sessions SET status = COALESCE($2, status), paused = COALESCE($3, paused), tick_ms = COALESCE($4, tick_ms),
    joining_locked = COALESCE($5, joining_locked), damaged = CASE WHEN $6::boolean THEN $7::text ELSE damaged END WHERE id = $1`,
  getSession: `SELECT ${SESSION_COLUMNS} FROM sessions WHERE id = $1`,
  findByJoinCode: `SELECT ${SESSION_COLUMNS} FROM sessions WHERE join_code = $1 AND status <> 'ended' ORDER BY created_at DESC LIMIT 1`,
  listSessions: `SELECT ${SESSION_COLUMNS} FROM sessions WHERE status = ANY($1::text[]) ORDER BY created_at`,
  upsertPlayer: `INSERT INTO players (id, session_id, token_hash, name, team, removed) VALUES ($1, $2, $3, $4, $5, $6)
    ON CONFLICT (id) DO UPDATE SET name = excluded.name, team = excluded.team, removed = excluded.removed`,
  listPlayers: 'SELECT id, session_id, token_hash, name, team, removed FROM players WHERE session_id = $1 ORDER BY position',
  findPlayer: 'SELECT id, session_id, token_hash, name, team, removed FROM players WHERE token_hash = $1',
  appendLog: `${INSERT_BATCH} WHERE ${LAST_SEQ} = $3`,
  /**
   * The fenced append: only while the lease still has the writer's epoch ($4). FOR SHARE holds
   * the lease row until this statement's transaction ends, so a takeover (which updates the row)
   * waits for the append to commit, or, if it came first, the append sees the new epoch and
   * writes nothing. Whoever takes a session over therefore reads every append its old owner
   * was told succeeded.
   */
  appendLogFenced: `WITH lease AS (SELECT epoch FROM session_leases WHERE session_id = $1 AND epoch = $4 FOR SHARE)
    ${INSERT_BATCH} WHERE EXISTS (SELECT 1 FROM lease) AND ${LAST_SEQ} = $3`,
  lastSeq: `SELECT ${LAST_SEQ} AS seq`,
  readLog: 'SELECT seq, tick, command, actor FROM command_log WHERE session_id = $1 ORDER BY seq',
  appendCheckpoints: `INSERT INTO checkpoints (session_id, seq, tick, hash, reason)
    SELECT $1, checkpoint.seq, checkpoint.tick, checkpoint.hash, checkpoint.reason
    FROM json_to_recordset($2::json) AS checkpoint(seq integer, tick integer, hash text, reason text)
    ON CONFLICT (session_id, seq, reason) DO UPDATE SET tick = excluded.tick, hash = excluded.hash`,
  readCheckpoints: 'SELECT seq, tick, hash, reason FROM checkpoints WHERE session_id = $1 ORDER BY seq, position',
  insertNote: 'INSERT INTO notes (session_id, id, tick, text, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6)',
  updateNote: `UPDATE notes SET tick = COALESCE($3, tick), text = COALESCE($4, text), updated_at = $5
    WHERE session_id = $1 AND id = $2 RETURNING session_id, id, tick, text, created_at, updated_at`,
  deleteNote: 'DELETE FROM notes WHERE session_id = $1 AND id = $2',
  listNotes:
    'SELECT session_id, id, tick, text, created_at, updated_at FROM notes WHERE session_id = $1 ORDER BY tick, created_at, position',
  insertShareLink: 'INSERT INTO share_links (id, session_id, token_hash, created_at, revoked_at) VALUES ($1, $2, $3, $4, $5)',
  findShareLink: 'SELECT id, session_id, token_hash, created_at, revoked_at FROM share_links WHERE token_hash = $1',
  listShareLinks:
    'SELECT id, session_id, token_hash, created_at, revoked_at FROM share_links WHERE session_id = $1 ORDER BY created_at, position',
  revokeShareLink: 'UPDATE share_links SET revoked_at = COALESCE(revoked_at, $3) WHERE session_id = $1 AND id = $2',
  touchMeta: 'INSERT INTO server_meta (key, value) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
  /** Takes a free or expired lease (raising the epoch when the owner changes) or renews one's own. */
  acquireLease: `INSERT INTO session_leases AS lease (session_id, owner, epoch, expires_at)
    VALUES ($1, $2, 1, now() + $3::double precision * interval '1 millisecond')
    ON CONFLICT (session_id) DO UPDATE SET owner = excluded.owner,
      epoch = CASE WHEN lease.owner = excluded.owner THEN lease.epoch ELSE lease.epoch + 1 END, expires_at = excluded.expires_at
    WHERE lease.owner = excluded.owner OR lease.expires_at <= now()
    RETURNING session_id, owner, epoch, expires_at`,
  /** Sessions not over and not set aside whose lease is free, expired or never taken: what a process may claim. */
  listOrphans: `SELECT session.id FROM sessions AS session LEFT JOIN session_leases AS lease ON lease.session_id = session.id
    WHERE session.status IN ('lobby', 'running') AND session.damaged IS NULL AND (lease.session_id IS NULL OR lease.expires_at <= now())
    ORDER BY session.created_at`,
  readLease: 'SELECT session_id, owner, epoch, expires_at FROM session_leases WHERE session_id = $1',
  /** A handover: nobody owns it, and the epoch moves on so the old owner's appends are refused. */
  releaseLease: `UPDATE session_leases SET owner = '', epoch = epoch + 1, expires_at = now()
    WHERE session_id = $1 AND owner = $2 AND epoch = $3`,
} as const;

export type StatementName = keyof typeof STATEMENTS;
