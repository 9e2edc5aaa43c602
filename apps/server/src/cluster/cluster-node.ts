import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { createAdapter } from '@socket.io/redis-streams-adapter';
import type { Logger } from 'pino';
import { createClient } from 'redis';
import type { Server } from 'socket.io';
import type { MessageRouter } from '../classroom/message-router.js';
import type { SessionRegistry } from '../classroom/session-registry.js';
import type { SocketRooms } from '../classroom/socket-rooms.js';
import type { ServerConfig } from '../config.js';
import { StartupError } from '../startup-error.js';
import { redactUrl } from '../storage/postgres-connect.js';
import type { SessionStore } from '../storage/session-store.js';
import { ClusterPresence } from './cluster-presence.js';
import { ClusterRouter } from './cluster-router.js';
import { LeaseKeeper } from './lease-keeper.js';
import { NodeLink } from './node-link.js';

type RedisClient = ReturnType<typeof createClient>;

/** How long the start waits for Redis before it gives up with a message. */
const REDIS_CONNECT_MS = 10_000;

/** What one process tells the others. */
type Notice = { type: 'presence'; sessionId: string } | { type: 'handed-over' };

export interface ClusterSettings {
  redisUrl: string;
  leaseMs: number;
  /** Keys and channels in Redis start with this: processes of one deployment share it, others never see them. */
  prefix: string;
  processId: string | undefined;
}

export function clusterSettings(config: ServerConfig): ClusterSettings | undefined {
  if (!config.DATABASE_URL || !config.REDIS_URL) return undefined;
  return { redisUrl: config.REDIS_URL, leaseMs: config.LEASE_MS, prefix: `ttc:${config.DATABASE_SCHEMA}`, processId: config.PROCESS_ID };
}

/**
 * One server process among several on one PostgreSQL and one Redis (docs/deploy.md): the
 * socket.io Redis streams adapter carries broadcasts to every process, the lease keeper owns
 * sessions, the cluster router forwards messages to their owner, and presence is looked up
 * across processes. Nothing of it exists without DATABASE_URL and REDIS_URL.
 */
export class ClusterNode {
  readonly nodeId: string;
  readonly presence: ClusterPresence;
  private keeperPart: LeaseKeeper | undefined;
  private routerPart: ClusterRouter | undefined;
  private linkPart: NodeLink | undefined;
  private readonly redis: RedisClient;
  private subscriber: RedisClient | undefined;

  constructor(
    private readonly settings: ClusterSettings,
    private readonly io: Server,
    rooms: SocketRooms,
    private readonly logger: Logger,
  ) {
    this.nodeId = `${settings.processId ?? hostname()}-${process.pid}-${randomBytes(3).toString('hex')}`;
    this.presence = new ClusterPresence(io, rooms, logger);
    this.redis = createClient({ url: settings.redisUrl });
    // Without a listener an error would end the process; the client reconnects by itself.
    this.redis.on('error', (error: unknown) => this.logger.warn({ err: error }, 'Redis connection problem; reconnecting'));
  }

  /** Joins the registry and the local router once they exist: sessions run under leases from now on. */
  bind(store: SessionStore, registry: SessionRegistry, router: MessageRouter): void {
    if (!store.leases) throw new Error('several processes need a store with leases (PostgreSQL)');
    this.presence.bind(registry);
    this.keeperPart = new LeaseKeeper(
      store.leases,
      store,
      registry,
      { nodeId: this.nodeId, leaseMs: this.settings.leaseMs },
      this.logger,
      () => {
        if (registry.all().length > 0) void this.presence.look();
      },
    );
    registry.useOwnership(this.keeperPart);
    const leaseMs = this.settings.leaseMs;
    this.routerPart = new ClusterRouter(
      router,
      registry,
      store,
      store.leases,
      this.keeperPart,
      () => this.link,
      // A takeover comes within a lease and a third; a message waits that long and a little more.
      { waitMs: Math.ceil(leaseMs * 1.5) + 3000, answerMs: 10_000 },
      this.logger,
    );
  }

