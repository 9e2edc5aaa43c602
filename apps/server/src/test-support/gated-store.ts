import type { AppendOptions, LogEntry, SessionStore } from '../storage/session-store.js';

/**
 * A real store whose log appends can be held at the door: what a slow database (a remote
 * PostgreSQL, a disk under load) does to a session between applying a command and hearing it is
 * durable. Everything else goes straight to the store underneath.
 */
export interface GatedStore extends SessionStore {
  /** Holds every append from now until `release` (or `fail`); resolves when the first one arrives. */
  hold(): Promise<void>;
  /** Lets the held appends through to the store. */
  release(): void;
  /** Refuses the held appends with this error, as a database that gave up would. */
  fail(error: Error): void;
}

export function gatedStore(inner: SessionStore): GatedStore {
  let gate: { opened: Promise<Error | undefined>; open: (error?: Error) => void; arrived: () => void } | undefined;
  const appendLog = async (sessionId: string, entries: readonly LogEntry[], options?: AppendOptions) => {
    if (gate) {
      gate.arrived();
      const error = await gate.opened;
      if (error) throw error;
    }
    return inner.appendLog(sessionId, entries, options);
  };
  const controls = {
    hold: () =>
      new Promise<void>((arrived) => {
        let open: (error?: Error) => void = () => undefined;
        const opened = new Promise<Error | undefined>((resolve) => {
          open = resolve;
        });
        gate = { opened, open, arrived };
      }),
    release: () => {
      gate?.open();
      gate = undefined;
    },
    fail: (error: Error) => {
      gate?.open(error);
      gate = undefined;
    },
    appendLog,
  };
  return new Proxy(inner, {
    get(target, property) {
      if (property in controls) return controls[property as keyof typeof controls];
      const value = Reflect.get(target, property, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  }) as GatedStore;
}
