import {
  type CreatedShareLink,
  type NotesResponse,
  noteChangeSchema,
  noteInputSchema,
  type ReplayBundle,
  type ReplayNote,
  type SessionSummariesResponse,
  type SessionSummary,
  type ShareLink,
  type ShareLinksResponse,
  sessionSummariesRequestSchema,
} from '@ttc/protocol';
import { type NextFunction, type Request, type Response, Router } from 'express';
import type { Logger } from 'pino';
import type { ZodError } from 'zod';
import { hashSecret, newId, newSecret } from '../classroom/secrets.js';
import { sessionRecord } from '../classroom/session-log.js';
import type { SessionRegistry } from '../classroom/session-registry.js';
import { jsonBody as readJsonBody } from '../http/json-body.js';
import { sendApiError } from '../http/json-errors.js';
import type { SessionStore, StoredNote, StoredSession, StoredShareLink } from '../storage/session-store.js';
import { SummaryCache } from './session-summaries.js';

const jsonBody = readJsonBody(32 * 1024);

const problem = sendApiError;

/** The first issue of a failed parse, as one sentence naming the field. */
function firstIssue(error: ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'The body is not valid.';
  const where = issue.path.length > 0 ? `${issue.path.join('.')}: ` : '';
  return `${where}${issue.message}`;
}

const noteOf = ({ id, tick, text, createdAt, updatedAt }: StoredNote): ReplayNote => ({ id, tick, text, createdAt, updatedAt });
const linkOf = ({ id, createdAt, revokedAt }: StoredShareLink): ShareLink => ({ id, createdAt, revokedAt });

/**
 * Replays on the server: notes pinned to ticks, read-only share links, the replay bundle and
 * the facilitator's past sessions (docs/server.md, docs/replays.md). Notes and links are
 * written with the facilitator key only; a share link reads one session's replay and nothing else.
 */
