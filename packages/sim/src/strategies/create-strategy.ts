import { alwaysAccommodate, alwaysNo, alwaysPremium, idle, randomStrategy } from './naive-strategies.js';
import { strategist } from './strategist.js';
import type { PolicyName, Strategy } from './strategy.js';

/** A fresh benchmark player; `seed` only matters to the random strategy. */
export function createStrategy(name: PolicyName, seed = 0): Strategy {
  switch (name) {
    case 'always-accommodate':
      return alwaysAccommodate();
    case 'always-no':
      return alwaysNo();
    case 'always-premium':
      return alwaysPremium();
    case 'random':
      return randomStrategy(seed);
    case 'idle':
      return idle();
    case 'strategist':
      return strategist();
    case 'strategist-paced':
      return strategist({ decisionsPerTick: 1 });
  }
}
