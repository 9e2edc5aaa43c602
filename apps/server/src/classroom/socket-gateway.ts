import type { Server as HttpServer } from 'node:http';
import {
  CLIENT_EVENT,
  type ClientMessage,
  clientMessageSchema,
  FACILITATOR_MESSAGES,
  MAX_MESSAGE_BYTES,
  PLAYER_MESSAGES,
  PROTOCOL_VERSION,
  SERVER_EVENT,
  type ServerMessage,
  type ServerReply,
  spacedJoinCode,
} from '@ttc/protocol';
import type { Logger } from 'pino';
import { Server, type Socket } from 'socket.io';
import type { SessionStore } from '../storage/session-store.js';
import type { Broadcaster } from './broadcaster.js';
import { type ClassroomSession, failure } from './classroom-session.js';
import { lanJoinUrls } from './lan-addresses.js';
import { FailureWindow, TokenBucket } from './rate-limit.js';
import { SessionRegistry } from './session-registry.js';

interface SocketData {
  role: 'none' | 'player' | 'facilitator';
  sessionId?: string;
  playerId?: string;
  bucket: TokenBucket;
}

type Reply = (reply: ServerReply) => void;

const ENDED_SESSIONS_KEPT_MS = 2 * 60 * 60 * 1000;
const SWEEP_EVERY_MS = 10 * 60 * 1000;

const room = {
  session: (id: string) => `s:${id}`,
  team: (id: string, team: number) => `s:${id}:t:${team}`,
  facilitator: (id: string) => `s:${id}:f`,
  player: (id: string) => `p:${id}`,
};

export interface GatewayOptions {
  publicUrl: string;
  /** Messages a second per connection (average) and burst. */
  messageRate?: number;
  messageBurst?: number;
  failedJoinsPerMinute?: number;
}

/**
 * The socket endpoint: validates every message at the edge, checks who may send it, and hands
 * it to the session. Every message gets a reply; nothing a client sends can crash the server.
 */
export class SocketGateway implements Broadcaster {
  readonly io: Server;
  readonly registry: SessionRegistry;
  private readonly failedJoins: FailureWindow;
  private readonly sweep: NodeJS.Timeout;

  constructor(
    http: HttpServer,
    store: SessionStore,
    private readonly logger: Logger,
    private readonly options: GatewayOptions,
  ) {
    this.io = new Server(http, { maxHttpBufferSize: MAX_MESSAGE_BYTES * 2, serveClient: false, pingInterval: 10_000, pingTimeout: 8_000 });
    this.registry = new SessionRegistry(store, this, logger);
    // Ended classes leave memory two hours after their end; the database keeps their record.
    this.sweep = setInterval(() => {
      const forgotten = this.registry.forgetEnded(ENDED_SESSIONS_KEPT_MS);
      if (forgotten > 0) logger.info({ sessions: forgotten }, 'ended sessions let go from memory');
    }, SWEEP_EVERY_MS);
    this.sweep.unref();
    this.failedJoins = new FailureWindow(options.failedJoinsPerMinute ?? 10, 60_000);
    this.io.use((socket, next) => {
      const version = (socket.handshake.auth as { protocolVersion?: unknown } | undefined)?.protocolVersion;
      if (version !== PROTOCOL_VERSION)
        next(
          new Error(`protocol-version: the server speaks version ${PROTOCOL_VERSION}, the client sent ${JSON.stringify(version ?? null)}`),
        );
      else next();
    });
    this.io.on('connection', (socket) => this.connect(socket));
  }

  // ——— Broadcaster ————————————————————————————————————————————

  toSession(sessionId: string, message: ServerMessage): void {
    this.io.to(room.session(sessionId)).emit(SERVER_EVENT, message);
  }

  toTeam(sessionId: string, team: number, message: ServerMessage): void {
    this.io.to(room.team(sessionId, team)).emit(SERVER_EVENT, message);
  }

  toFacilitator(sessionId: string, message: ServerMessage): void {
    this.io.to(room.facilitator(sessionId)).emit(SERVER_EVENT, message);
  }

  toPlayer(playerId: string, message: ServerMessage): void {
    this.io.to(room.player(playerId)).emit(SERVER_EVENT, message);
    if (message.type === 'removed') this.io.in(room.player(playerId)).disconnectSockets(true);
  }

