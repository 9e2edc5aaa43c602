/**
 * Connections per address (addressKey), counted from the handshake to the disconnect: a class
 * behind one NAT shares one address, so the cap is generous; it stops one machine from opening
 * thousands of sockets.
 */
export class ConnectionCounter {
  private readonly open = new Map<string, number>();

  constructor(private readonly maxPerAddress: number) {}

  /** Counts a new connection; false (and nothing counted) when the address is at its cap. */
  add(key: string): boolean {
    const current = this.open.get(key) ?? 0;
    if (current >= this.maxPerAddress) return false;
    this.open.set(key, current + 1);
    return true;
  }

  remove(key: string): void {
    const current = this.open.get(key) ?? 0;
    if (current <= 1) this.open.delete(key);
    else this.open.set(key, current - 1);
  }
}

/**
 * A connection refused message after message: a client that hits the rate limit now and then
 * gets `rate-limited` replies; one that keeps hammering (more than `limit` refusals within
 * `windowMs`) is a flood, and the gateway closes it so its traffic stops costing everyone else.
 */
export class FloodWatch {
  private refusals: number[] = [];

  constructor(
    private readonly limit: number,
    private readonly windowMs = 10_000,
    private readonly now: () => number = Date.now,
  ) {}

  /** Records one refusal; true when the connection has now flooded. */
  refused(): boolean {
    const now = this.now();
    this.refusals.push(now);
    if (this.refusals.length > this.limit) this.refusals = this.refusals.filter((time) => time > now - this.windowMs);
    return this.refusals.length > this.limit;
  }
}
