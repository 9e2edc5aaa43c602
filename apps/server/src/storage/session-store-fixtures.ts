import type { HostSettings } from '@ttc/protocol';
import type { LogEntry, SessionStore, StoredSession } from './session-store.js';

/** What the store contracts build their data from. */

const settings: HostSettings = {
  scenarioId: 'office-supplies',
  rounds: 2,
  ticksPerRound: 8,
  teamCount: 2,
  tickMs: 1000,
  botsForEmptyTeams: true,
};

export function session(id: string, joinCode = 'ACDEFG'): StoredSession {
  return {
    id,
    joinCode,
    facilitatorKeyHash: `hash-${id}`,
    settings,
    seed: 7,
    status: 'lobby',
    paused: false,
    tickMs: 1000,
    createdAt: new Date(2026, 10, 22).toISOString(),
  };
}

/** A clock tick at `seq`: the simplest entry a log holds. */
export const tickEntry = (seq: number): LogEntry => ({ seq, tick: seq, command: { type: 'tick' }, actor: 'clock' });

export type OpenStore = () => Promise<{ store: SessionStore; reopen: () => Promise<SessionStore> }>;
