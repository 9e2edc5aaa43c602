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
import { callApi as call } from '../rest-client';

// The replay routes of docs/replays.md, through the page's one REST client.

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
