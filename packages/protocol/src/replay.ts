import {
  createReplayIndex,
  type GameState,
  matchesCheckpointHash,
  type ReplayIndex,
  type ReplayIndexOptions,
  type Scenario,
} from '@ttc/sim';
import { z } from 'zod';
import { gameSetupOfSessionLog, type SessionLog, sessionLogSchema } from './session-log.js';

/**
 * What the replay viewer and the past-sessions list receive from the server, and what they
 * send. The web parses every answer with these before drawing anything (docs/replays.md).
 */

export const CHECKPOINT_REASONS = ['key-moment', 'round-end', 'game-end', 'session-end'] as const;

/**
 * The state hash the live session had right after entry `seq` (0: before any entry): a
 * checkpoint hash (`t` and 16 hex digits), or a whole-state hash (16 hex digits) in records
 * written before checkpoint hashes existed.
 */
export const checkpointSchema = z.strictObject({
  seq: z.int().min(0),
  tick: z.int().min(0),
  hash: z.string().regex(/^t?[0-9a-f]{16}$/),
  reason: z.enum(CHECKPOINT_REASONS),
});
export type Checkpoint = z.infer<typeof checkpointSchema>;

export const NOTE_MAX_LENGTH = 500;
/** The last global tick a session can have: 12 rounds of 48 ticks (hostSettingsSchema's limits). */
export const MAX_SESSION_TICK = 12 * 48;

const noteTick = z
  .int('The tick must be a whole number.')
  .min(0, 'The tick cannot be negative.')
  .max(MAX_SESSION_TICK, `The tick is at most ${MAX_SESSION_TICK}.`);
const noteText = z
  .string('The text must be a string.')
  .trim()
  .min(1, 'A note needs some text.')
  .max(NOTE_MAX_LENGTH, `A note is at most ${NOTE_MAX_LENGTH} characters.`);

/** A facilitator's note pinned to a global tick. */
export const replayNoteSchema = z.strictObject({
  id: z.string(),
  tick: z.int().min(0),
  text: z.string().max(NOTE_MAX_LENGTH),
  createdAt: z.string(),
  updatedAt: z.string().nullable(),
});
export type ReplayNote = z.infer<typeof replayNoteSchema>;

/** Body of `POST /api/sessions/:id/notes`. */
export const noteInputSchema = z.strictObject({ tick: noteTick, text: noteText });
export type NoteInput = z.infer<typeof noteInputSchema>;

/** Body of `PATCH /api/sessions/:id/notes/:noteId`: the tick, the text or both. */
export const noteChangeSchema = z
  .strictObject({ tick: noteTick.optional(), text: noteText.optional() })
  .refine((change) => change.tick !== undefined || change.text !== undefined, 'Give a new tick, a new text or both.');
export type NoteChange = z.infer<typeof noteChangeSchema>;

export const notesResponseSchema = z.strictObject({ notes: z.array(replayNoteSchema) });
export type NotesResponse = z.infer<typeof notesResponseSchema>;

/** A read-only link as the facilitator sees it later: the token itself is never shown again. */
export const shareLinkSchema = z.strictObject({
  id: z.string(),
  createdAt: z.string(),
  revokedAt: z.string().nullable(),
});
export type ShareLink = z.infer<typeof shareLinkSchema>;

/** Answer to creating a link: the token, once, and the page that opens it. */
export const createdShareLinkSchema = shareLinkSchema.extend({
  token: z.string().min(22),
  /** `${PUBLIC_URL}/?replay=TOKEN`: the web opens the read-only viewer from it. */
  url: z.string(),
});
export type CreatedShareLink = z.infer<typeof createdShareLinkSchema>;

export const shareLinksResponseSchema = z.strictObject({ links: z.array(shareLinkSchema) });
export type ShareLinksResponse = z.infer<typeof shareLinksResponseSchema>;

/**
 * Everything a replay needs in one answer: the session record (as `GET /api/sessions/:id/log`),
 * the notes and the checkpoints recorded during play. `access` says whether notes can be edited.
 */
export const replayBundleSchema = z.strictObject({
  access: z.enum(['facilitator', 'share']),
  log: sessionLogSchema,
  notes: z.array(replayNoteSchema),
  checkpoints: z.array(checkpointSchema),
});
export type ReplayBundle = z.infer<typeof replayBundleSchema>;

/** Body of `POST /api/sessions/summaries`: the sessions this browser hosted, with their keys. */
export const MAX_SUMMARY_REQUESTS = 50;
export const sessionSummariesRequestSchema = z.strictObject({
  sessions: z
    .array(
      z.strictObject({
        sessionId: z.string('Each session needs a sessionId string.').min(1).max(64),
        key: z.string('Each session needs its facilitator key as a string.').min(1).max(128),
      }),
      'Send { sessions: [{ sessionId, key }, …] }.',
    )
    .max(MAX_SUMMARY_REQUESTS, `At most ${MAX_SUMMARY_REQUESTS} sessions at a time.`),
});
export type SessionSummariesRequest = z.infer<typeof sessionSummariesRequestSchema>;

/** A team's figures at the end of the session (or now, while it runs). */
export const teamSummarySchema = z.strictObject({
  team: z.int().min(0),
  name: z.string(),
  profitCents: z.number(),
  /** Staff exhaustion averaged over the game so far: the one the balanced score uses. */
  exhaustion: z.number(),
  loyalty: z.number(),
  reputation: z.number(),
  balancedScore: z.number(),
});

export const sessionSummarySchema = z.strictObject({
  sessionId: z.string(),
  joinCode: z.string(),
  createdAt: z.string(),
  scenarioId: z.string(),
  scenarioName: z.string(),
  status: z.enum(['lobby', 'running', 'ended']),
  teamCount: z.int().min(1),
  rounds: z.int().min(1),
  ticksPerRound: z.int().min(1),
  /** Where the game is: the round and its phase. */
  round: z.int().min(1),
  phase: z.enum(['operations', 'planning', 'ended']),
  teams: z.array(teamSummarySchema),
});
export type SessionSummary = z.infer<typeof sessionSummarySchema>;

export const sessionSummariesResponseSchema = z.strictObject({ sessions: z.array(sessionSummarySchema) });
export type SessionSummariesResponse = z.infer<typeof sessionSummariesResponseSchema>;

/**
 * The seekable replay of a session record: position p is the game after the first p entries,
 * so entry `entries[p - 1]` says who caused position p. Throws on a record that does not apply.
 */
export function replayIndexOfSessionLog(log: SessionLog, scenario: Scenario, options: ReplayIndexOptions = {}): ReplayIndex {
  const commands = log.entries.map((entry) => entry.command);
  return createReplayIndex(gameSetupOfSessionLog(log, scenario), commands, options);
}

/** The checkpoints whose recorded hash the replay does not reproduce: empty for a faithful record. */
export function checkpointMismatches(index: ReplayIndex, checkpoints: readonly Checkpoint[]): Checkpoint[] {
  // Several checkpoints can share a seq (a key moment that ended the round): replay it once.
  const states = new Map<number, GameState>();
  const stateAt = (seq: number): GameState => {
    const state = states.get(seq) ?? index.gameAt(seq).state;
    states.set(seq, state);
    return state;
  };
  return checkpoints.filter((checkpoint) => {
    if (checkpoint.seq > index.length) return true;
    return !matchesCheckpointHash(stateAt(checkpoint.seq), checkpoint.hash) || index.tickAt(checkpoint.seq) !== checkpoint.tick;
  });
}
