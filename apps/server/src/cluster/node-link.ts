import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import { z } from 'zod';

/** The part of a redis client the link uses (a connected client of the `redis` package). */
export interface LinkClient {
  publish(channel: string, message: string): Promise<number>;
  subscribe(channels: string[], listener: (message: string, channel: string) => void): Promise<void>;
  unsubscribe(): Promise<void>;
}

const envelopeSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('request'), id: z.string(), from: z.string(), body: z.unknown() }),
  z.object({ kind: z.literal('reply'), id: z.string(), body: z.unknown() }),
  z.object({ kind: z.literal('notice'), from: z.string(), body: z.unknown() }),
]);
type Envelope = z.infer<typeof envelopeSchema>;

export type LinkAnswer = { ok: true; body: unknown } | { ok: false; reason: 'gone' | 'timeout' };

export interface LinkHandlers {
  /** A request another process sent this one; what it resolves with is the reply. */
  request(body: unknown): Promise<unknown>;
  /** A notice, to this process or to all. */
  notice(body: unknown, from: string): void;
}

/**
 * Messages between server processes over Redis pub/sub: a request to one process with its
 * reply (a client message forwarded to its session's owner), and notices to one or to all.
 * Each process listens on a channel of its own; a request to a process nobody listens for
 * (it died) is known at once, as Redis says how many received it.
 */
export class NodeLink {
  private readonly pending = new Map<string, { resolve: (answer: LinkAnswer) => void; timer: NodeJS.Timeout }>();

  constructor(
    private readonly publisher: LinkClient,
    private readonly subscriber: LinkClient,
    private readonly prefix: string,
    readonly nodeId: string,
    private readonly handlers: LinkHandlers,
    private readonly logger: Logger,
  ) {}

  private channel(nodeId: string): string {
    return `${this.prefix}:node:${nodeId}`;
  }

  private get everyone(): string {
    return `${this.prefix}:all`;
  }

  async start(): Promise<void> {
    await this.subscriber.subscribe([this.channel(this.nodeId), this.everyone], (raw) => this.receive(raw));
  }

  /** Sends a request to one process; resolves with its reply, or why there is none. */
  async request(to: string, body: unknown, timeoutMs: number): Promise<LinkAnswer> {
    const id = randomUUID();
    const answer = new Promise<LinkAnswer>((resolve) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        resolve({ ok: false, reason: 'timeout' });
      }, timeoutMs);
      this.pending.set(id, { resolve, timer });
    });
    const receivers = await this.send(to, { kind: 'request', id, from: this.nodeId, body }).catch(() => 0);
    if (receivers === 0) this.settle(id, { ok: false, reason: 'gone' });
    return answer;
  }

  notify(to: string, body: unknown): void {
    void this.send(to, { kind: 'notice', from: this.nodeId, body }).catch(() => undefined);
  }

  broadcast(body: unknown): Promise<unknown> {
    return this.publisher.publish(this.everyone, JSON.stringify({ kind: 'notice', from: this.nodeId, body })).catch(() => undefined);
  }

  private send(to: string, envelope: Envelope): Promise<number> {
    return this.publisher.publish(this.channel(to), JSON.stringify(envelope));
  }

  private settle(id: string, answer: LinkAnswer): void {
    const waiting = this.pending.get(id);
    if (!waiting) return;
    this.pending.delete(id);
    clearTimeout(waiting.timer);
    waiting.resolve(answer);
  }

  private receive(raw: string): void {
    let envelope: Envelope;
    try {
      envelope = envelopeSchema.parse(JSON.parse(raw));
    } catch (error) {
      this.logger.warn({ err: error }, 'a message between server processes has no known form: ignored');
      return;
    }
    if (envelope.kind === 'reply') this.settle(envelope.id, { ok: true, body: envelope.body });
    else if (envelope.kind === 'notice') {
      if (envelope.from !== this.nodeId) this.handlers.notice(envelope.body, envelope.from);
    } else {
      const { id, from } = envelope;
      void this.handlers.request(envelope.body).then(
        (body) => this.send(from, { kind: 'reply', id, body }).catch(() => undefined),
        (error: unknown) => this.logger.error({ err: error }, 'a request from another server process failed'),
      );
    }
  }

  close(): Promise<void> {
    for (const id of [...this.pending.keys()]) this.settle(id, { ok: false, reason: 'gone' });
    return this.subscriber.unsubscribe().catch(() => undefined);
  }
}
