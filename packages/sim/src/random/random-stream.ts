import { xoroshiro128plus, xoroshiro128plusFromState } from 'pure-rand/generator/xoroshiro128plus';
import type { JumpableRandomGenerator } from 'pure-rand/types/JumpableRandomGenerator';

/**
 * The serialisable state of one random stream. It lives inside the game state so that
 * the simulation stays a pure function of (scenario, seed, command log).
 */
export type RandomStreamState = number[];

/** The independent streams a game draws from; each has its own place in the seed's sequence. */
export const STREAM_KINDS = ['arrivals', 'outcomes', 'staff', 'events', 'customers'] as const;
export type StreamKind = (typeof STREAM_KINDS)[number];

const TWO_POW_32 = 0x1_0000_0000;

/**
 * A seeded stream of random numbers. Streams of different kinds start 2^64 steps apart
 * (xoroshiro128+ jumps), so what one stream draws never shifts another: a team's customer
 * demands do not depend on how many premium offers were accepted.
 */
export class RandomStream {
  private constructor(private readonly generator: JumpableRandomGenerator) {}

  static seeded(seed: number, kind: StreamKind): RandomStream {
    const generator = xoroshiro128plus(seed | 0);
    const jumps = STREAM_KINDS.indexOf(kind) + 1;
    for (let i = 0; i < jumps; i++) generator.jump();
    return new RandomStream(generator);
  }

  static restore(state: RandomStreamState): RandomStream {
    return new RandomStream(xoroshiro128plusFromState(state));
  }

  save(): RandomStreamState {
    return [...this.generator.getState()];
  }

  /** Uniform in [0, 1). */
  float(): number {
    return (this.generator.next() >>> 0) / TWO_POW_32;
  }

  /** Uniform integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.float() * (max - min + 1));
  }

  chance(probability: number): boolean {
    return this.float() < probability;
  }

  /** Poisson-distributed count (Knuth's method: fine for the small rates used per tick). */
  poisson(rate: number): number {
    if (rate <= 0) return 0;
    const limit = Math.exp(-Math.min(rate, 30));
    let count = 0;
    let product = this.float();
    while (product > limit) {
      count++;
      product *= this.float();
    }
    return count;
  }

  /** Index drawn with probability proportional to its weight; -1 when all weights are zero. */
  pickWeighted(weights: readonly number[]): number {
    let total = 0;
    for (const weight of weights) total += weight;
    if (total <= 0) return -1;
    let target = this.float() * total;
    for (let i = 0; i < weights.length; i++) {
      target -= weights[i] ?? 0;
      if (target < 0) return i;
    }
    return weights.length - 1;
  }
}
