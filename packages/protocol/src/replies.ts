import { z } from 'zod';
import type { ClientMessage, ClientMessageType } from './client-messages.js';
import { errorSchema, type Failure } from './errors.js';
import { decisionOutcomeSchema, decisionPreviewsSchema } from './game-views.js';

// The reply to each client message (the socket.io acknowledgement): `{ ok: true, … }` with what
// that message returns, or `{ ok: false, error }`. One schema per message type, so a client
// knows what it gets back from the type of what it sent, and parses it instead of checking
// fields by hand.

const done = z.strictObject({ ok: z.literal(true) });

/** What the facilitator's lobby shows: the session, its code, the join link and its LAN variants. */
const joining = {
  sessionId: z.string(),
  joinCode: z.string(),
  joinUrl: z.string(),
  /** With a join link on localhost: the same link on each of the machine's LAN addresses. */
  lanJoinUrls: z.array(z.string()),
};

/** Each message's answer when it succeeds. */
export const successSchemas = {
  host: z.strictObject({ ok: z.literal(true), ...joining, facilitatorKey: z.string() }),
  join: z.strictObject({ ok: z.literal(true), token: z.string(), playerId: z.string(), team: z.int(), sessionId: z.string() }),
  attach: z.strictObject({ ok: z.literal(true), playerId: z.string(), team: z.int(), sessionId: z.string(), name: z.string() }),
  attachFacilitator: z.strictObject({ ok: z.literal(true), ...joining }),
  decide: z.strictObject({ ok: z.literal(true), outcome: decisionOutcomeSchema }),
  commitPlan: done,
  proposePlan: done,
  preview: z.strictObject({ ok: z.literal(true), previews: decisionPreviewsSchema }),
  start: done,
  pause: done,
  resume: done,
  setSpeed: done,
  nextRound: done,
  injectEvent: done,
  movePlayer: done,
  removePlayer: done,
  removePlayers: z.strictObject({ ok: z.literal(true), removed: z.int() }),
  lockJoining: done,
  end: done,
} satisfies Record<ClientMessageType, z.ZodType<{ ok: true }>>;

const failureSchema = z.strictObject({ ok: z.literal(false), error: errorSchema });

export type SuccessOf<T extends ClientMessageType> = z.infer<(typeof successSchemas)[T]>;
/** The reply to a message of type T: its success, or a typed error. */
export type ReplyOf<T extends ClientMessageType> = SuccessOf<T> | Failure;
/** The reply to any client message. */
export type ServerReply = ReplyOf<ClientMessageType>;

/** Parses the reply to a message of type `type`; undefined when it is not that message's reply. */
export function parseReply<T extends ClientMessageType>(type: T, reply: unknown): ReplyOf<T> | undefined {
  const failed = failureSchema.safeParse(reply);
  if (failed.success) return failed.data;
  const succeeded = successSchemas[type].safeParse(reply);
  return succeeded.success ? (succeeded.data as SuccessOf<T>) : undefined;
}

/** Sends a client message and resolves with its reply: the reply's type follows from the message's. */
export type Send = <M extends ClientMessage>(message: M) => Promise<ReplyOf<M['type']>>;
