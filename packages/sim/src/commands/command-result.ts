import type { Resolution } from '../state/game-state.js';
import type { Cents, Hours } from '../state/units.js';

export const REJECTION_CODES = [
  'invalid-command',
  'wrong-phase',
  'unknown-team',
  'unknown-demand',
  'already-decided',
  'option-not-live',
  'option-exists',
  'unknown-option',
  'unknown-category',
  'unknown-event',
  'not-enough-cash',
  'staff-limit',
  'invalid-value',
] as const;
export type RejectionCode = (typeof REJECTION_CODES)[number];

export interface Rejection {
  code: RejectionCode;
  reason: string;
}

/** What one resolved demand did: enough to explain the outcome to the player. */
export interface DecisionOutcome {
  kind: 'decision';
  team: number;
  demandId: number;
  customerId: number;
  category: number;
  resolution: Resolution;
  /** For premium and option: did the customer take it? */
  accepted: boolean;
  /** The work went wrong (tired staff make mistakes). */
  error: boolean;
  satisfaction: number;
  loyaltyBefore: number;
  loyaltyAfter: number;
  revenueCents: Cents;
  costCents: Cents;
  staffHours: Hours;
  complaint: boolean;
  praise: boolean;
}

export interface SelfServiceOutcome {
  kind: 'self-service';
  team: number;
  customerId: number;
  category: number;
  revenueCents: Cents;
}

export interface EventStartedOutcome {
  kind: 'event-started';
  team: number;
  eventId: string;
}

export interface RoundEndedOutcome {
  kind: 'round-ended';
  round: number;
  gameEnded: boolean;
}

export type Outcome = DecisionOutcome | SelfServiceOutcome | EventStartedOutcome | RoundEndedOutcome;

export type CommandResult = { ok: true; outcomes: Outcome[] } | { ok: false; rejection: Rejection };

export function reject(code: RejectionCode, reason: string): CommandResult {
  return { ok: false, rejection: { code, reason } };
}
