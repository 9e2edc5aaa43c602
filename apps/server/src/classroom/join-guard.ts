/**
 * Join codes are guessed, never refused when right. Each address (addressKey: IPv4 address or
 * IPv6 /64) has a bucket of wrong-code allowances: `burst` to start with, refilled at `perMinute`.
 * A join attempt takes one allowance before its code is looked at and gives it back when the code
 * was right. With the bucket empty, the address's attempts wait in line for the next allowance
 * instead of being refused: behind a school's NAT a classmate's typos cost a learner with the
 * right code a few seconds at most, while a guesser gets `perMinute` guesses a minute per
 * address whatever they do. docs/server.md has the arithmetic.
 */
export class JoinGuard {
  private readonly buckets = new Map<string, { tokens: number; at: number; line: Promise<void>; waiting: number }>();

  constructor(
    private readonly burst: number,
    private readonly perMinute: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Resolves when the attempt may look at its code; it has then spent one allowance. */
  async admit(key: string): Promise<void> {
    const bucket = this.bucket(key);
    if (bucket.waiting === 0 && this.refill(bucket) >= 1) {
      bucket.tokens -= 1;
      return;
    }
    bucket.waiting++;
    const turn = bucket.line.then(async () => {
      const missing = 1 - this.refill(bucket);
      if (missing > 0) await new Promise((resolve) => setTimeout(resolve, Math.ceil((missing * 60_000) / this.perMinute)));
      this.refill(bucket);
      bucket.tokens -= 1;
    });
    bucket.line = turn;
    try {
      await turn;
    } finally {
      bucket.waiting--;
    }
  }

  /** The code was right: the attempt costs nothing. */
  refund(key: string): void {
    const bucket = this.buckets.get(key);
    if (bucket) bucket.tokens = Math.min(this.burst, bucket.tokens + 1);
  }

  /** Forgets addresses whose bucket is full again, so the map does not grow with every visitor. */
  sweep(): void {
    for (const [key, bucket] of this.buckets) if (bucket.waiting === 0 && this.refill(bucket) >= this.burst) this.buckets.delete(key);
  }

  private bucket(key: string) {
    let bucket = this.buckets.get(key);
    if (!bucket) {
      bucket = { tokens: this.burst, at: this.now(), line: Promise.resolve(), waiting: 0 };
      this.buckets.set(key, bucket);
    }
    return bucket;
  }

  private refill(bucket: { tokens: number; at: number }): number {
    const now = this.now();
    bucket.tokens = Math.min(this.burst, bucket.tokens + ((now - bucket.at) / 60_000) * this.perMinute);
    bucket.at = now;
    return bucket.tokens;
  }
}
