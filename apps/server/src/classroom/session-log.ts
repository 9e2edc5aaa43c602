import { type ApiErrorCode, classroomTeamNames, type SessionLog } from '@ttc/protocol';
import type { SessionStore, StoredPlayer, StoredSession } from '../storage/session-store.js';
import { hashSecret } from './secrets.js';

export type SessionLogAnswer = { ok: true; log: SessionLog } | { ok: false; status: 403 | 404; error: ApiErrorCode; message: string };

/**
 * A session's whole record for a debrief or a replay. The facilitator key opens it at any
 * time; a player's token only once the session has ended, because while it runs the log
 * holds the other teams' decisions. Read from the store, so it outlives a restart.
 */
export async function readSessionLog(
  store: SessionStore,
  sessionId: string,
  credentials: { key?: string | undefined; token?: string | undefined },
): Promise<SessionLogAnswer> {
  const missing = { ok: false, status: 404, error: 'unknown-session', message: 'No session with that id and key or token.' } as const;
  const session = await store.getSession(sessionId);
  if (!session) return missing;
  const players = await store.listPlayers(sessionId);
  const byKey = !!credentials.key && session.facilitatorKeyHash === hashSecret(credentials.key);
  const tokenHash = credentials.token ? hashSecret(credentials.token) : undefined;
  const byToken = !!tokenHash && players.some((player) => player.tokenHash === tokenHash && !player.removed);
  if (!byKey && !byToken) return missing;
  if (!byKey && session.status !== 'ended')
    return { ok: false, status: 403, error: 'forbidden', message: 'Players can open the session record once the session has ended.' };
  return { ok: true, log: await sessionRecord(store, session, players) };
}

/** The record of a session already authorised (by key, token or share link). */
export async function sessionRecord(store: SessionStore, session: StoredSession, players?: StoredPlayer[]): Promise<SessionLog> {
  const seats = players ?? (await store.listPlayers(session.id));
  const entries = await store.readLog(session.id);
  return {
    sessionId: session.id,
    joinCode: session.joinCode,
    scenarioId: session.settings.scenarioId,
    seed: session.seed,
    settings: session.settings,
    status: session.status,
    createdAt: session.createdAt,
    teamNames: classroomTeamNames(session.settings.teamCount),
    players: seats.map(({ id, name, team, removed }) => ({ id, name, team, removed })),
    entries: entries.map(({ seq, tick, actor, command }) => ({ seq, tick, actor, command })),
  };
}