  private get keeper(): LeaseKeeper {
    if (!this.keeperPart) throw new Error('the cluster node is not bound yet');
    return this.keeperPart;
  }

  get router(): ClusterRouter {
    if (!this.routerPart) throw new Error('the cluster node is not bound yet');
    return this.routerPart;
  }

  private get link(): NodeLink {
    if (!this.linkPart) throw new Error('the cluster node has not started');
    return this.linkPart;
  }

  /** A player's socket came or went here: the owner of the session looks again at who is online. */
  presenceChanged(sessionId: string): void {
    if (this.keeper.heldIds().includes(sessionId)) {
      this.presence.soon();
      return;
    }
    void this.keeper
      .ownerOf(sessionId)
      .then((owner) => {
        if (owner && this.linkPart) this.linkPart.notify(owner, { type: 'presence', sessionId } satisfies Notice);
      })
      .catch(() => undefined);
  }

  /** Connects Redis (or stops the start saying why), plugs the adapter in, then claims the sessions nobody owns. */
  async start(): Promise<void> {
    const where = redactUrl(this.settings.redisUrl);
    let timer: NodeJS.Timeout | undefined;
    try {
      await Promise.race([
        this.redis.connect(),
        new Promise((_, reject) => {
          timer = setTimeout(() => reject(new Error(`no answer within ${REDIS_CONNECT_MS} ms`)), REDIS_CONNECT_MS);
        }),
      ]);
    } catch (error) {
      this.redis.destroy();
      throw new StartupError(
        `Redis at ${where} cannot be reached (${error instanceof Error ? error.message : String(error)}). Check REDIS_URL.`,
      );
    } finally {
      clearTimeout(timer);
    }
    this.io.adapter(
      createAdapter(this.redis, {
        streamName: `${this.settings.prefix}:socket.io`,
        channelPrefix: `${this.settings.prefix}:socket.io`,
        onlyPlaintext: true,
      }),
    );
    this.subscriber = this.redis.duplicate();
    this.subscriber.on('error', () => undefined);
    await this.subscriber.connect();
    this.linkPart = new NodeLink(
      {
        publish: (channel, message) => this.redis.publish(channel, message),
        subscribe: (channels, listener) => this.requireSubscriber().subscribe(channels, listener),
        unsubscribe: () => this.requireSubscriber().unsubscribe(),
      },
      {
        publish: (channel, message) => this.redis.publish(channel, message),
        subscribe: (channels, listener) => this.requireSubscriber().subscribe(channels, listener),
        unsubscribe: () => this.requireSubscriber().unsubscribe(),
      },
      this.settings.prefix,
      this.nodeId,
      {
        request: (body) => this.router.answer(body),
        notice: (body) => this.notice(body as Notice),
      },
      this.logger,
    );
    await this.link.start();
    await this.keeper.start();
    this.logger.info({ process: this.nodeId, sessions: this.keeper.heldIds().length }, 'joined the cluster');
  }

  private requireSubscriber(): RedisClient {
    if (!this.subscriber) throw new Error('not connected');
    return this.subscriber;
  }

  private notice(notice: Notice): void {
    if (notice.type === 'presence') this.presence.soon();
    else if (notice.type === 'handed-over') this.keeper.soon();
  }

  /** Shutdown, before the sockets close: every session handed over, the others told to claim them now. */
  async handOver(): Promise<void> {
    if (!this.keeperPart) return;
    const count = await this.keeperPart.handOver();
    if (this.linkPart && count > 0) await this.linkPart.broadcast({ type: 'handed-over' } satisfies Notice);
    this.logger.info({ process: this.nodeId, sessions: count }, 'sessions handed over');
  }

  /** After the sockets closed. */
  async close(): Promise<void> {
    this.presence.close();
    await this.linkPart?.close();
    // The sockets and the adapter are closed: nothing is left to send. Dropping the connections
    // (rather than a graceful quit) does not wait for the adapter's blocked stream read.
    for (const client of [this.subscriber, this.redis]) if (client?.isOpen) client.destroy();
  }
}
