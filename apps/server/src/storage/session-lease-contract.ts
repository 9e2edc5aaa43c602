import { describe, expect, it } from 'vitest';
import type { LeaseStore, SessionStore } from './session-store.js';
import { type OpenStore, session, tickEntry } from './session-store-fixtures.js';
import { LeaseLostError } from './store-errors.js';

const MINUTE = 60_000;

function leasesOf(store: SessionStore): LeaseStore {
  if (!store.leases) throw new Error('this store has no leases');
  return store.leases;
}

const seqs = async (store: SessionStore) => (await store.readLog('s')).map((entry) => entry.seq);

/**
 * Leases and fencing, for a store that several processes share. A lease given a time to live
 * of 0 has expired by the next statement, which stands in for a process paused past its lease.
 */
export function sessionLeaseContract(name: string, open: OpenStore): void {
  describe(`${name} (session leases and fencing)`, () => {
    it('takes a free lease, renews it for its owner, and keeps others out until it expires', async () => {
      const { store } = await open();
      await store.createSession(session('s'));
      const leases = leasesOf(store);
      const first = await leases.acquireLease('s', 'process-a', MINUTE);
      expect(first).toMatchObject({ sessionId: 's', owner: 'process-a', epoch: 1 });
      expect(Date.parse(first?.expiresAt ?? '')).toBeGreaterThan(Date.now() - MINUTE / 2);
      expect(await leases.acquireLease('s', 'process-b', MINUTE)).toBeUndefined();
      const renewed = await leases.acquireLease('s', 'process-a', MINUTE);
      expect(renewed?.epoch).toBe(1);
      expect(Date.parse(renewed?.expiresAt ?? '')).toBeGreaterThanOrEqual(Date.parse(first?.expiresAt ?? ''));
      expect(await leases.readLease('s')).toEqual(renewed);
      await leases.acquireLease('s', 'process-a', 0);
      expect(await leases.acquireLease('s', 'process-b', MINUTE)).toMatchObject({ owner: 'process-b', epoch: 2 });
      expect(await leases.readLease('nope')).toBeUndefined();
      await store.close();
    });

    it("fencing: once the lease has moved, the old owner's append is refused and writes nothing", async () => {
      const { store } = await open();
      await store.createSession(session('s'));
      const leases = leasesOf(store);
      await leases.acquireLease('s', 'process-a', 0);
      await store.appendLog('s', [tickEntry(1)], { epoch: 1 });
      const taken = await leases.acquireLease('s', 'process-b', MINUTE);
      expect(taken?.epoch).toBe(2);
      const stale = store.appendLog('s', [tickEntry(2), tickEntry(3)], { epoch: 1 });
      await expect(stale).rejects.toBeInstanceOf(LeaseLostError);
      await expect(stale).rejects.toMatchObject({ code: 'lease-lost', epoch: 1, currentEpoch: 2 });
      expect(await seqs(store)).toEqual([1]);
      await store.appendLog('s', [tickEntry(2)], { epoch: 2 });
      expect(await seqs(store)).toEqual([1, 2]);
      await store.close();
    });

    it('a released lease fences its last owner; only the owner releases it; no lease, no fenced append', async () => {
      const { store } = await open();
      await store.createSession(session('s'));
      await store.createSession(session('t', 'HJKMNP'));
      const leases = leasesOf(store);
      await leases.acquireLease('s', 'process-a', MINUTE);
      expect(await leases.releaseLease('s', 'process-b', 1)).toBe(false);
      expect(await leases.releaseLease('s', 'process-a', 1)).toBe(true);
      expect(await leases.releaseLease('s', 'process-a', 1)).toBe(false);
      await expect(store.appendLog('s', [tickEntry(1)], { epoch: 1 })).rejects.toBeInstanceOf(LeaseLostError);
      const next = await leases.acquireLease('s', 'process-b', MINUTE);
      expect(next?.epoch).toBeGreaterThan(1);
      await expect(store.appendLog('t', [tickEntry(1)], { epoch: 1 })).rejects.toMatchObject({ currentEpoch: undefined });
      expect(await store.readLog('t')).toEqual([]);
      expect(await seqs(store)).toEqual([]);
      await store.close();
    });

    it('lists the sessions nobody owns: never leased, released or expired, and neither over nor set aside', async () => {
      const { store } = await open();
      const ids = ['free', 'held', 'lapsed', 'given', 'over', 'broken'];
      for (const [index, id] of ids.entries()) await store.createSession(session(id, `JOIN${index}K`));
      const leases = leasesOf(store);
      await leases.acquireLease('held', 'process-a', MINUTE);
      await leases.acquireLease('lapsed', 'process-a', 0);
      const given = await leases.acquireLease('given', 'process-a', MINUTE);
      await leases.releaseLease('given', 'process-a', given?.epoch ?? 0);
      await store.updateSession('over', { status: 'ended' });
      await store.updateSession('broken', { damaged: 'its log no longer replays' });
      expect((await leases.listOrphans()).sort()).toEqual(['free', 'given', 'lapsed']);
      await store.close();
    });

    it('a takeover while the old owner appends: every append it was told succeeded is in the log the new owner reads', async () => {
      const { store: oldOwner, reopen } = await open();
      const newOwner = await reopen();
      // A race: run it on several sessions so that an unfenced store is caught in the act.
      for (const id of ['r1', 'r2', 'r3', 'r4', 'r5', 'r6']) {
        await oldOwner.createSession(session(id));
        await leasesOf(oldOwner).acquireLease(id, 'process-a', 0);
        const race = await takeOverWhileAppending(oldOwner, newOwner, id);
        expect(race.refusal).toBeInstanceOf(LeaseLostError);
        expect(race.acknowledged.length).toBeGreaterThanOrEqual(3);
        expect(race.readAtTakeover).toEqual(race.acknowledged);
        expect((await newOwner.readLog(id)).map((entry) => entry.seq)).toEqual(race.acknowledged);
      }
      await oldOwner.close();
      await newOwner.close();
    });
  });
}

/**
 * The old owner appends one entry after another with epoch 1 until refused; after its third
 * success the new owner takes the lease and reads the log at once.
 */
async function takeOverWhileAppending(oldOwner: SessionStore, newOwner: SessionStore, id: string) {
  const acknowledged: number[] = [];
  let refusal: unknown;
  let third: () => void = () => undefined;
  const appendedThree = new Promise<void>((resolve) => {
    third = resolve;
  });
  const writer = (async () => {
    for (let seq = 1; seq <= 10_000; seq++) {
      try {
        await oldOwner.appendLog(id, [tickEntry(seq)], { epoch: 1 });
      } catch (error) {
        refusal = error;
        third();
        return;
      }
      acknowledged.push(seq);
      if (seq === 3) third();
    }
  })();
  await appendedThree;
  expect(await leasesOf(newOwner).acquireLease(id, 'process-b', MINUTE)).toMatchObject({ epoch: 2 });
  const readAtTakeover = (await newOwner.readLog(id)).map((entry) => entry.seq);
  await writer;
  return { acknowledged, refusal, readAtTakeover };
}
