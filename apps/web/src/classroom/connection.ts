import {
  CLIENT_EVENT,
  type ClientMessage,
  type ErrorCode,
  type Failure,
  failure,
  PROTOCOL_VERSION,
  parseReply,
  type ReplyOf,
  SERVER_EVENT,
  type ServerMessage,
  serverMessageSchema,
} from '@ttc/protocol';
import { io, type Socket } from 'socket.io-client';

export type ConnectionState = 'connecting' | 'connected' | 'reconnecting' | 'refused';

type MessageOf<T extends ServerMessage['type']> = Extract<ServerMessage, { type: T }>;

const REPLY_TIMEOUT_MS = 8000;

/** A reply made here when the server's cannot be had (not connected, no answer in time). */
function localFailure(code: ErrorCode, message: string): Failure {
  return failure(code, message);
}

type Attach = Extract<ClientMessage, { type: 'attach' | 'attachFacilitator' }>;

/**
 * The browser's one connection to the classroom server. Every push is checked against the
 * protocol before anyone sees it; the latest message of each kind is kept so a screen opened
 * later draws at once. After a dropped connection socket.io reconnects by itself and the
 * connection attaches to the same seat again (the learner's token or the trainer's key).
 */
export class ClassroomConnection {
  readonly socket: Socket;
  state: ConnectionState = 'connecting';
  /** Why the server refused the connection, when state is "refused". */
  refusal = '';
  private readonly latestByType = new Map<ServerMessage['type'], ServerMessage>();
  private readonly listeners = new Set<(message: ServerMessage) => void>();
  private readonly stateListeners = new Set<(state: ConnectionState) => void>();
  private attachment: Attach | undefined;

  constructor(url: string = window.location.origin) {
    this.socket = io(url, {
      auth: { protocolVersion: PROTOCOL_VERSION },
      transports: ['websocket', 'polling'],
      reconnectionDelay: 500,
      reconnectionDelayMax: 4000,
    });
    this.socket.on('connect', () => void this.connected());
    this.socket.on('disconnect', () => this.setState('reconnecting'));
    this.socket.on('connect_error', (error: Error) => {
      if (error.message.startsWith('protocol-version')) {
        this.refusal = `This page is out of date (${error.message}). Reload it.`;
        this.setState('refused');
      } else this.setState('reconnecting');
    });
    this.socket.on(SERVER_EVENT, (payload: unknown) => {
      const parsed = serverMessageSchema.safeParse(payload);
      if (!parsed.success) return;
      this.latestByType.set(parsed.data.type, parsed.data);
      for (const listener of this.listeners) listener(parsed.data);
    });
  }

  private async connected(): Promise<void> {
    if (this.attachment) {
      const reply = await this.send(this.attachment);
      if (!reply.ok) {
        this.refusal = reply.error.message;
        this.setState('refused');
        return;
      }
    }
    this.setState('connected');
  }

  private setState(state: ConnectionState): void {
    if (this.state === 'refused' && state !== 'connected') return;
    this.state = state;
    for (const listener of this.stateListeners) listener(state);
  }

  /**
   * Sends a message and resolves with the server's reply, parsed with that message's reply schema
   * (so its type follows from the message's), or a local failure when none comes.
   */
  async send<M extends ClientMessage>(message: M): Promise<ReplyOf<M['type']>> {
    if (!this.socket.connected && message.type !== 'attach' && message.type !== 'attachFacilitator')
      return localFailure('internal', 'Not connected to the server: reconnecting…');
    let reply: unknown;
    try {
      reply = await this.socket.timeout(REPLY_TIMEOUT_MS).emitWithAck(CLIENT_EVENT, message);
    } catch {
      return localFailure('internal', 'The server did not answer in time. Check the connection and try again.');
    }
    return parseReply<M['type']>(message.type, reply) ?? localFailure('internal', 'The server sent a reply this page cannot read.');
  }

  /** Attaches now and again after every reconnect: the seat this browser holds. */
  async attach<M extends Attach>(message: M): Promise<ReplyOf<M['type']>> {
    this.attachment = message;
    if (!this.socket.connected) {
      const connected = await new Promise<boolean>((resolve) => {
        const timer = setTimeout(() => resolve(false), REPLY_TIMEOUT_MS);
        this.socket.once('connect', () => {
          clearTimeout(timer);
          resolve(true);
        });
      });
      if (!connected) return localFailure('internal', 'Cannot reach the classroom server. Is it running?');
    }
    return this.send(message);
  }

  /** After host or join the socket is already seated; remember how to take the seat again. */
  remember(message: Attach): void {
    this.attachment = message;
  }

  latest<T extends ServerMessage['type']>(type: T): MessageOf<T> | undefined {
    return this.latestByType.get(type) as MessageOf<T> | undefined;
  }

  /** Calls the listener for every push; returns the function that stops it. */
  onMessage(listener: (message: ServerMessage) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  onState(listener: (state: ConnectionState) => void): () => void {
    this.stateListeners.add(listener);
    return () => this.stateListeners.delete(listener);
  }

  close(): void {
    this.attachment = undefined;
    this.listeners.clear();
    this.stateListeners.clear();
    this.socket.close();
  }
}

let shared: ClassroomConnection | undefined;

/** The page's connection, opened on first use. */
export function classroomConnection(): ClassroomConnection {
  shared ??= new ClassroomConnection();
  return shared;
}

/** Closes the connection (leaving a class); the next use opens a fresh one. */
export function closeClassroomConnection(): void {
  shared?.close();
  shared = undefined;
}
