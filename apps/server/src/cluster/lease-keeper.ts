import type { Logger } from 'pino';
import type { SessionDeps } from '../classroom/classroom-session.js';
import type { Ownership, SessionRegistry } from '../classroom/session-registry.js';
import type { LeaseStore, SessionStore } from '../storage/session-store.js';
import type { LeaseLostError } from '../storage/store-errors.js';
import { fencedDeps, type Held } from './fenced-deps.js';

export interface KeeperOptions {
  /** This process's name in the leases: unique for each start. */
  nodeId: string;
  /** How long a lease lasts unrenewed; renewed (and orphans looked for) every third of it. */
  leaseMs: number;
}

/**
 * The leases of the sessions this process runs (docs/architecture.md, "Several processes").
 * Every third of LEASE_MS it renews each of them, gives up any another process has taken,
 * and claims the sessions nobody owns (never claimed, handed over, or whose owner stopped
 * renewing): each is rebuilt from its log and its clock resumed. A write refused because the
 * lease moved on gives the session up at once. On shutdown it hands every session over.
 */
export class LeaseKeeper implements Ownership {
  private readonly held = new Map<string, Held>();
  private readonly claiming = new Map<string, Promise<boolean>>();
  private timer: NodeJS.Timeout | undefined;
  private cycling: Promise<void> | undefined;
  private stopped = false;

  constructor(
    private readonly leases: LeaseStore,
    private readonly store: SessionStore,
    private readonly registry: SessionRegistry,
    private readonly options: KeeperOptions,
    private readonly logger: Logger,
    /** After each round of renewals and claims (the presence look rides on it). */
    private readonly afterCycle: () => void = () => undefined,
  ) {}

  get nodeId(): string {
    return this.options.nodeId;
  }

  /** The sessions this process holds a lease on. */
  heldIds(): string[] {
    return [...this.held.keys()];
  }

  /** The process that holds the session's lease, if any. */
  async ownerOf(sessionId: string): Promise<string | undefined> {
    const lease = await this.leases.readLease(sessionId);
    return lease?.owner || undefined;
  }

  /** Runs the first round now (it claims what nobody owns), then every third of the lease. */
  start(): Promise<void> {
    return this.cycle();
  }

  /** A round at once, rather than at the next third of the lease: another process just handed sessions over. */
  soon(): void {
    if (this.stopped || this.cycling) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    void this.cycle();
  }

  private cycle(): Promise<void> {
    this.cycling = (async () => {
      await this.renewAll();
      await this.claimOrphans();
      this.afterCycle();
    })()
      .catch((error: unknown) => this.logger.warn({ err: error }, 'a round of lease renewals failed; the next one tries again'))
      .finally(() => {
        this.cycling = undefined;
        if (!this.stopped) {
          this.timer = setTimeout(() => void this.cycle(), Math.max(100, Math.floor(this.options.leaseMs / 3)));
          this.timer.unref();
        }
      });
    return this.cycling;
  }

  private async renewAll(): Promise<void> {
    await Promise.all(
      [...this.held.values()].map(async (held) => {
        if (!this.registry.get(held.sessionId)) {
          // An ended session let go from memory: nobody needs to own it any more.
          this.held.delete(held.sessionId);
          await this.leases.releaseLease(held.sessionId, this.nodeId, held.epoch).catch(() => undefined);
          return;
        }
        let lease: Awaited<ReturnType<LeaseStore['acquireLease']>>;
        try {
          lease = await this.leases.acquireLease(held.sessionId, this.nodeId, this.options.leaseMs);
        } catch (error) {
          // The database does not answer: the session keeps running; its writes wait for the database, and are fenced.
          this.logger.warn({ err: error, session: held.sessionId }, 'could not renew a lease; trying again');
          return;
        }
        if (lease?.epoch !== held.epoch) this.giveUp(held, 'another process holds its lease now');
      }),
    );
  }

  private async claimOrphans(): Promise<void> {
    if (this.stopped) return;
    const orphans = await this.leases.listOrphans();
    for (const id of orphans) if (!this.held.has(id)) await this.claim(id);
  }

