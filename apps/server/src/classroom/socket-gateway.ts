import type { Server as HttpServer } from 'node:http';
import {
  CLIENT_EVENT,
  type ClientMessage,
  clientMessageSchema,
  MAX_FRAME_BYTES,
  MAX_MESSAGE_BYTES,
  PROTOCOL_VERSION,
  type ProtocolError,
  SERVER_EVENT,
  type ServerReply,
  spacedJoinCode,
} from '@ttc/protocol';
import type { Logger } from 'pino';
import { Server, type Socket } from 'socket.io';
import { addressKey, clientAddress, isLoopback, type TrustProxy } from '../http/trust-proxy.js';
import type { SessionStore } from '../storage/session-store.js';
import { isStorageError } from '../storage/store-errors.js';
import { type ClassroomSession, failure } from './classroom-session.js';
import { ConnectionCounter, FloodWatch } from './connection-guard.js';
import { JoinGuard } from './join-guard.js';
import { lanJoinUrls } from './lan-addresses.js';
import { TokenBucket } from './rate-limit.js';
import { hashSecret } from './secrets.js';
import { type Attachment, runSessionCommand } from './session-commands.js';
import { type RegistryLimits, SessionRegistry } from './session-registry.js';
import { SocketRooms } from './socket-rooms.js';

interface SocketData extends Attachment {
  bucket: TokenBucket;
  flood: FloodWatch;
  /** The client's address key (addressKey): what the limits per address count under. */
  address: string;
  /** False for this machine's own connections (isLoopback) unless LIMIT_LOOPBACK is set. */
  limited: boolean;
  /** A join of this socket is waiting for the join guard: one at a time. */
  joining: boolean;
}

type Reply = (reply: ServerReply) => void;

const ENDED_SESSIONS_KEPT_MS = 2 * 60 * 60 * 1000;

export interface GatewayOptions {
  publicUrl: string;
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
  limits: RegistryLimits;
}

/**
 * The socket endpoint: validates every message at the edge, checks who may send it, and hands
 * it to the session. Every message gets a reply or, when it came without an acknowledgement, a
 * `refused` push; a connection that floods gets `closing` and is closed; nothing a client sends
 * can crash the server (docs/protocol.md).
 */
export class SocketGateway {
  readonly io: Server;
  private readonly rooms: SocketRooms;
  readonly registry: SessionRegistry;
  private readonly joinGuard: JoinGuard;
  /** Wrong trainer passcodes are throttled like wrong join codes. */
  private readonly passcodeGuard: JoinGuard;
  private readonly connections: ConnectionCounter;
  private readonly sweep: NodeJS.Timeout;

