import { DECISIONS } from '@ttc/sim';
import { z } from 'zod';
import { planSchema } from './client-messages.js';
import { errorSchema } from './errors.js';
import { boardSchema } from './game-views.js';

/** What a `notice` tells the facilitator. */
export const NOTICE_CODES = ['storage-retrying', 'storage-recovered', 'lobby-expired'] as const;
export type NoticeCode = (typeof NOTICE_CODES)[number];

const sessionStatus = z.enum(['lobby', 'running', 'ended']);
const phase = z.enum(['operations', 'planning', 'ended']);

export const lobbyPlayerSchema = z.strictObject({ id: z.string(), name: z.string(), team: z.int(), connected: z.boolean() });

export const teamFiguresSchema = z.strictObject({
  team: z.int(),
  name: z.string(),
  bot: z.boolean(),
  profitCents: z.int(),
  exhaustion: z.number(),
  loyalty: z.number(),
  reputation: z.number(),
  balancedScore: z.number(),
  waitingDemands: z.int(),
  connectedPlayers: z.int(),
  players: z.int(),
  planCommitted: z.boolean(),
});

/** How many of a team's latest decisions a member gets back on (re)attaching. */
export const TEAM_FEED_LENGTH = 6;

/**
 * What a line of a team's feed is about: one of the four decisions, a card nobody answered in
 * time (`ignored`, by `clock`), or promised work not done by its due hour (`broken-promise`, by `clock`).
 */
export const FEED_ITEMS = [...DECISIONS, 'ignored', 'broken-promise'] as const;
export type FeedItem = (typeof FEED_ITEMS)[number];

/** One line of a team's feed: who answered whom, and what it did. */
export const teamFeedEntrySchema = z.strictObject({
  by: z.string(),
  decision: z.enum(FEED_ITEMS),
  accepted: z.boolean(),
  loyaltyChange: z.number(),
  revenueCents: z.int(),
  customerName: z.string(),
  categoryName: z.string(),
  /** For a broken promise: the hours left undone when it fell due. */
  hoursLeft: z.number().optional(),
  /** For a broken promise: what was paid back. */
  refundCents: z.int().optional(),
});
export type TeamFeedEntry = z.infer<typeof teamFeedEntrySchema>;

/** Everything the server pushes, as the payload of the socket.io event "update". */
export const serverMessageSchema = z.discriminatedUnion('type', [
  z.strictObject({
    type: z.literal('session'),
    sessionId: z.string(),
    scenarioId: z.string(),
    status: sessionStatus,
    paused: z.boolean(),
    tickMs: z.int(),
    round: z.int(),
    rounds: z.int(),
    tick: z.int(),
    ticksPerRound: z.int(),
    phase,
    teamCount: z.int(),
    /** The facilitator has closed the session to new players (lockJoining). */
    joiningLocked: z.boolean().optional(),
  }),
  z.strictObject({ type: z.literal('lobby'), players: z.array(lobbyPlayerSchema), botTeams: z.array(z.int()) }),
  z.strictObject({ type: z.literal('board'), board: boardSchema }),
  z.strictObject({
    type: z.literal('decided'),
    team: z.int(),
    demandId: z.int(),
    decision: z.enum([...DECISIONS, 'ignored']),
    by: z.string(),
    accepted: z.boolean(),
    loyaltyChange: z.number(),
    revenueCents: z.int(),
  }),
  /** Promised work not done by its due hour, as it happens: the customer is let down and refunded. */
  z.strictObject({
    type: z.literal('promiseBroken'),
    team: z.int(),
    demandId: z.int().nullable(),
    customerName: z.string(),
    categoryName: z.string(),
    hours: z.number(),
    hoursLeft: z.number(),
    loyaltyChange: z.number(),
    refundCents: z.int(),
    complaint: z.boolean(),
  }),
  /** The team's latest decisions, sent to a member who (re)attaches so their feed is not empty. */
  z.strictObject({ type: z.literal('teamFeed'), team: z.int(), decisions: z.array(teamFeedEntrySchema).max(TEAM_FEED_LENGTH) }),
  z.strictObject({ type: z.literal('planCommitted'), team: z.int(), by: z.string() }),
  z.strictObject({ type: z.literal('planProposed'), team: z.int(), playerId: z.string(), by: z.string(), plan: planSchema }),
  z.strictObject({ type: z.literal('eventStarted'), team: z.int(), eventId: z.string(), name: z.string(), description: z.string() }),
  z.strictObject({ type: z.literal('dashboard'), teams: z.array(teamFiguresSchema) }),
  z.strictObject({ type: z.literal('removed'), reason: z.string() }),
  /** News for the facilitator about the server itself (the database, an expired lobby). */
  z.strictObject({ type: z.literal('notice'), code: z.enum(NOTICE_CODES), message: z.string() }),
  /** A message that came without an acknowledgement callback, so it could not be answered. */
  z.strictObject({ type: z.literal('refused'), event: z.string(), error: errorSchema }),
  /** The last message before the server closes this connection (a sustained flood). */
  z.strictObject({ type: z.literal('closing'), error: errorSchema }),
]);

export type ServerMessage = z.infer<typeof serverMessageSchema>;
export type ServerMessageType = ServerMessage['type'];
export type TeamFiguresRow = z.infer<typeof teamFiguresSchema>;
