import {
  createStrategy,
  type DecisionCounts,
  type Game,
  type KeyMoment,
  playGame,
  readFigures,
  STRATEGY_LABELS,
  STRATEGY_NAMES,
  type TickRecord,
} from '@ttc/sim';
import type { DecisionRecord } from '../session/solo-session';
import { money } from './format';

export interface DebriefRow {
  name: string;
  you: boolean;
  profitCents: number;
  exhaustion: number;
  loyalty: number;
  balancedScore: number;
  staffLost: number;
  history: TickRecord[];
}

export interface TellingMoment {
  when: string;
  text: string;
}

export interface DebriefModel {
  rows: DebriefRow[];
  /** Your place on balanced score among you and the six benchmarks (1 = best). */
  rank: number;
  decisionMix: DecisionCounts;
  moments: TellingMoment[];
  lesson: string;
}

/** One team's final figures and history (team 0 in a solo game; any team in a classroom replay). */
export function rowOf(game: Game, name: string, you: boolean, teamIndex = 0): DebriefRow {
  const figures = readFigures(game, teamIndex);
  const team = game.state.teams[teamIndex];
  if (!figures || !team) throw new Error(`no team ${teamIndex}`);
  return {
    name,
    you,
    profitCents: figures.profitCents,
    exhaustion: figures.exhaustion.mean,
    loyalty: figures.loyalty,
    balancedScore: figures.balancedScore,
    staffLost: figures.staffLost,
    history: team.history,
  };
}

/**
 * Every benchmark strategy plays your seed, your scenario and your game length — or fewer
 * rounds, when the game was stopped early, so they are compared over the same stretch.
 */
export function benchmarkRows(game: Game, rounds = game.state.config.rounds): DebriefRow[] {
  const { config } = game.state;
  return STRATEGY_NAMES.map((name) => {
    const played = playGame({ scenario: game.scenario, seed: config.seed, rounds, ticksPerRound: config.ticksPerRound }, [
      createStrategy(name, config.seed),
    ]);
    return rowOf(played.game, STRATEGY_LABELS[name], false);
  });
}

const MOMENT_PRIORITY: KeyMoment['kind'][] = [
  'first-resignation',
  'complaint-storm',
  'broken-promise',
  'cash-crisis',
  'exhaustion-high',
  'option-live',
  'resignation',
  'event',
];

/** `tick` counts hours from the start of the game; round-end moments fall after the last hour. */
function when(round: number, tick: number, ticksPerRound: number): string {
  const hour = tick - (round - 1) * ticksPerRound;
  return hour >= ticksPerRound ? `End of round ${round}` : `Round ${round}, hour ${Math.max(0, hour) + 1}`;
}

/** The three most telling moments: the simulation's key moments first, then your costliest decisions. */
export function tellingMoments(game: Game, decisions: readonly DecisionRecord[]): TellingMoment[] {
  const team = game.state.teams[0];
  const { ticksPerRound } = game.state.config;
  // One moment of each kind at most: a second complaint storm tells less than a first resignation.
  const seen = new Set<string>();
  const marked = [...(team?.keyMoments ?? [])]
    .sort((a, b) => MOMENT_PRIORITY.indexOf(a.kind) - MOMENT_PRIORITY.indexOf(b.kind) || a.tick - b.tick)
    .filter((moment) => !seen.has(moment.kind) && seen.add(moment.kind))
    .slice(0, 2)
    .map((moment) => ({ when: when(moment.round, moment.tick, ticksPerRound), text: moment.text, tick: moment.tick }));
  const costly = [...decisions]
    .filter((record) => record.outcome.resolution !== 'option')
    .sort((a, b) => a.outcome.loyaltyAfter - a.outcome.loyaltyBefore - (b.outcome.loyaltyAfter - b.outcome.loyaltyBefore))[0];
  const heavyWhim = [...decisions]
    .filter((record) => record.outcome.staffHours > 0 && record.card.demand.importance < 0.3)
    .sort((a, b) => b.outcome.staffHours - a.outcome.staffHours)[0];
  const extra: TellingMoment[] = [];
  if (heavyWhim) {
    extra.push({
      when: when(heavyWhim.round, (heavyWhim.round - 1) * ticksPerRound + heavyWhim.tick, ticksPerRound),
      text: `${heavyWhim.outcome.staffHours.toFixed(1)} staff hours on "${heavyWhim.card.categoryName}" for ${heavyWhim.card.customerName}, who barely cared.`,
    });
  }
  if (costly && costly.outcome.loyaltyAfter < costly.outcome.loyaltyBefore) {
    extra.push({
      when: when(costly.round, (costly.round - 1) * ticksPerRound + costly.tick, ticksPerRound),
      text: `Your costliest answer: ${costly.card.customerName} (${costly.card.segmentName}) lost ${(costly.outcome.loyaltyBefore - costly.outcome.loyaltyAfter).toFixed(0)} loyalty over "${costly.card.categoryName}".`,
    });
  }
  return [...marked.map(({ when: at, text }) => ({ when: at, text })), ...extra].slice(0, 3);
}

