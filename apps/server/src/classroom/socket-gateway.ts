import {
  CLIENT_EVENT,
  type ClientMessage,
  clientMessageSchema,
  failure,
  MAX_MESSAGE_BYTES,
  PROTOCOL_VERSION,
  type ProtocolError,
  SERVER_EVENT,
  type ServerReply,
} from '@ttc/protocol';
import type { Logger } from 'pino';
import type { Server, Socket } from 'socket.io';
import { addressKey, clientAddress, isLoopback, type TrustProxy } from '../http/trust-proxy.js';
import { isStorageError } from '../storage/store-errors.js';
import { ConnectionCounter, FloodWatch } from './connection-guard.js';
import { JoinGuard } from './join-guard.js';
import type { MessageRouter, Routed, Seating } from './message-router.js';
import { TokenBucket } from './rate-limit.js';
import type { SessionRegistry } from './session-registry.js';
import type { Attachment, SocketRooms } from './socket-rooms.js';

/**
 * What socket.data holds: plain values only, because with several processes the others read
 * it (socket.io's fetchSockets, for who is online). The connection's guards live beside it.
 */
interface SocketData extends Attachment {
  /** The client's address key (addressKey): what the limits per address count under. */
  address: string;
  /** False for this machine's own connections (isLoopback) unless LIMIT_LOOPBACK is set. */
  limited: boolean;
  /** A join of this socket is waiting for the join guard: one at a time. */
  joining: boolean;
}

type Reply = (reply: ServerReply) => void;

/** How often the guards per address forget addresses that have been quiet. */
const GUARD_SWEEP_MS = 10 * 60 * 1000;

export interface GatewayOptions {
  trust: TrustProxy;
  /** Messages a second per connection (average) and burst. */
  messageRate: number;
  messageBurst: number;
  /** Rate-limited messages within 10 s that close a connection. */
  floodDisconnectAfter: number;
  joinGuessBurst: number;
  joinGuessesPerMinute: number;
  maxConnectionsPerAddress: number;
  /** Apply the limits per address to loopback connections too (tests of those limits do). */
  limitLoopback: boolean;
  /**
   * Several processes (cluster/): a player's socket that took its seat or left here is told,
   * so the session's owner, wherever it runs, looks again at who is online. One process
   * without it: the session here hears of it directly.
   */
  presenceChanged?: (sessionId: string) => void;
}

/**
 * The socket endpoint, and only that: it validates every message at the edge (protocol version,
 * size, schema), limits (connections, rate, floods, guesses at join codes and passcodes) and
 * transports (the reply, seating sockets in their rooms). What a message does is the router's.
 * Every message gets a reply or, when it came without an acknowledgement, a `refused` push; a
 * connection that floods gets `closing` and is closed; nothing a client sends can crash the
 * server (docs/protocol.md).
 */
export class SocketGateway {
  private readonly joinGuard: JoinGuard;
  /** Wrong trainer passcodes are throttled like wrong join codes. */
  private readonly passcodeGuard: JoinGuard;
  private readonly connections: ConnectionCounter;
  private readonly sweep: NodeJS.Timeout;

  constructor(
    private readonly io: Server,
    private readonly registry: SessionRegistry,
    private readonly router: Pick<MessageRouter, 'route'>,
    private readonly rooms: SocketRooms,
    private readonly logger: Logger,
    private readonly options: GatewayOptions,
  ) {
    this.joinGuard = new JoinGuard(options.joinGuessBurst, options.joinGuessesPerMinute);
    this.passcodeGuard = new JoinGuard(options.joinGuessBurst, options.joinGuessesPerMinute);
    this.connections = new ConnectionCounter(options.maxConnectionsPerAddress);
    this.sweep = setInterval(() => {
      this.joinGuard.sweep();
      this.passcodeGuard.sweep();
    }, GUARD_SWEEP_MS);
    this.sweep.unref();
    this.io.use((socket, next) => {
      const version = (socket.handshake.auth as { protocolVersion?: unknown } | undefined)?.protocolVersion;
      if (version !== PROTOCOL_VERSION)
        next(
          new Error(`protocol-version: the server speaks version ${PROTOCOL_VERSION}, the client sent ${JSON.stringify(version ?? null)}`),
        );
      else next();
    });
    this.io.use((socket, next) => {
      const address = clientAddress(socket.request, options.trust);
      const key = addressKey(address);
      const limited = options.limitLoopback || !isLoopback(address);
      if (limited) {
        if (!this.connections.add(key)) {
          next(new Error(`too-many-connections: ${options.maxConnectionsPerAddress} connections from one address are open already`));
          return;
        }
        // The transport's close, not the socket's disconnect: it comes even for a handshake that never completed.
        socket.conn.once('close', () => this.connections.remove(key));
      }
      socket.data = { address: key, limited };
      next();
    });
    this.io.on('connection', (socket) => this.connect(socket));
  }

  // ——— Connections ——————————————————————————————————————————————