  /**
   * Takes the session when nobody owns it: true once it runs here (or already did). False when
   * another process holds its lease, it cannot be rebuilt, or this process is shutting down.
   */
  claim(sessionId: string): Promise<boolean> {
    const running = this.claiming.get(sessionId);
    if (running) return running;
    const claim = this.tryClaim(sessionId).finally(() => this.claiming.delete(sessionId));
    this.claiming.set(sessionId, claim);
    return claim;
  }

  private async tryClaim(sessionId: string): Promise<boolean> {
    if (this.stopped) return false;
    if (this.held.has(sessionId) && this.registry.get(sessionId)) return true;
    const lease = await this.leases.acquireLease(sessionId, this.nodeId, this.options.leaseMs).catch((error: unknown) => {
      this.logger.warn({ err: error, session: sessionId }, 'could not claim a session; trying again later');
      return undefined;
    });
    if (!lease) return false;
    const held: Held = { sessionId, epoch: lease.epoch, lost: false };
    this.held.set(sessionId, held);
    try {
      const entry = await this.store.getSession(sessionId);
      if (!entry) throw new Error(`session ${sessionId} is not in the database`);
      await this.registry.adopt(entry, lease.epoch);
      if (this.stopped) throw new Error('shutting down');
      this.logger.info({ session: sessionId, epoch: lease.epoch, status: entry.status }, 'took a session over: rebuilt from its log');
      return true;
    } catch (error) {
      // Not rebuilt (the database failed, or the log no longer replays: the registry marked it): let it go.
      this.logger.warn({ err: error, session: sessionId }, 'could not take a session over; its lease is let go');
      this.release(held);
      await this.leases.releaseLease(sessionId, this.nodeId, lease.epoch).catch(() => undefined);
      return false;
    }
  }

  // ——— Ownership, for the registry ————————————————————————————————

  async claimNew(sessionId: string): Promise<number> {
    const lease = await this.leases.acquireLease(sessionId, this.nodeId, this.options.leaseMs);
    if (!lease) throw new Error(`the lease of the new session ${sessionId} is held by another process`);
    this.held.set(sessionId, { sessionId, epoch: lease.epoch, lost: false });
    return lease.epoch;
  }

  depsFor(sessionId: string, epoch: number, deps: SessionDeps): SessionDeps {
    let held = this.held.get(sessionId);
    if (held?.epoch !== epoch) {
      held = { sessionId, epoch, lost: false };
      this.held.set(sessionId, held);
    }
    return fencedDeps(held, deps, (refusedHeld, error) => this.refused(refusedHeld, error));
  }

  private refused(held: Held, error: LeaseLostError): void {
    this.logger.warn(
      { session: held.sessionId, epoch: held.epoch, currentEpoch: error.currentEpoch },
      'a write was refused: the lease has moved on',
    );
    if (this.held.get(held.sessionId) === held) this.giveUp(held, 'a write was refused');
  }

  private giveUp(held: Held, reason: string): void {
    if (held.lost) return;
    this.release(held);
    this.registry.drop(held.sessionId);
    this.logger.warn({ session: held.sessionId, epoch: held.epoch, reason }, 'lease lost: giving the session up');
  }

  private release(held: Held): void {
    held.lost = true;
    if (this.held.get(held.sessionId) === held) this.held.delete(held.sessionId);
  }

  /**
   * Shutdown: hands every session over. Each leaves the registry (its clock stops), the change
   * in progress finishes and is written, then the lease is released so another process takes
   * it at once. Resolves with how many were handed over.
   */
  async handOver(): Promise<number> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    await this.cycling;
    await Promise.all([...this.claiming.values()]);
    const all = [...this.held.values()];
    await Promise.all(
      all.map(async (held) => {
        const session = this.registry.get(held.sessionId);
        this.registry.drop(held.sessionId);
        await session?.serial(async () => undefined);
        this.release(held);
        await this.leases.releaseLease(held.sessionId, this.nodeId, held.epoch).catch((error: unknown) => {
          this.logger.warn({ err: error, session: held.sessionId }, 'could not release a lease; it expires by itself');
        });
      }),
    );
    return all.length;
  }
}
