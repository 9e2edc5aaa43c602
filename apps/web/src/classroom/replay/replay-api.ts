import {
  type CreatedShareLink,
  createdShareLinkSchema,
  type ReplayBundle,
  type ReplayNote,
  replayBundleSchema,
  replayNoteSchema,
  type SessionSummary,
  type ShareLink,
  sessionSummariesResponseSchema,
  shareLinksResponseSchema,
} from '@ttc/protocol';
import type { z } from 'zod';

// The replay routes of docs/replays.md. Every answer is parsed with its protocol schema; every
// failure becomes an Error whose message can be shown as it is.

async function call<T>(
  path: string,
  schema: z.ZodType<T> | undefined,
  init: { method?: string; key?: string; body?: unknown } = {},
): Promise<T> {
  const headers: Record<string, string> = {};
  if (init.key) headers['x-facilitator-key'] = init.key;
  if (init.body !== undefined) headers['content-type'] = 'application/json';
  let response: Response;
  try {
    response = await fetch(path, {
      method: init.method ?? 'GET',
      headers,
      ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
    });
  } catch {
    throw new Error('The server could not be reached. Check the connection and try again.');
  }
  if (response.status === 204) return undefined as T;
  const body: unknown = await response.json().catch(() => undefined);
  if (!response.ok) {
    const message =
      body && typeof body === 'object' && 'message' in body ? String(body.message) : `The server answered ${response.status}.`;
    throw new Error(message);
  }
  if (!schema) return undefined as T;
  const parsed = schema.safeParse(body);
  if (!parsed.success) throw new Error('The server answered in a form this page does not understand. Reload the page.');
  return parsed.data;
}

const session = (sessionId: string) => `/api/sessions/${encodeURIComponent(sessionId)}`;

export function fetchSummaries(sessions: { sessionId: string; key: string }[]): Promise<SessionSummary[]> {
  if (sessions.length === 0) return Promise.resolve([]);
  return call('/api/sessions/summaries', sessionSummariesResponseSchema, { method: 'POST', body: { sessions } }).then(
    (answer) => answer.sessions,
  );
}

export function fetchFacilitatorReplay(sessionId: string, key: string): Promise<ReplayBundle> {
  return call(`${session(sessionId)}/replay`, replayBundleSchema, { key });
}

export function fetchSharedReplay(token: string): Promise<ReplayBundle> {
  return call(`/api/replays/${encodeURIComponent(token)}`, replayBundleSchema);
}

export function addNote(sessionId: string, key: string, tick: number, text: string): Promise<ReplayNote> {
  return call(`${session(sessionId)}/notes`, replayNoteSchema, { method: 'POST', key, body: { tick, text } });
}

export function changeNote(sessionId: string, key: string, noteId: string, text: string): Promise<ReplayNote> {
  return call(`${session(sessionId)}/notes/${encodeURIComponent(noteId)}`, replayNoteSchema, { method: 'PATCH', key, body: { text } });
}

export function deleteNote(sessionId: string, key: string, noteId: string): Promise<void> {
  return call(`${session(sessionId)}/notes/${encodeURIComponent(noteId)}`, undefined, { method: 'DELETE', key });
}

export function createShareLink(sessionId: string, key: string): Promise<CreatedShareLink> {
  return call(`${session(sessionId)}/shares`, createdShareLinkSchema, { method: 'POST', key });
}

export function listShareLinks(sessionId: string, key: string): Promise<ShareLink[]> {
  return call(`${session(sessionId)}/shares`, shareLinksResponseSchema, { key }).then((answer) => answer.links);
}

export function revokeShareLink(sessionId: string, key: string, linkId: string): Promise<void> {
  return call(`${session(sessionId)}/shares/${encodeURIComponent(linkId)}`, undefined, { method: 'DELETE', key });
}
