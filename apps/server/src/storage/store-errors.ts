/**
 * The refusals an append can meet, as types the session logic can tell apart from a database
 * that does not answer: both leave the log exactly as it was.
 */

/** The entries' seq does not follow the last stored one (a gap, or a seq stored already). */
export class LogOrderError extends Error {
  override readonly name = 'LogOrderError';
  readonly code = 'log-out-of-order';

  constructor(
    readonly sessionId: string,
    readonly expectedSeq: number,
    readonly gotSeq: number,
  ) {
    super(`log out of order for session ${sessionId}: expected seq ${expectedSeq}, got ${gotSeq}`);
  }
}

/**
 * The writer's lease has moved on: another process took the session (the epoch grew), or it was
 * released. The writer must stop running the session; nothing of this append was written.
 */
export class LeaseLostError extends Error {
  override readonly name = 'LeaseLostError';
  readonly code = 'lease-lost';

  constructor(
    readonly sessionId: string,
    readonly epoch: number,
    /** The epoch stored now; undefined when the session has no lease at all. */
    readonly currentEpoch: number | undefined,
  ) {
    super(
      `the lease of session ${sessionId} has moved on: this writer holds epoch ${epoch}, the database ${
        currentEpoch === undefined ? 'has no lease' : `has epoch ${currentEpoch}`
      }`,
    );
  }
}

/**
 * The database failed a statement (it does not answer, dropped the connection, timed out): not
 * a refusal of the change itself, so the change can be tried again. `code` is the database's
 * or the system's (ECONNREFUSED, 57P01…).
 */
export class StorageError extends Error {
  override readonly name = 'StorageError';

  constructor(
    message: string,
    readonly code: string,
    options: { cause: unknown },
  ) {
    super(message, options);
  }
}

/** Wraps what the pg driver threw, keeping its code and message. */
export function postgresFailure(error: unknown): StorageError {
  if (error instanceof StorageError) return error;
  const code = (error as { code?: unknown }).code;
  const message = error instanceof Error ? error.message : String(error);
  return new StorageError(message, typeof code === 'string' && code ? code : 'POSTGRES_ERROR', { cause: error });
}

/** A failure of the storage rather than of the server's code: the sender hears "storage-busy". */
export function isStorageError(error: unknown): boolean {
  return error instanceof StorageError || String((error as { code?: unknown })?.code ?? '').startsWith('SQLITE_');
}
