import type { SessionDeps } from '../classroom/classroom-session.js';
import type { AppendOptions, LogEntry, SessionStore } from '../storage/session-store.js';
import { LeaseLostError } from '../storage/store-errors.js';

/** This process's hold on one session: the lease's epoch, and whether it has been lost since. */
export interface Held {
  readonly sessionId: string;
  readonly epoch: number;
  lost: boolean;
}

/** Writes a session makes: once its lease is known lost, they are refused here without a round trip. */
const WRITES = new Set<keyof SessionStore>(['appendLog', 'appendCheckpoints', 'updateSession', 'savePlayer']);

/**
 * What a session owned under a lease runs with. Its log appends carry the lease's epoch, so the
 * database refuses them once another process has taken the session (the fence that makes a
 * paused or partitioned owner harmless); a refusal tells `refused`, which gives the session up.
 * Once the hold is lost the session's other writes are refused here too and its news goes
 * nowhere: a process that lost a session must not speak for it to the clients.
 */
export function fencedDeps(held: Held, deps: SessionDeps, refused: (held: Held, error: LeaseLostError) => void): SessionDeps {
  const lost = () => new LeaseLostError(held.sessionId, held.epoch, undefined);
  const append = async (sessionId: string, entries: readonly LogEntry[], options: AppendOptions = {}) => {
    if (held.lost) throw lost();
    try {
      await deps.store.appendLog(sessionId, entries, { ...options, epoch: held.epoch });
    } catch (error) {
      if (error instanceof LeaseLostError) refused(held, error);
      throw error;
    }
  };
  // A Proxy rather than a class of thirty delegating methods: only the writes differ.
  const store = new Proxy(deps.store, {
    get(target, property, receiver) {
      if (property === 'appendLog') return append;
      const value = Reflect.get(target, property, receiver) as unknown;
      if (typeof value !== 'function') return value;
      if (WRITES.has(property as keyof SessionStore))
        return (...args: unknown[]) => (held.lost ? Promise.reject(lost()) : (value as (...a: unknown[]) => unknown).apply(target, args));
      return (value as (...a: unknown[]) => unknown).bind(target);
    },
  });
  // Every way of sending goes quiet; what the broadcaster knows (who is connected) stays readable.
  const broadcaster = new Proxy(deps.broadcaster, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver) as unknown;
      if (typeof value !== 'function') return value;
      const method = value as (...a: unknown[]) => unknown;
      if (property === 'connectedPlayers') return method.bind(target);
      return (...args: unknown[]) => (held.lost ? undefined : method.apply(target, args));
    },
  });
  return { ...deps, store, broadcaster };
}