export function replayRoutes(options: {
  store: SessionStore;
  registry: SessionRegistry;
  publicUrl: string;
  logger: Logger;
  now?: () => Date;
}): Router {
  const { store, registry, publicUrl, logger } = options;
  const now = () => (options.now ?? (() => new Date()))().toISOString();
  const summaries = new SummaryCache();
  // Express 5 hands a rejected handler promise to the error handlers: async handlers need no wrapper.
  const router = Router();

  /** The session, when the request carries its facilitator key (query `key` or header `x-facilitator-key`). */
  async function asFacilitator(request: Request, response: Response): Promise<StoredSession | undefined> {
    const key = String(request.query.key ?? request.get('x-facilitator-key') ?? '');
    const session = key ? await store.getSession(String(request.params.id)) : undefined;
    if (session && session.facilitatorKeyHash === hashSecret(key)) return session;
    problem(response, 404, 'unknown-session', 'No session with that id and facilitator key.');
    return undefined;
  }

  async function bundle(session: StoredSession, access: ReplayBundle['access']): Promise<ReplayBundle> {
    const [log, notes, checkpoints] = await Promise.all([
      sessionRecord(store, session),
      store.listNotes(session.id),
      store.readCheckpoints(session.id),
    ]);
    return { access, log, notes: notes.map(noteOf), checkpoints };
  }

  const lastTick = (session: StoredSession) => session.settings.rounds * session.settings.ticksPerRound;

  router.get('/sessions/:id/replay', async (request, response) => {
    const session = await asFacilitator(request, response);
    if (session) response.json(await bundle(session, 'facilitator'));
  });

  router.get('/sessions/:id/notes', async (request, response) => {
    const session = await asFacilitator(request, response);
    if (session) response.json({ notes: (await store.listNotes(session.id)).map(noteOf) } satisfies NotesResponse);
  });

  router.post('/sessions/:id/notes', jsonBody, async (request, response) => {
    const session = await asFacilitator(request, response);
    if (!session) return;
    const parsed = noteInputSchema.safeParse(request.body);
    if (!parsed.success) return problem(response, 400, 'bad-request', firstIssue(parsed.error));
    if (parsed.data.tick > lastTick(session))
      return problem(response, 400, 'bad-request', `tick: this session has ${lastTick(session)} ticks.`);
    const note: StoredNote = { id: newId(), sessionId: session.id, ...parsed.data, createdAt: now(), updatedAt: null };
    await store.addNote(note);
    response.status(201).json(noteOf(note));
  });

  router.patch('/sessions/:id/notes/:noteId', jsonBody, async (request, response) => {
    const session = await asFacilitator(request, response);
    if (!session) return;
    const parsed = noteChangeSchema.safeParse(request.body);
    if (!parsed.success) return problem(response, 400, 'bad-request', firstIssue(parsed.error));
    const { tick, text } = parsed.data;
    if (tick !== undefined && tick > lastTick(session))
      return problem(response, 400, 'bad-request', `tick: this session has ${lastTick(session)} ticks.`);
    const change = { updatedAt: now(), ...(tick === undefined ? {} : { tick }), ...(text === undefined ? {} : { text }) };
    const note = await store.updateNote(session.id, String(request.params.noteId), change);
    if (note) response.json(noteOf(note));
    else problem(response, 404, 'unknown-note', 'This session has no such note.');
  });

  router.delete('/sessions/:id/notes/:noteId', async (request, response) => {
    const session = await asFacilitator(request, response);
    if (!session) return;
    if (await store.deleteNote(session.id, String(request.params.noteId))) response.status(204).end();
    else problem(response, 404, 'unknown-note', 'This session has no such note.');
  });

  router.post('/sessions/:id/shares', async (request, response) => {
    const session = await asFacilitator(request, response);
    if (!session) return;
    const token = newSecret();
    const link: StoredShareLink = { id: newId(), sessionId: session.id, tokenHash: hashSecret(token), createdAt: now(), revokedAt: null };
    await store.createShareLink(link);
    const created: CreatedShareLink = { ...linkOf(link), token, url: `${publicUrl}/?replay=${token}` };
    response.status(201).json(created);
  });

  router.get('/sessions/:id/shares', async (request, response) => {
    const session = await asFacilitator(request, response);
    if (session) response.json({ links: (await store.listShareLinks(session.id)).map(linkOf) } satisfies ShareLinksResponse);
  });

  router.delete('/sessions/:id/shares/:linkId', async (request, response) => {
    const session = await asFacilitator(request, response);
    if (!session) return;
    if (await store.revokeShareLink(session.id, String(request.params.linkId), now())) response.status(204).end();
    else problem(response, 404, 'unknown-link', 'This session has no such share link.');
  });

  router.get('/replays/:token', async (request, response) => {
    const token = String(request.params.token);
    const link = token.length <= 128 ? await store.findShareLinkByTokenHash(hashSecret(token)) : undefined;
    const session = link && (await store.getSession(link.sessionId));
    if (!link || !session) return problem(response, 404, 'unknown-replay', 'No replay behind this link: check that it was copied whole.');
    if (link.revokedAt)
      return problem(response, 410, 'link-revoked', 'The facilitator has withdrawn this replay link: ask them for a new one.');
    // As with a player's token: while the session runs, its record holds every team's decisions.
    if (session.status !== 'ended') return problem(response, 403, 'session-running', 'This replay opens once the session has ended.');
    response.json(await bundle(session, 'share'));
  });

  router.post('/sessions/summaries', jsonBody, async (request, response) => {
    const parsed = sessionSummariesRequestSchema.safeParse(request.body);
    if (!parsed.success) return problem(response, 400, 'bad-request', firstIssue(parsed.error));
    const found: SessionSummary[] = [];
    const asked = new Set<string>();
    for (const { sessionId, key } of parsed.data.sessions) {
      if (asked.has(sessionId)) continue;
      const session = await store.getSession(sessionId);
      // A wrong key is treated as an unknown session: the answer says nothing about it.
      if (!session || session.facilitatorKeyHash !== hashSecret(key)) continue;
      asked.add(sessionId);
      try {
        const live = registry.get(session.id);
        const summary = await summaries.summarise(session, () => sessionRecord(store, session), live && ((reader) => live.read(reader)));
        if (summary) found.push(summary);
      } catch (error) {
        logger.warn({ err: error, session: sessionId }, 'session record does not replay: left out of the summaries');
      }
    }
    response.json({ sessions: found } satisfies SessionSummariesResponse);
  });

  // A body that is not JSON, or too large, gets the same kind of answer as any other bad request.
  router.use((error: { type?: string }, _request: Request, response: Response, next: NextFunction) => {
    if (error?.type === 'entity.parse.failed') return problem(response, 400, 'bad-request', 'The body is not valid JSON.');
    if (error?.type === 'entity.too.large') return problem(response, 413, 'too-large', 'The body is too large.');
    next(error);
  });

  return router;
}