  connectedPlayers(sessionId: string): Set<string> {
    const connected = new Set<string>();
    const members = this.io.sockets.adapter.rooms.get(room.session(sessionId));
    for (const socketId of members ?? []) {
      const data = this.io.sockets.sockets.get(socketId)?.data as SocketData | undefined;
      if (data?.role === 'player' && data.playerId) connected.add(data.playerId);
    }
    return connected;
  }

  // ——— Connections ——————————————————————————————————————————————

  private connect(socket: Socket): void {
    const data: SocketData = { role: 'none', bucket: new TokenBucket(this.options.messageRate ?? 20, this.options.messageBurst ?? 40) };
    socket.data = data;
    socket.on(CLIENT_EVENT, (payload: unknown, ack: unknown) => {
      const reply: Reply = typeof ack === 'function' ? (ack as Reply) : () => undefined;
      this.receive(socket, data, payload)
        .then(reply)
        .catch((error) => {
          this.logger.error({ err: error }, 'message handling failed');
          reply(failure('internal', 'The server could not handle that message; the session is unharmed.'));
        });
    });
    socket.onAny((event: string, ...args: unknown[]) => {
      if (event === CLIENT_EVENT) return;
      const ack = args[args.length - 1];
      if (typeof ack === 'function')
        (ack as Reply)(failure('bad-message', `Unknown event "${String(event).slice(0, 40)}": send messages as "${CLIENT_EVENT}".`));
    });
    socket.on('disconnect', () => {
      if (data.sessionId && data.role === 'player') this.registry.get(data.sessionId)?.publishLobby();
    });
  }

