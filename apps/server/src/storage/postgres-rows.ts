import type { StoredNote, StoredPlayer, StoredSession, StoredShareLink } from './session-store.js';

/**
 * Rows as the pg driver hands them over: `json` columns parsed, booleans as booleans, time
 * stamps as Dates (turned back into the ISO strings the rest of the server uses).
 */
export interface SessionRow {
  id: string;
  join_code: string;
  facilitator_key_hash: string;
  settings: StoredSession['settings'];
  seed: number;
  status: StoredSession['status'];
  paused: boolean;
  tick_ms: number;
  created_at: Date;
  host_address: string | null;
  joining_locked: boolean;
  damaged: string | null;
}

export interface PlayerRow {
  id: string;
  session_id: string;
  token_hash: string;
  name: string;
  team: number;
  removed: boolean;
}

export interface NoteRow {
  session_id: string;
  id: string;
  tick: number;
  text: string;
  created_at: Date;
  updated_at: Date | null;
}

export interface ShareLinkRow {
  id: string;
  session_id: string;
  token_hash: string;
  created_at: Date;
  revoked_at: Date | null;
}

const iso = (time: Date | null): string | null => (time ? time.toISOString() : null);

export function toSession(row: SessionRow): StoredSession {
  return {
    id: row.id,
    joinCode: row.join_code,
    facilitatorKeyHash: row.facilitator_key_hash,
    settings: row.settings,
    seed: row.seed,
    status: row.status,
    paused: row.paused,
    tickMs: row.tick_ms,
    createdAt: row.created_at.toISOString(),
    ...(row.host_address ? { hostAddress: row.host_address } : {}),
    ...(row.joining_locked ? { joiningLocked: true } : {}),
    ...(row.damaged ? { damaged: row.damaged } : {}),
  };
}

export function toPlayer(row: PlayerRow): StoredPlayer {
  return { id: row.id, sessionId: row.session_id, tokenHash: row.token_hash, name: row.name, team: row.team, removed: row.removed };
}

export function toNote(row: NoteRow): StoredNote {
  return {
    id: row.id,
    sessionId: row.session_id,
    tick: row.tick,
    text: row.text,
    createdAt: row.created_at.toISOString(),
    updatedAt: iso(row.updated_at),
  };
}

export function toShareLink(row: ShareLinkRow): StoredShareLink {
  return {
    id: row.id,
    sessionId: row.session_id,
    tokenHash: row.token_hash,
    createdAt: row.created_at.toISOString(),
    revokedAt: iso(row.revoked_at),
  };
}
