import type { Rejection, RejectionCode } from '@ttc/sim';
import { z } from 'zod';

/** Why a message was refused. One list, so clients can react to each. */
export const ERROR_CODES = [
  'bad-message',
  'too-large',
  'rate-limited',
  'not-attached',
  'forbidden',
  'unknown-session',
  'unknown-join-code',
  'unknown-token',
  'unknown-player',
  'name-taken',
  'session-ended',
  'wrong-phase',
  'paused',
  'already-decided',
  'plan-committed',
  'rejected',
  'internal',
  'bad-passcode',
  'too-many-sessions',
  'session-full',
  'joining-locked',
  'storage-busy',
  'session-damaged',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export const errorSchema = z.strictObject({ code: z.enum(ERROR_CODES), message: z.string() });
export type ProtocolError = z.infer<typeof errorSchema>;

/** A refused message's reply. */
export type Failure = { ok: false; error: ProtocolError };

export function failure(code: ErrorCode, message: string): Failure {
  return { ok: false, error: { code, message } };
}

/**
 * The one table from the simulation's refusals to the protocol's error codes. The ones a client
 * reacts to keep their name (a teammate was first, the phase is over, the plan is in); a command
 * the client could not have known was wrong is `bad-message`; every other rule the game enforces
 * is `rejected`, with the simulation's reason as the message.
 */
export const REJECTION_ERRORS: Record<RejectionCode, ErrorCode> = {
  'invalid-command': 'bad-message',
  'wrong-phase': 'wrong-phase',
  'unknown-team': 'bad-message',
  'unknown-demand': 'rejected',
  'already-decided': 'already-decided',
  'option-not-live': 'rejected',
  'option-exists': 'rejected',
  'unknown-option': 'rejected',
  'unknown-category': 'rejected',
  'unknown-event': 'rejected',
  'not-enough-cash': 'rejected',
  'staff-limit': 'rejected',
  'invalid-value': 'rejected',
  'plan-committed': 'plan-committed',
};

/** The reply to a command the simulation refused. */
export function failureOfRejection(rejection: Rejection): Failure {
  return failure(REJECTION_ERRORS[rejection.code], rejection.reason);
}
