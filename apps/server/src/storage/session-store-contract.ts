import type { HostSettings } from '@ttc/protocol';
import { describe, expect, it } from 'vitest';
import type { SessionStore, StoredSession } from './session-store.js';

const settings: HostSettings = {
  scenarioId: 'office-supplies',
  rounds: 2,
  ticksPerRound: 8,
  teamCount: 2,
  tickMs: 1000,
  botsForEmptyTeams: true,
};

function session(id: string, joinCode = 'ACDEFG'): StoredSession {
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

/**
 * What every SessionStore must do. Run it against each implementation with a factory that
 * gives a fresh store, and one that reopens the same storage (to prove durability).
 */
export function sessionStoreContract(
  name: string,
  open: () => Promise<{ store: SessionStore; reopen: () => Promise<SessionStore> }>,
): void {
  describe(`${name} (SessionStore contract)`, () => {
    it('stores and finds sessions by id and by live join code', async () => {
      const { store } = await open();
      await store.createSession(session('s1', 'ACDEFG'));
      expect(await store.getSession('s1')).toEqual(session('s1', 'ACDEFG'));
      expect((await store.findByJoinCode('ACDEFG'))?.id).toBe('s1');
      await store.updateSession('s1', { status: 'ended' });
      expect(await store.findByJoinCode('ACDEFG')).toBeUndefined();
      expect(await store.getSession('nope')).toBeUndefined();
      await store.close();
    });

    it('updates status, pause and speed, and lists by status', async () => {
      const { store } = await open();
      await store.createSession(session('a'));
      await store.createSession(session('b', 'HJKMNP'));
      await store.updateSession('a', { status: 'running', paused: true, tickMs: 250 });
      expect(await store.getSession('a')).toMatchObject({ status: 'running', paused: true, tickMs: 250 });
      expect((await store.listSessions(['running'])).map((s) => s.id)).toEqual(['a']);
      expect((await store.listSessions(['lobby', 'running'])).map((s) => s.id).sort()).toEqual(['a', 'b']);
      await store.close();
    });

    it('saves players, moves them, and finds them by token hash', async () => {
      const { store } = await open();
      await store.createSession(session('s'));
      await store.savePlayer({ id: 'p1', sessionId: 's', tokenHash: 't1', name: 'Ada', team: 0, removed: false });
      await store.savePlayer({ id: 'p2', sessionId: 's', tokenHash: 't2', name: 'Bo', team: 1, removed: false });
      await store.savePlayer({ id: 'p1', sessionId: 's', tokenHash: 't1', name: 'Ada', team: 1, removed: true });
      expect(await store.listPlayers('s')).toEqual([
        { id: 'p1', sessionId: 's', tokenHash: 't1', name: 'Ada', team: 1, removed: true },
        { id: 'p2', sessionId: 's', tokenHash: 't2', name: 'Bo', team: 1, removed: false },
      ]);
      expect((await store.findPlayerByTokenHash('t2'))?.id).toBe('p2');
      expect(await store.findPlayerByTokenHash('zz')).toBeUndefined();
      await store.close();
    });

    it('appends the command log in order and refuses gaps', async () => {
      const { store } = await open();
      await store.createSession(session('s'));
      await store.appendLog('s', [
        { seq: 1, tick: 0, command: { type: 'tick' }, actor: 'clock' },
        { seq: 2, tick: 1, command: { type: 'decide', team: 0, demandId: 3, decision: 'no' }, actor: 'p1' },
      ]);
      await store.appendLog('s', [{ seq: 3, tick: 1, command: { type: 'tick' }, actor: 'clock' }]);
      await expect(store.appendLog('s', [{ seq: 5, tick: 2, command: { type: 'tick' }, actor: 'clock' }])).rejects.toThrow(/order/);
      const log = await store.readLog('s');
      expect(log.map((entry) => entry.seq)).toEqual([1, 2, 3]);
      expect(log[1]).toEqual({ seq: 2, tick: 1, command: { type: 'decide', team: 0, demandId: 3, decision: 'no' }, actor: 'p1' });
      await store.close();
    });

    it('keeps everything after closing and reopening', async () => {
      const { store, reopen } = await open();
      await store.createSession(session('s'));
      await store.savePlayer({ id: 'p1', sessionId: 's', tokenHash: 't1', name: 'Ada', team: 0, removed: false });
      await store.appendLog('s', [{ seq: 1, tick: 0, command: { type: 'tick' }, actor: 'clock' }]);
      await store.close();
      const again = await reopen();
      expect((await again.getSession('s'))?.joinCode).toBe('ACDEFG');
      expect(await again.listPlayers('s')).toHaveLength(1);
      expect(await again.readLog('s')).toHaveLength(1);
      await again.close();
    });
  });
}