  constructor(
    http: HttpServer,
    store: SessionStore,
    private readonly logger: Logger,
    private readonly options: GatewayOptions,
  ) {
    this.io = new Server(http, { maxHttpBufferSize: MAX_FRAME_BYTES, serveClient: false, pingInterval: 10_000, pingTimeout: 8_000 });
    this.rooms = new SocketRooms(this.io);
    this.registry = new SessionRegistry(store, this.rooms, logger, options.limits);
    this.joinGuard = new JoinGuard(options.joinGuessBurst, options.joinGuessesPerMinute);
    this.passcodeGuard = new JoinGuard(options.joinGuessBurst, options.joinGuessesPerMinute);
    this.connections = new ConnectionCounter(options.maxConnectionsPerAddress);
    // Ended classes leave memory two hours after their end (the database keeps their record);
    // lobbies never started expire.
    const sweepEvery = Math.max(1000, Math.min(10 * 60 * 1000, options.limits.lobbyExpiryMs / 4));
    this.sweep = setInterval(() => void this.sweepSessions(), sweepEvery);
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

  private async sweepSessions(): Promise<void> {
    const forgotten = this.registry.forgetEnded(ENDED_SESSIONS_KEPT_MS);
    if (forgotten > 0) this.logger.info({ sessions: forgotten }, 'ended sessions let go from memory');
    const expired = await this.registry.expireLobbies();
    if (expired > 0) this.logger.info({ sessions: expired }, 'lobbies never started have expired');
    this.joinGuard.sweep();
    this.passcodeGuard.sweep();
  }

  // ——— Connections ——————————————————————————————————————————————

  private connect(socket: Socket): void {
    const data: SocketData = {
      role: 'none',
      bucket: new TokenBucket(this.options.messageRate, this.options.messageBurst),
      flood: new FloodWatch(this.options.floodDisconnectAfter),
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
      if (!data.bucket.take()) {
        if (data.flood.refused()) this.closeFlooder(socket);
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
      if (data.sessionId && data.role === 'player') this.registry.get(data.sessionId)?.publishLobby();
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

  private async route(socket: Socket, data: SocketData, message: ClientMessage): Promise<ServerReply> {
    switch (message.type) {
      case 'host':
        return this.host(socket, data, message);
      case 'join':
        return this.join(socket, data, message);
      case 'attach': {
        const found = this.registry.forToken(message.token);
        if (!found) return failure('unknown-token', 'That seat no longer exists: join again with the code.');
        this.rooms.seatPlayer(socket, data, found.session, found.player.id, found.player.team);
        return { ok: true, playerId: found.player.id, team: found.player.team, sessionId: found.session.id, name: found.player.name };
      }
      case 'attachFacilitator': {
        const session = this.registry.forFacilitator(message.sessionId, message.facilitatorKey);
        if (!session) return this.unknownSession(message.sessionId, message.facilitatorKey);
        this.rooms.seatFacilitator(socket, data, session);
        return { ok: true, ...this.joining(session) };
      }
      default:
        return runSessionCommand(this.registry, data, message, (session, playerId, team) => this.rooms.reseat(session, playerId, team));
    }
  }

  private async host(socket: Socket, data: SocketData, message: Extract<ClientMessage, { type: 'host' }>): Promise<ServerReply> {
    if (this.registry.policy.passcodeRequired) {
      await this.passcodeGuard.admit(data.address);
      const wrong = this.registry.policy.checkPasscode(message.passcode);
      if (wrong) return wrong;
      this.passcodeGuard.refund(data.address);
    }
    const hosted = await this.registry.host(message.settings, data.limited ? data.address : undefined);
    if (!hosted.ok) return hosted;
    const { session, facilitatorKey } = hosted;
    this.rooms.seatFacilitator(socket, data, session);
    return { ok: true, ...this.joining(session), facilitatorKey };
  }

  /** A right code is never refused for others' typos: a wrong one only makes the next attempts wait (join-guard.ts). */
  private async join(socket: Socket, data: SocketData, message: Extract<ClientMessage, { type: 'join' }>): Promise<ServerReply> {
    if (data.joining) return failure('rate-limited', 'Your previous join is still being checked: wait for its answer.');
    data.joining = true;
    try {
      await this.joinGuard.admit(data.address);
      const session = this.registry.byCode(message.joinCode);
      if (!session)
        return failure('unknown-join-code', `No session has the code ${spacedJoinCode(message.joinCode)}: check it with your trainer.`);
      this.joinGuard.refund(data.address);
      if (socket.disconnected) return failure('not-attached', 'The connection closed before the seat was made.');
      const joined = await this.registry.join(session, message.name);
      if (!joined.ok) return joined;
      this.rooms.seatPlayer(socket, data, session, joined.player.id, joined.player.team);
      return { ok: true, token: joined.token, playerId: joined.player.id, team: joined.player.team, sessionId: session.id };
    } finally {
      data.joining = false;
    }
  }

  /** A wrong key or an unknown id; a session set aside at restart is named as such to the holder of its key. */
  private async unknownSession(sessionId: string, facilitatorKey: string): Promise<ServerReply> {
    const reason = this.registry.damaged.get(sessionId);
    if (reason !== undefined) {
      const stored = await this.registry.store.getSession(sessionId);
      if (stored?.facilitatorKeyHash === hashSecret(facilitatorKey))
        return failure(
          'session-damaged',
          `This class could not be resumed after the server restarted (${reason}). Its record is kept: open its log or results from past classes.`,
        );
    }
    return failure('unknown-session', 'No session with that id and key.');
  }

  /** What the facilitator's lobby shows: the session, its code, the join link and its LAN variants. */
  private joining(session: ClassroomSession): { sessionId: string; joinCode: string; joinUrl: string; lanJoinUrls: string[] } {
    return {
      sessionId: session.id,
      joinCode: session.joinCode,
      joinUrl: this.joinUrl(session.joinCode),
      lanJoinUrls: this.lanJoinUrls(session.joinCode),
    };
  }

  private joinUrl(joinCode: string): string {
    return `${this.options.publicUrl}/?join=${joinCode}`;
  }

  /**
   * With a join link on localhost, the same link on this machine's LAN addresses, for the lobby to
   * offer; none when the server listens on loopback only (HOST=127.0.0.1), where they would not open.
   */
  private lanJoinUrls(joinCode: string): string[] {
    const address = this.io.httpServer.address();
    if (!address || typeof address !== 'object' || /^(127\.|::1$|::ffff:127\.)/.test(address.address)) return [];
    return lanJoinUrls(this.options.publicUrl, address.port, joinCode);
  }

  close(): Promise<void> {
    clearInterval(this.sweep);
    this.registry.stopAll();
    return new Promise((resolve) => {
      this.io.close(() => resolve());
    });
  }
}
