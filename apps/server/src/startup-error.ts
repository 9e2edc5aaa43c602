/**
 * A reason the server cannot start that the person starting it can fix (a read-only database,
 * a second server on the same file). The entry point prints its message alone, without a stack.
 */
export class StartupError extends Error {
  override readonly name = 'StartupError';
}
