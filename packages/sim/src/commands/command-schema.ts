import { z } from 'zod';
import { DECISIONS } from '../state/game-state.js';

const team = z.int().min(0).max(63);
const categoryId = z.string().min(1).max(60);
const priceCents = z.int().min(0).max(100_000_000);

/**
 * Every input to the simulation, as plain data with a `type` discriminant. A game is its
 * scenario, its seed and the ordered list of these: nothing else changes its state.
 */
export const commandSchema = z.discriminatedUnion('type', [
  /** One simulated working hour passes (operations only). */
  z.strictObject({ type: z.literal('tick') }),
  /** Planning is over: the next round's operations begin. */
  z.strictObject({ type: z.literal('startRound') }),
  z.strictObject({ type: z.literal('decide'), team, demandId: z.int().min(1), decision: z.enum(DECISIONS) }),
  z.strictObject({ type: z.literal('buildOption'), team, category: categoryId }),
  z.strictObject({ type: z.literal('retireOption'), team, category: categoryId }),
  z.strictObject({ type: z.literal('setOptionPrice'), team, category: categoryId, priceCents }),
  z.strictObject({ type: z.literal('setPremiumPrice'), team, category: categoryId, priceCents }),
  z.strictObject({ type: z.literal('hire'), team, count: z.int().min(1).max(20) }),
  z.strictObject({ type: z.literal('setRest'), team, percent: z.int().min(0).max(50) }),
  z.strictObject({ type: z.literal('commitPlan'), team }),
  /** A trainer's (or the script's) event, for one team or every team. */
  z.strictObject({ type: z.literal('injectEvent'), target: z.union([team, z.literal('all')]), eventId: z.string().min(1).max(60) }),
]);

export type Command = z.infer<typeof commandSchema>;
export type CommandType = Command['type'];
export type TeamCommand = Extract<Command, { team: number }>;
