import {
  CLIENT_EVENT,
  type ClientMessage,
  clientMessageSchema,
  type Failure,
  PROTOCOL_VERSION,
  parseReply,
  type ReplyOf,
  SERVER_EVENT,
  type ServerMessage,
  type ServerReply,
  serverMessageSchema,
} from '@ttc/protocol';
import { io, type Socket } from 'socket.io-client';

/**
 * A real socket.io client for the tests: sends protocol messages, keeps every update it
 * receives (each checked against the protocol's schema), and can wait for one.
 */
export class TestClient {
  readonly socket: Socket;
  readonly updates: ServerMessage[] = [];
  readonly invalid: unknown[] = [];
  private waiters: { match: (message: ServerMessage) => boolean; resolve: (message: ServerMessage) => void }[] = [];

  /** `headers`: sent with the handshake, as a proxy would add X-Forwarded-For. */
  constructor(url: string, options: { protocolVersion?: unknown; reconnection?: boolean; headers?: Record<string, string> } = {}) {
    this.socket = io(url, {
      auth: { protocolVersion: 'protocolVersion' in options ? options.protocolVersion : PROTOCOL_VERSION },
      transports: ['websocket'],
      ...(options.headers ? { extraHeaders: options.headers } : {}),
      reconnection: options.reconnection ?? true,
      reconnectionDelay: 100,
      reconnectionDelayMax: 500,
      forceNew: true,
    });
    this.socket.on(SERVER_EVENT, (payload: unknown) => {
      const parsed = serverMessageSchema.safeParse(payload);
      if (!parsed.success) {
        this.invalid.push(payload);
        return;
      }
      this.updates.push(parsed.data);
      this.waiters = this.waiters.filter((waiter) => {
        if (!waiter.match(parsed.data)) return true;
        waiter.resolve(parsed.data);
        return false;
      });
    });
  }

  /**
   * Attaches again with `message` after every reconnection, as the web client does with its
   * token or key (apps/web/src/classroom/connection.ts); `attached` counts the successes.
   */
  keepAttached(message: Extract<ClientMessage, { type: 'attach' | 'attachFacilitator' }>): void {
    const attach = async () => {
      // A class moving between server processes may not be ready at once: try again, as a person would.
      for (let attempt = 0; attempt < 10 && this.socket.connected; attempt++) {
        const reply = await this.send(message, 30_000).catch(() => undefined);
        if (reply?.ok) {
          this.reattached++;
          return;
        }
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
    };
    // The socket's own connect (after the namespace accepted it), not the manager's reconnect, which comes before.
    this.socket.on('connect', () => void attach());
  }

  /** Successful attaches after a reconnection (keepAttached). */
  reattached = 0;

  connected(): Promise<void> {
    if (this.socket.connected) return Promise.resolve();
    return new Promise((resolve, reject) => {
      this.socket.once('connect', () => resolve());
      this.socket.once('connect_error', reject);
    });
  }

  /** Sends a protocol message; the reply is parsed with that message's reply schema (a reply of another shape fails the test). */
  async send<M extends ClientMessage>(message: M, timeoutMs = 5000): Promise<ReplyOf<M['type']>> {
    const reply: unknown = await this.socket.timeout(timeoutMs).emitWithAck(CLIENT_EVENT, message);
    const parsed = parseReply<M['type']>(message.type, reply);
    if (!parsed) throw new Error(`the reply to "${message.type}" does not match its schema: ${JSON.stringify(reply)}`);
    return parsed;
  }

  /** Sends anything at all, as a careless or hostile client would: the reply is any error, or a success. */
  async sendRaw(payload: unknown, timeoutMs = 5000): Promise<ServerReply> {
    const reply: unknown = await this.socket.timeout(timeoutMs).emitWithAck(CLIENT_EVENT, payload);
    const type = typeof payload === 'object' && payload !== null ? (payload as { type?: unknown }).type : undefined;
    const parsed = parseReply(typeof type === 'string' && isMessageType(type) ? type : 'start', reply);
    if (!parsed) throw new Error(`a reply that is neither an error nor a success: ${JSON.stringify(reply)}`);
    return parsed;
  }

  /** Resolves with the first update (already received or coming) that matches. */
  next<T extends ServerMessage['type']>(
    type: T,
    match: (message: Extract<ServerMessage, { type: T }>) => boolean = () => true,
    timeoutMs = 10_000,
  ): Promise<Extract<ServerMessage, { type: T }>> {
    const test = (message: ServerMessage): boolean => message.type === type && match(message as Extract<ServerMessage, { type: T }>);
    const already = this.updates.find(test);
    if (already) return Promise.resolve(already as Extract<ServerMessage, { type: T }>);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no "${type}" update within ${timeoutMs} ms`)), timeoutMs);
      this.waiters.push({
        match: test,
        resolve: (message) => {
          clearTimeout(timer);
          resolve(message as Extract<ServerMessage, { type: T }>);
        },
      });
    });
  }

  latest<T extends ServerMessage['type']>(type: T): Extract<ServerMessage, { type: T }> | undefined {
    for (let index = this.updates.length - 1; index >= 0; index--) {
      const message = this.updates[index];
      if (message?.type === type) return message as Extract<ServerMessage, { type: T }>;
    }
    return undefined;
  }

  close(): void {
    this.socket.close();
  }
}

export function expectOk<R extends ServerReply>(reply: R): Exclude<R, Failure> {
  if (!reply.ok) throw new Error(`expected ok, got ${reply.error.code}: ${reply.error.message}`);
  return reply as Exclude<R, Failure>;
}

/** "ok", or the error code of a refusal: what a test compares. */
const MESSAGE_TYPES = new Set<string>(clientMessageSchema.options.map((option) => option.shape.type.value));
function isMessageType(type: string): type is ClientMessage['type'] {
  return MESSAGE_TYPES.has(type);
}

export function codeOf(reply: ServerReply): string {
  return reply.ok ? 'ok' : reply.error.code;
}
