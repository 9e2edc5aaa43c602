import type { Command } from '../commands/command-schema.js';
import type { TeamView } from '../figures/team-view.js';
import { RandomStream } from '../random/random-stream.js';
import type { Decision } from '../state/game-state.js';
import type { Strategy, StrategyName } from './strategy.js';

function decideAll(view: TeamView, decision: Decision): Command[] {
  return view.cards.map((card) => ({ type: 'decide', team: view.team, demandId: card.demand.id, decision }));
}

function always(name: StrategyName, decision: Decision): Strategy {
  return { name, operate: (view) => decideAll(view, decision), plan: () => [] };
}

/** "The customer is always right": every request done for free, no planning. */
export const alwaysAccommodate = (): Strategy => always('always-accommodate', 'accommodate');
/** Declines everything politely, no planning. */
export const alwaysNo = (): Strategy => always('always-no', 'no');
/** Offers every request at the premium price, no planning. */
export const alwaysPremium = (): Strategy => always('always-premium', 'premium');

/** Decides nothing and plans nothing: every card expires (Littlefield's do-nothing team). */
export const idle = (): Strategy => ({ name: 'idle', operate: () => [], plan: () => [] });

/** Picks uniformly among the decisions open on each card, from its own seeded stream. */
export function randomStrategy(seed: number): Strategy {
  const stream = RandomStream.seeded(seed ^ 0x5eed, 'events');
  return {
    name: 'random',
    operate: (view) =>
      view.cards.map((card) => {
        const open: Decision[] = card.previews.option.available
          ? ['accommodate', 'premium', 'option', 'no']
          : ['accommodate', 'premium', 'no'];
        return { type: 'decide', team: view.team, demandId: card.demand.id, decision: open[stream.int(0, open.length - 1)] ?? 'no' };
      }),
    plan: () => [],
  };
}