  private connect(socket: Socket): void {
    const bucket = new TokenBucket(this.options.messageRate, this.options.messageBurst);
    const flood = new FloodWatch(this.options.floodDisconnectAfter);
    const data: SocketData = {
      role: 'none',
      ...(socket.data as Pick<SocketData, 'address' | 'limited'>),
      joining: false,
    };
    socket.data = data;
    // Every event, known or not, counts against the connection's rate.
    socket.onAny((event: string, ...args: unknown[]) => {
      const ack = typeof args[args.length - 1] === 'function' ? (args.pop() as Reply) : undefined;
      const answer = (reply: ServerReply) => {
        if (ack) ack(reply);
        else if (!reply.ok) socket.emit(SERVER_EVENT, { type: 'refused', event: String(event).slice(0, 40), error: reply.error });
      };
      if (!bucket.take()) {
        if (flood.refused()) this.closeFlooder(socket);
        else answer(failure('rate-limited', 'Too many messages: slow down.'));
        return;
      }
      if (event !== CLIENT_EVENT) {
        answer(failure('bad-message', `Unknown event "${String(event).slice(0, 40)}": send messages as "${CLIENT_EVENT}".`));
        return;
      }
      if (!ack) {
        answer(failure('bad-message', 'Send every message with an acknowledgement callback: the reply goes there.'));
        return;
      }
      this.receive(socket, data, args[0])
        .then(answer)
        .catch((error) => {
          this.logger.error({ err: error }, 'message handling failed');
          answer(
            isStorageError(error)
              ? failure(
                  'storage-busy',
                  'The server could not save that just now (its database is busy or unavailable). Nothing changed: try again.',
                )
              : failure('internal', 'The server could not handle that message; the session is unharmed.'),
          );
        });
    });
    socket.on('disconnect', () => {
      if (!data.sessionId || data.role !== 'player') return;
      if (this.options.presenceChanged) this.options.presenceChanged(data.sessionId);
      else this.registry.get(data.sessionId)?.connectionsChanged();
    });
  }

  /** A sustained flood: one last message that says why, then the connection is closed. */
  private closeFlooder(socket: Socket): void {
    if (socket.disconnected) return;
    const error: ProtocolError = {
      code: 'rate-limited',
      message: `Closed: this connection kept sending far over ${this.options.messageRate} messages a second.`,
    };
    this.logger.warn({ address: (socket.data as SocketData).address }, 'flooding connection closed');
    socket.emit(SERVER_EVENT, { type: 'closing', error });
    socket.disconnect(true);
  }

  private async receive(socket: Socket, data: SocketData, payload: unknown): Promise<ServerReply> {
    if (payload === undefined || payload === null)
      return failure('bad-message', 'The message is empty: send an object with a "type" (docs/protocol.md).');
    const json = JSON.stringify(payload) ?? '';
    const size = Buffer.byteLength(json, 'utf8');
    if (size > MAX_MESSAGE_BYTES)
      return failure('too-large', `Messages are limited to ${MAX_MESSAGE_BYTES} bytes of JSON; this one has ${size}.`);
    const parsed = clientMessageSchema.safeParse(payload);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const where = issue?.path.length ? issue.path.join('.') : 'message';
      return failure('bad-message', `${where}: ${issue?.message ?? 'not a message'}`);
    }
    return this.route(socket, data, parsed.data);
  }

  /**
   * Hands the message to the router, within the guards: a host waits its turn when its address
   * guessed passcodes, a join when its address guessed codes (join-guard.ts); a right one gets
   * the allowance back. Then the socket takes the seat the router names, before its reply.
   */
  private async route(socket: Socket, data: SocketData, message: ClientMessage): Promise<ServerReply> {
    const sender = { attachment: data, hostAddress: data.limited ? data.address : undefined };
    if (message.type === 'join') {
      if (data.joining) return failure('rate-limited', 'Your previous join is still being checked: wait for its answer.');
      data.joining = true;
      try {
        await this.joinGuard.admit(data.address);
        if (socket.disconnected) return failure('not-attached', 'The connection closed before the seat was made.');
        const routed = await this.router.route(message, sender);
        if (routed.reply.ok || routed.reply.error.code !== 'unknown-join-code') this.joinGuard.refund(data.address);
        return this.deliver(socket, data, routed);
      } finally {
        data.joining = false;
      }
    }
    if (message.type === 'host' && this.registry.policy.passcodeRequired) {
      await this.passcodeGuard.admit(data.address);
      const routed = await this.router.route(message, sender);
      if (routed.reply.ok || routed.reply.error.code !== 'bad-passcode') this.passcodeGuard.refund(data.address);
      return this.deliver(socket, data, routed);
    }
    return this.deliver(socket, data, await this.router.route(message, sender));
  }

  /** Seats the socket where the router says (sending it what it needs at once), then gives the reply. */
  private deliver(socket: Socket, data: SocketData, routed: Routed<ClientMessage['type']>): ServerReply {
    const seat: Seating | undefined = routed.seat;
    if (seat?.kind === 'player') this.rooms.seatPlayer(socket, data, seat.sessionId, seat.playerId, seat.team, seat.welcome);
    else if (seat?.kind === 'facilitator') this.rooms.seatFacilitator(socket, data, seat.sessionId, seat.welcome);
    else if (seat?.kind === 'moved') this.rooms.reseat(seat.sessionId, seat.teamCount, seat.playerId, seat.team, seat.welcome);
    if (seat?.kind === 'player') this.options.presenceChanged?.(seat.sessionId);
    return routed.reply;
  }

  close(): Promise<void> {
    clearInterval(this.sweep);
    return new Promise((resolve) => {
      this.io.close(() => resolve());
    });
  }
}