/** One paragraph, chosen from how your game actually went against the benchmarks. */
export function lessonFor(
  you: DebriefRow,
  strategist: DebriefRow | undefined,
  mix: DecisionCounts,
  optionsBuilt: number,
  currency: string,
): string {
  const total = Math.max(1, mix.accommodate + mix.premium + mix.option + mix.no + mix.ignored);
  if (you.exhaustion > 45 || you.staffLost > 0) {
    return `Saying yes to almost everything wore your staff out (average exhaustion ${Math.round(you.exhaustion)}${you.staffLost > 0 ? `, ${you.staffLost} resigned` : ''}). Tired people make mistakes and mistakes cost loyalty: the spiral. Look at which requests come back again and again from customers who matter, turn those into standard options, and let the rest go gently.`;
  }
  if ((mix.no + mix.ignored) / total > 0.45) {
    return `Declining most requests kept your staff fresh but cost you loyalty (${Math.round(you.loyalty)}) and reputation. A "no" is right for costly whims from customers who add little, not for what valuable customers need. Build options for the frequent, valued asks and offer those instead.`;
  }
  if (optionsBuilt === 0) {
    return `You handled each request one by one. The round reports showed some requests arriving again and again: a standard option for those serves many customers with little staff time and earns its price. That is how the strategist ${strategist ? `reached ${Math.round(strategist.balancedScore)} points` : 'scores'}.`;
  }
  if (strategist && you.balancedScore >= strategist.balancedScore) {
    return `You matched or beat the strategist: options for the shared needs, premiums where customers value the extra, and gentle noes for whims. Your profit was ${money(you.profitCents, currency, false)} with rested staff and loyal customers — the balance the game is about.`;
  }
  return `You built options and balanced the three figures${strategist ? `, ending ${Math.round(strategist.balancedScore - you.balancedScore)} points behind the strategist` : ''}. Check the round reports for the next most frequent valued request, price premiums for what customers value, and keep exhaustion low before it turns into mistakes.`;
}

export function debriefModel(
  game: Game,
  decisions: readonly DecisionRecord[],
  benchmarks: DebriefRow[] = benchmarkRows(game),
): DebriefModel {
  const you = rowOf(game, 'You', true);
  const rows = [you, ...benchmarks];
  const rank = 1 + benchmarks.filter((row) => row.balancedScore > you.balancedScore).length;
  const decisionMix = { ...(game.state.teams[0]?.decisions ?? { accommodate: 0, premium: 0, option: 0, no: 0, ignored: 0 }) };
  const strategist = benchmarks.find((row) => row.name === 'Strategist');
  return {
    rows,
    rank,
    decisionMix,
    moments: tellingMoments(game, decisions),
    lesson: lessonFor(you, strategist, decisionMix, game.state.teams[0]?.options.length ?? 0, game.scenario.currency),
  };
}
