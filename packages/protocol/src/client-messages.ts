import { DECISIONS } from '@ttc/sim';
import { z } from 'zod';
import { displayNameSchema } from './display-name.js';
import { checkJoinCode, JOIN_CODE_MAX_TYPED } from './join-code.js';

/** The protocol version; a client with another version is refused at connect. */
export const PROTOCOL_VERSION = 1;

/** The most players one removePlayers message may name. */
export const MAX_REMOVED_AT_ONCE = 200;

/** A join code as typed ("443 cn7"), read by the same function as the join form's (join-code.ts). */
const joinCode = z
  .string()
  .max(JOIN_CODE_MAX_TYPED)
  .transform((typed, context) => {
    const checked = checkJoinCode(typed);
    if (!checked.ok) context.addIssue({ code: 'custom', message: checked.message });
    return checked.code;
  });
const secret = z
  .string()
  .min(16)
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/);
const categoryId = z.string().min(1).max(60);
const priceCents = z.int().min(0).max(100_000_000);

export const hostSettingsSchema = z.strictObject({
  scenarioId: z.string().min(1).max(60),
  rounds: z.int().min(1).max(12),
  ticksPerRound: z.int().min(4).max(48),
  teamCount: z.int().min(1).max(8),
  /** Real milliseconds per simulated hour. */
  tickMs: z.int().min(100).max(60_000),
  botsForEmptyTeams: z.boolean(),
  seed: z.int().min(0).max(2_147_483_647).optional(),
});
export type HostSettings = z.infer<typeof hostSettingsSchema>;

/** A team's plan for the next round, committed once by any member. */
export const planSchema = z.strictObject({
  build: z.array(categoryId).max(16),
  retire: z.array(categoryId).max(16),
  premiumPrices: z.record(categoryId, priceCents),
  optionPrices: z.record(categoryId, priceCents),
  hires: z.int().min(0).max(10),
  restPercent: z.int().min(0).max(50),
});
export type Plan = z.infer<typeof planSchema>;

/**
 * Everything a client may send. Each message travels as the payload of one socket.io event
 * ("message") with an acknowledgement callback that receives a ServerReply.
 */
export const clientMessageSchema = z.discriminatedUnion('type', [
  // Anyone
  /** `passcode`: the trainer passcode, when the server asks for one (GET /api/hosting). */
  z.strictObject({ type: z.literal('host'), settings: hostSettingsSchema, passcode: z.string().max(200).optional() }),
  z.strictObject({ type: z.literal('join'), joinCode, name: displayNameSchema }),
  z.strictObject({ type: z.literal('attach'), token: secret }),
  z.strictObject({ type: z.literal('attachFacilitator'), sessionId: z.string().min(1).max(40), facilitatorKey: secret }),
  // A seated player, for their own team
  z.strictObject({ type: z.literal('decide'), demandId: z.int().min(1), decision: z.enum(DECISIONS) }),
  z.strictObject({ type: z.literal('commitPlan'), plan: planSchema }),
  /** A draft plan shown to the teammates; any member may still commit another. */
  z.strictObject({ type: z.literal('proposePlan'), plan: planSchema }),
  /** What each decision would probably do for one waiting card (boards carry no previews). */
  z.strictObject({ type: z.literal('preview'), demandId: z.int().min(1) }),
  // The facilitator only
  z.strictObject({ type: z.literal('start') }),
  z.strictObject({ type: z.literal('pause') }),
  z.strictObject({ type: z.literal('resume') }),
  z.strictObject({ type: z.literal('setSpeed'), tickMs: z.int().min(100).max(60_000) }),
  z.strictObject({ type: z.literal('nextRound') }),
  z.strictObject({
    type: z.literal('injectEvent'),
    target: z.union([z.int().min(0).max(7), z.literal('all')]),
    eventId: z.string().min(1).max(60),
  }),
  z.strictObject({ type: z.literal('movePlayer'), playerId: z.string().min(1).max(40), team: z.int().min(0).max(7) }),
  z.strictObject({ type: z.literal('removePlayer'), playerId: z.string().min(1).max(40) }),
  /** Removes several players at once (a lobby filled by someone with the code from the projector). */
  z.strictObject({ type: z.literal('removePlayers'), playerIds: z.array(z.string().min(1).max(40)).min(1).max(MAX_REMOVED_AT_ONCE) }),
  /** Closes the session to new players (`locked: true`) or opens it again; seated players may still reattach. */
  z.strictObject({ type: z.literal('lockJoining'), locked: z.boolean() }),
  z.strictObject({ type: z.literal('end') }),
]);

export type ClientMessage = z.infer<typeof clientMessageSchema>;
export type ClientMessageType = ClientMessage['type'];

export const FACILITATOR_MESSAGES = [
  'start',
  'pause',
  'resume',
  'setSpeed',
  'nextRound',
  'injectEvent',
  'movePlayer',
  'removePlayer',
  'removePlayers',
  'lockJoining',
  'end',
] as const;
export const PLAYER_MESSAGES = ['decide', 'commitPlan', 'proposePlan', 'preview'] as const;