  private async receive(socket: Socket, data: SocketData, payload: unknown): Promise<ServerReply> {
    if (!data.bucket.take()) return failure('rate-limited', 'Too many messages: slow down.');
    let size = 0;
    try {
      size = JSON.stringify(payload ?? null)?.length ?? 0;
    } catch {
      return failure('bad-message', 'The message is not JSON.');
    }
    if (size > MAX_MESSAGE_BYTES) return failure('too-large', `Messages are limited to ${MAX_MESSAGE_BYTES} bytes; this one has ${size}.`);
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
      case 'host': {
        const hosted = await this.registry.host(message.settings);
        if (!hosted.ok) return hosted;
        const { session, facilitatorKey } = hosted;
        this.seatFacilitator(socket, data, session);
        return { ok: true, ...this.joining(session), facilitatorKey };
      }
      case 'join': {
        const address = socket.handshake.address;
        if (this.failedJoins.blocked(address))
          return failure('rate-limited', 'Too many wrong join codes: wait a minute and check the code.');
        const session = this.registry.byCode(message.joinCode);
        if (!session) {
          this.failedJoins.fail(address);
          return failure('unknown-join-code', `No session has the code ${spacedJoinCode(message.joinCode)}: check it with your trainer.`);
        }
        const joined = await this.registry.join(session, message.name);
        if (!joined.ok) return joined;
        this.seatPlayer(socket, data, session, joined.player.id, joined.player.team);
        return { ok: true, token: joined.token, playerId: joined.player.id, team: joined.player.team, sessionId: session.id };
      }
      case 'attach': {
        const found = this.registry.forToken(message.token);
        if (!found) return failure('unknown-token', 'That seat no longer exists: join again with the code.');
        this.seatPlayer(socket, data, found.session, found.player.id, found.player.team);
        return { ok: true, playerId: found.player.id, team: found.player.team, sessionId: found.session.id, name: found.player.name };
      }
      case 'attachFacilitator': {
        const session = this.registry.forFacilitator(message.sessionId, message.facilitatorKey);
        if (!session) return failure('unknown-session', 'No session with that id and key.');
        this.seatFacilitator(socket, data, session);
        return { ok: true, ...this.joining(session) };
      }
      default:
        return this.sessionMessage(data, message);
    }
  }

  private async sessionMessage(
    data: SocketData,
    message: Exclude<ClientMessage, { type: 'host' | 'join' | 'attach' | 'attachFacilitator' }>,
  ): Promise<ServerReply> {
    const session = data.sessionId ? this.registry.get(data.sessionId) : undefined;
    if (!session || data.role === 'none') return failure('not-attached', 'Join or attach to a session first.');
    const isFacilitatorMessage = (FACILITATOR_MESSAGES as readonly string[]).includes(message.type);
    const isPlayerMessage = (PLAYER_MESSAGES as readonly string[]).includes(message.type);
    if (isFacilitatorMessage && data.role !== 'facilitator')
      return failure('forbidden', `Only the facilitator may send "${message.type}".`);
    if (isPlayerMessage && data.role !== 'player') return failure('forbidden', `Only a seated player may send "${message.type}".`);
    const player = data.playerId ? session.players.get(data.playerId) : undefined;
    switch (message.type) {
      case 'decide':
        if (!player || player.removed) return failure('unknown-token', 'You are no longer seated in this session.');
        return session.decide(player, message.demandId, message.decision);
      case 'commitPlan':
        if (!player || player.removed) return failure('unknown-token', 'You are no longer seated in this session.');
        return session.commitPlan(player, message.plan);
      case 'proposePlan':
        if (!player || player.removed) return failure('unknown-token', 'You are no longer seated in this session.');
        return session.proposePlan(player, message.plan);
      case 'preview':
        if (!player || player.removed) return failure('unknown-token', 'You are no longer seated in this session.');
        return session.preview(player, message.demandId);
      case 'start':
        return session.start();
      case 'pause':
        return session.setPaused(true);
      case 'resume':
        return session.setPaused(false);
      case 'setSpeed':
        return session.setSpeed(message.tickMs);
      case 'nextRound':
        return session.nextRound();
      case 'injectEvent':
        return session.injectEvent(message.target, message.eventId);
      case 'movePlayer': {
        const result = await session.movePlayer(message.playerId, message.team);
        if (result.ok) this.reseat(session, message.playerId, message.team);
        return result;
      }
      case 'removePlayer':
        return session.removePlayer(message.playerId);
      case 'end':
        return session.end();
    }
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

  private seatPlayer(socket: Socket, data: SocketData, session: ClassroomSession, playerId: string, team: number): void {
    this.leaveRooms(socket);
    data.role = 'player';
    data.sessionId = session.id;
    data.playerId = playerId;
    void socket.join([room.session(session.id), room.team(session.id, team), room.player(playerId)]);
    socket.emit(SERVER_EVENT, session.sessionMessage());
    const board = session.boardMessage(team);
    if (board) socket.emit(SERVER_EVENT, board);
    for (const proposal of session.proposalsOf(team)) socket.emit(SERVER_EVENT, proposal);
    socket.emit(SERVER_EVENT, session.teamFeedMessage(team));
    session.publishLobby();
  }

  private seatFacilitator(socket: Socket, data: SocketData, session: ClassroomSession): void {
    this.leaveRooms(socket);
    data.role = 'facilitator';
    data.sessionId = session.id;
    delete data.playerId;
    void socket.join([room.session(session.id), room.facilitator(session.id)]);
    socket.emit(SERVER_EVENT, session.sessionMessage());
    socket.emit(SERVER_EVENT, session.lobbyMessage());
    socket.emit(SERVER_EVENT, session.dashboardMessage());
  }

  /** A moved player's open sockets follow them to their new team's room. */
  private reseat(session: ClassroomSession, playerId: string, team: number): void {
    for (let other = 0; other < session.settings.teamCount; other++)
      this.io.in(room.player(playerId)).socketsLeave(room.team(session.id, other));
    this.io.in(room.player(playerId)).socketsJoin(room.team(session.id, team));
    const board = session.boardMessage(team);
    if (board) this.io.to(room.player(playerId)).emit(SERVER_EVENT, board);
    this.io.to(room.player(playerId)).emit(SERVER_EVENT, session.teamFeedMessage(team));
  }

  private leaveRooms(socket: Socket): void {
    for (const name of socket.rooms) if (name !== socket.id) void socket.leave(name);
  }

  close(): Promise<void> {
    clearInterval(this.sweep);
    this.registry.stopAll();
    return new Promise((resolve) => {
      this.io.close(() => resolve());
    });
  }
}
