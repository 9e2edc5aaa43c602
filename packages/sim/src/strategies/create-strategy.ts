import { alwaysAccommodate, alwaysNo, alwaysPremium, randomStrategy } from './naive-strategies.js';
import { strategist } from './strategist.js';
import type { Strategy, StrategyName } from './strategy.js';

/** A fresh benchmark player; `seed` only matters to the random strategy. */
export function createStrategy(name: StrategyName, seed = 0): Strategy {
  switch (name) {
    case 'always-accommodate':
      return alwaysAccommodate();
    case 'always-no':
      return alwaysNo();
    case 'always-premium':
      return alwaysPremium();
    case 'random':
      return randomStrategy(seed);
    case 'strategist':
      return strategist();
  }
}
