import { type ClientMessage, clientMessageSchema, failure, type ServerReply } from '@ttc/protocol';
import type { Logger } from 'pino';
import { z } from 'zod';
import type { MessageRouter, Routed, Sender } from '../classroom/message-router.js';
import { hashSecret } from '../classroom/secrets.js';
import type { SessionRegistry } from '../classroom/session-registry.js';
import type { LeaseStore, SessionStore } from '../storage/session-store.js';
import { isStorageError } from '../storage/store-errors.js';
import type { LeaseKeeper } from './lease-keeper.js';
import type { NodeLink } from './node-link.js';

type Message<T extends ClientMessage['type']> = Extract<ClientMessage, { type: T }>;

/** A client message on its way to the process that owns its session. */
const forwardSchema = z.object({
  sessionId: z.string(),
  message: z.unknown(),
  attachment: z.object({
    role: z.enum(['none', 'player', 'facilitator']),
    sessionId: z.string().optional(),
    playerId: z.string().optional(),
  }),
  hostAddress: z.string().optional(),
});
type Forward = z.infer<typeof forwardSchema>;

/** The owner's answer: the routed reply, or "not mine (any more)". */
type ForwardAnswer = { kind: 'routed'; routed: Routed<ClientMessage['type']> } | { kind: 'not-owner' };

export interface ClusterRouterOptions {
  /** How long a message waits for its session to have a live owner (a takeover in progress). */
  waitMs: number;
  /** How long the owner has to answer a forwarded message. */
  answerMs: number;
}

/** How long a lease's owner is taken as known without reading the lease again. */
const OWNER_KEPT_MS = 1000;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Routes a client message to the process that owns its session: here when this process runs it,
 * otherwise forwarded to the lease's owner, whose reply (and the seat it gives the socket) comes
 * back to this process's client. A session nobody owns any more (its owner died or is handing
 * it over) is claimed here, or waited for while another process takes it. A message that needs
 * no session (host) is this process's.
 */
export class ClusterRouter {
  private readonly owners = new Map<string, { owner: string; until: number }>();

  constructor(
    private readonly local: MessageRouter,
    private readonly registry: SessionRegistry,
    private readonly store: SessionStore,
    private readonly leases: LeaseStore,
    private readonly keeper: LeaseKeeper,
    private readonly link: () => NodeLink,
    private readonly options: ClusterRouterOptions,
    private readonly logger: Logger,
  ) {}

  async route<T extends ClientMessage['type']>(message: Message<T>, sender: Sender): Promise<Routed<T>> {
    const sessionId = await this.sessionOf(message, sender);
    if (sessionId === undefined) return this.local.route(message, sender);
    const deadline = Date.now() + this.options.waitMs;
    for (let attempt = 0; ; attempt++) {
      if (this.registry.get(sessionId)) return this.local.route(message, sender);
      const owner = await this.ownerOf(sessionId);
      if (owner && owner !== this.keeper.nodeId) {
        const forward: Forward = { sessionId, message, attachment: { ...sender.attachment }, hostAddress: sender.hostAddress };
        const answer = await this.link().request(owner, forward, this.options.answerMs);
        if (answer.ok && (answer.body as ForwardAnswer).kind === 'routed') return (answer.body as { routed: Routed<T> }).routed;
        this.owners.delete(sessionId);
        if (!answer.ok && answer.reason === 'timeout')
          // It may have been done: never sent twice (a second "next round" would skip one).
          return {
            reply: failure(
              'internal',
              'The server process running this class did not answer in time; check the board before sending it again.',
            ) as Routed<T>['reply'],
          };
      }
      // Nobody live owns it (or its owner is gone): take it here, or wait for whoever does.
      if (await this.keeper.claim(sessionId)) continue;
      if (Date.now() > deadline)
        return {
          reply: failure(
            'storage-busy',
            'This class is moving to another server process and is not ready yet. Nothing changed: try again in a moment.',
          ) as Routed<T>['reply'],
        };
      await sleep(Math.min(250, 25 * 2 ** attempt));
    }
  }

  /**
   * The lease's owner, remembered for a moment: most messages of a class go to the same owner,
   * and a forward that finds it gone or no longer the owner forgets it at once.
   */
  private async ownerOf(sessionId: string): Promise<string | undefined> {
    const known = this.owners.get(sessionId);
    if (known && known.until > Date.now()) return known.owner;
    const owner = (await this.leases.readLease(sessionId))?.owner || undefined;
    if (owner) this.owners.set(sessionId, { owner, until: Date.now() + OWNER_KEPT_MS });
    else this.owners.delete(sessionId);
    return owner;
  }

  /** The session a message is for, when it is not this process's to answer alone; undefined otherwise. */
  private async sessionOf(message: ClientMessage, sender: Sender): Promise<string | undefined> {
    switch (message.type) {
      case 'host':
        return undefined;
      case 'join': {
        const here = this.registry.byCode(message.joinCode);
        if (here) return here.id;
        return this.live(await this.store.findByJoinCode(message.joinCode));
      }
      case 'attach': {
        const here = this.registry.forToken(message.token);
        if (here) return here.session.id;
        const player = await this.store.findPlayerByTokenHash(hashSecret(message.token));
        return player ? this.live(await this.store.getSession(player.sessionId)) : undefined;
      }
      case 'attachFacilitator':
        if (this.registry.get(message.sessionId)) return message.sessionId;
        return this.live(await this.store.getSession(message.sessionId));
      default:
        return sender.attachment.role === 'none' ? undefined : sender.attachment.sessionId;
    }
  }

  /** A stored session some process can run; one set aside as damaged is answered here (the router says so to its facilitator). */
  private live(session: Awaited<ReturnType<SessionStore['getSession']>>): string | undefined {
    if (!session) return undefined;
    if (session.damaged) {
      this.registry.damaged.set(session.id, session.damaged);
      return undefined;
    }
    return session.id;
  }

  /** A message forwarded by another process, for a session this one may own. */
  async answer(body: unknown): Promise<ForwardAnswer> {
    const forward = forwardSchema.safeParse(body);
    if (!forward.success) throw new Error(`a forwarded message has no known form: ${forward.error.message}`);
    const { sessionId, attachment, hostAddress } = forward.data;
    if (!this.registry.get(sessionId)) return { kind: 'not-owner' };
    const message = clientMessageSchema.safeParse(forward.data.message);
    if (!message.success) return { kind: 'routed', routed: { reply: failure('bad-message', 'The forwarded message has no known form.') } };
    const sender: Sender = {
      attachment: {
        role: attachment.role,
        ...(attachment.sessionId ? { sessionId: attachment.sessionId } : {}),
        ...(attachment.playerId ? { playerId: attachment.playerId } : {}),
      },
      hostAddress,
    };
    try {
      return { kind: 'routed', routed: await this.local.route(message.data, sender) };
    } catch (error) {
      this.logger.error({ err: error, session: sessionId }, 'a forwarded message failed');
      const reply: ServerReply = isStorageError(error)
        ? failure(
            'storage-busy',
            'The server could not save that just now (its database is busy or unavailable). Nothing changed: try again.',
          )
        : failure('internal', 'The server could not handle that message; the session is unharmed.');
      return { kind: 'routed', routed: { reply } };
    }
  }
}
