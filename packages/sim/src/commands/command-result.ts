import type { Readiness, Resolution, WorkKind } from '../state/game-state.js';
import type { Cents, Hours, Tick } from '../state/units.js';

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
  /** The team's plan for this round is in already: one plan per team and round (applyPlan). */
  'plan-committed',
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
  /** Staff hours promised (0 when nothing is owed). Owed until done: a premium's price is paid now, its work is still owed. */
  staffHours: Hours;
  /**
   * When work was promised: the tick it is due by, the tick the backlog reaches and finishes it at
   * normal pace, whether it can be done in time (with overtime if need be). Null when nothing is owed.
   */
  promise: Readiness | null;
  complaint: boolean;
  praise: boolean;
}

/** Promised work not done by its due tick: the customer is let down and refunded; the hours left are dropped. */
export interface BrokenPromiseOutcome {
  kind: 'broken-promise';
  team: number;
  demandId: number | null;
  customerId: number | null;
  category: number;
  /** What the work was for. */
  work: WorkKind;
  hours: Hours;
  /** Hours still undone when it fell due (dropped from the backlog). */
  hoursLeft: Hours;
  dueTick: Tick;
  satisfaction: number;
  loyaltyBefore: number;
  loyaltyAfter: number;
  refundCents: Cents;
  complaint: boolean;
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

export type Outcome = DecisionOutcome | BrokenPromiseOutcome | SelfServiceOutcome | EventStartedOutcome | RoundEndedOutcome;

export type CommandResult = { ok: true; outcomes: Outcome[] } | { ok: false; rejection: Rejection };

export function reject(code: RejectionCode, reason: string): CommandResult {
  return { ok: false, rejection: { code, reason } };
}
