import { describe, expect, it } from 'vitest';
import { sessionLeaseContract } from './session-lease-contract.js';
import { type OpenStore, session, tickEntry } from './session-store-fixtures.js';
import { LeaseLostError, LogOrderError } from './store-errors.js';

/**
 * What every SessionStore must do. Run it against each implementation with a factory that
 * gives a fresh store, and one that reopens the same storage (to prove durability; for a
 * shared database, a second process's view). `leases`: the store has leases and fences
 * appends by their epoch (session-lease-contract.ts); without, any epoch is current.
 */
export function sessionStoreContract(name: string, open: OpenStore, options: { leases?: boolean } = {}): void {
  if (options.leases) sessionLeaseContract(name, open);
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

    it('keeps who hosted a session, its join lock and a damage mark, and clears the mark', async () => {
      const { store } = await open();
      await store.createSession({ ...session('h'), hostAddress: '203.0.113.7' });
      expect(await store.getSession('h')).toEqual({ ...session('h'), hostAddress: '203.0.113.7' });
      await store.updateSession('h', { joiningLocked: true, damaged: 'logged command 3 no longer applies' });
      expect(await store.getSession('h')).toMatchObject({ joiningLocked: true, damaged: 'logged command 3 no longer applies' });
      await store.updateSession('h', { joiningLocked: false, damaged: null });
      const cleared = await store.getSession('h');
      expect(cleared?.joiningLocked ?? false).toBe(false);
      expect(cleared?.damaged).toBeUndefined();
      expect(await store.checkHealth()).toEqual({ ok: true });
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

    it('appends a batch all or none, and says why it refuses one', async () => {
      const { store } = await open();
      await store.createSession(session('s'));
      await store.appendLog('s', [tickEntry(1), tickEntry(2)]);
      const gapInside = store.appendLog('s', [tickEntry(3), tickEntry(5)]);
      await expect(gapInside).rejects.toBeInstanceOf(LogOrderError);
      const stored = store.appendLog('s', [tickEntry(2), tickEntry(3)]);
      await expect(stored).rejects.toMatchObject({ code: 'log-out-of-order', expectedSeq: 3, gotSeq: 2 });
      expect((await store.readLog('s')).map((entry) => entry.seq)).toEqual([1, 2]);
      await store.appendLog('s', [tickEntry(3)]);
      expect((await store.readLog('s')).map((entry) => entry.seq)).toEqual([1, 2, 3]);
      await store.close();
    });

    if (!options.leases)
      it('takes any epoch as current: one process, no leases', async () => {
        const { store } = await open();
        await store.createSession(session('s'));
        expect(store.leases).toBeUndefined();
        await store.appendLog('s', [tickEntry(1)], { epoch: 7 });
        await store.appendLog('s', [tickEntry(2)], { epoch: 1 });
        expect((await store.readLog('s')).map((entry) => entry.seq)).toEqual([1, 2]);
        await expect(store.appendLog('s', [tickEntry(2)], { epoch: 7 })).rejects.not.toBeInstanceOf(LeaseLostError);
        await store.close();
      });

    it('keeps the checkpoints recorded during play, by seq, one per seq and reason', async () => {
      const { store } = await open();
      await store.createSession(session('s'));
      await store.createSession(session('t', 'HJKMNP'));
      await store.appendCheckpoints('s', [
        { seq: 4, tick: 2, hash: 'aaaa', reason: 'key-moment' },
        { seq: 9, tick: 4, hash: 'bbbb', reason: 'round-end' },
      ]);
      await store.appendCheckpoints('s', [
        { seq: 9, tick: 4, hash: 'bbbb', reason: 'round-end' },
        { seq: 9, tick: 4, hash: 'bbbb', reason: 'key-moment' },
      ]);
      await store.appendCheckpoints('t', [{ seq: 1, tick: 0, hash: 'cccc', reason: 'session-end' }]);
      const checkpoints = await store.readCheckpoints('s');
      expect(checkpoints.map((checkpoint) => [checkpoint.seq, checkpoint.reason])).toEqual([
        [4, 'key-moment'],
        [9, 'round-end'],
        [9, 'key-moment'],
      ]);
      expect(checkpoints[0]).toEqual({ seq: 4, tick: 2, hash: 'aaaa', reason: 'key-moment' });
      expect(await store.readCheckpoints('nope')).toEqual([]);
      await store.close();
    });

    it('adds, edits, deletes and lists notes by tick, per session', async () => {
      const { store } = await open();
      await store.createSession(session('s'));
      await store.createSession(session('t', 'HJKMNP'));
      const note = { sessionId: 's', tick: 12, createdAt: '2026-11-22T10:00:00.000Z', updatedAt: null };
      await store.addNote({ ...note, id: 'n1', text: 'Team 2 says no to everything' });
      await store.addNote({ ...note, id: 'n2', tick: 3, text: 'first storm' });
      await store.addNote({ ...note, id: 'n3', sessionId: 't', text: 'elsewhere' });
      expect((await store.listNotes('s')).map((stored) => stored.id)).toEqual(['n2', 'n1']);
      const edited = await store.updateNote('s', 'n1', { text: 'Team 2 refuses', updatedAt: '2026-11-22T11:00:00.000Z' });
      expect(edited).toEqual({ ...note, id: 'n1', text: 'Team 2 refuses', updatedAt: '2026-11-22T11:00:00.000Z' });
      expect(await store.updateNote('t', 'n1', { tick: 1, updatedAt: '2026-11-22T11:00:00.000Z' })).toBeUndefined();
      expect(await store.deleteNote('t', 'n2')).toBe(false);
      expect(await store.deleteNote('s', 'n2')).toBe(true);
      expect(await store.deleteNote('s', 'n2')).toBe(false);
      expect(await store.listNotes('s')).toEqual([edited]);
      expect((await store.listNotes('t')).map((stored) => stored.text)).toEqual(['elsewhere']);
      await store.close();
    });

    it('creates share links, finds them by token hash and revokes them once', async () => {
      const { store } = await open();
      await store.createSession(session('s'));
      const link = { id: 'l1', sessionId: 's', tokenHash: 'th1', createdAt: '2026-11-22T10:00:00.000Z', revokedAt: null };
      await store.createShareLink(link);
      await store.createShareLink({ ...link, id: 'l2', tokenHash: 'th2' });
      expect(await store.findShareLinkByTokenHash('th1')).toEqual(link);
      expect(await store.findShareLinkByTokenHash('zz')).toBeUndefined();
      expect(await store.revokeShareLink('other', 'l1', '2026-11-22T12:00:00.000Z')).toBe(false);
      expect(await store.revokeShareLink('s', 'l1', '2026-11-22T12:00:00.000Z')).toBe(true);
      await store.revokeShareLink('s', 'l1', '2026-11-22T13:00:00.000Z');
      expect((await store.findShareLinkByTokenHash('th1'))?.revokedAt).toBe('2026-11-22T12:00:00.000Z');
      expect((await store.listShareLinks('s')).map((stored) => [stored.id, stored.revokedAt])).toEqual([
        ['l1', '2026-11-22T12:00:00.000Z'],
        ['l2', null],
      ]);
      await store.close();
    });

    it('keeps everything after closing and reopening', async () => {
      const { store, reopen } = await open();
      await store.createSession(session('s'));
      await store.savePlayer({ id: 'p1', sessionId: 's', tokenHash: 't1', name: 'Ada', team: 0, removed: false });
      await store.appendLog('s', [{ seq: 1, tick: 0, command: { type: 'tick' }, actor: 'clock' }]);
      await store.appendCheckpoints('s', [{ seq: 1, tick: 1, hash: 'aaaa', reason: 'round-end' }]);
      await store.addNote({ id: 'n1', sessionId: 's', tick: 1, text: 'kept', createdAt: '2026-11-22T10:00:00.000Z', updatedAt: null });
      await store.createShareLink({ id: 'l1', sessionId: 's', tokenHash: 'th', createdAt: '2026-11-22T10:00:00.000Z', revokedAt: null });
      await store.close();
      const again = await reopen();
      expect((await again.getSession('s'))?.joinCode).toBe('ACDEFG');
      expect(await again.listPlayers('s')).toHaveLength(1);
      expect(await again.readLog('s')).toHaveLength(1);
      expect(await again.readCheckpoints('s')).toHaveLength(1);
      expect((await again.listNotes('s')).map((note) => note.text)).toEqual(['kept']);
      expect((await again.findShareLinkByTokenHash('th'))?.id).toBe('l1');
      await again.close();
    });
  });
}
