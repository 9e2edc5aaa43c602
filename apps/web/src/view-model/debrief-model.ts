import {
  createStrategy,
  type DecisionCounts,
  type Game,
  playGame,
  readFigures,
  STRATEGY_LABELS,
  STRATEGY_NAMES,
  type TickRecord,
} from '@ttc/sim';
import type { DecisionRecord } from '../session/solo-session';
import { ignoredWeight, KEY_MOMENT_WEIGHT, lessonFor, lossWeight, rankMoments, type WeighedMoment, whimWeight } from './debrief-lesson';

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

/** `tick` counts hours from the start of the game; round-end moments fall after the last hour. */
function when(round: number, tick: number, ticksPerRound: number): string {
  const hour = tick - (round - 1) * ticksPerRound;
  return hour >= ticksPerRound ? `End of round ${round}` : `Round ${round}, hour ${Math.max(0, hour) + 1}`;
}

/**
 * The three most telling moments, heaviest first (debrief-lesson's weights): the simulation's key
 * moments (one of each kind), the heaviest work done for a customer who barely cared, your
 * costliest answer, and the cards left to run out. Light ones (an option use of 0.3 h) are never told.
 */
export function tellingMoments(game: Game, decisions: readonly DecisionRecord[]): TellingMoment[] {
  const team = game.state.teams[0];
  const { ticksPerRound } = game.state.config;
  const at = (record: DecisionRecord) => when(record.round, (record.round - 1) * ticksPerRound + record.tick, ticksPerRound);
  // One moment of each kind at most: a second complaint storm tells less than a first resignation.
  const seen = new Set<string>();
  const candidates: WeighedMoment[] = [...(team?.keyMoments ?? [])]
    .sort((a, b) => a.tick - b.tick)
    .filter((moment) => !seen.has(moment.kind) && seen.add(moment.kind))
    .map((moment) => ({ when: when(moment.round, moment.tick, ticksPerRound), text: moment.text, weight: KEY_MOMENT_WEIGHT[moment.kind] }));
  // Work is a moment when it was a one-off done for free or at a premium: a standard option's use is the cure, not the cause.
  const heavyWhim = [...decisions]
    .filter(
      (record) =>
        (record.outcome.resolution === 'accommodate' || record.outcome.resolution === 'premium') && record.card.demand.importance < 0.3,
    )
    .sort((a, b) => b.outcome.staffHours - a.outcome.staffHours)[0];
  if (heavyWhim)
    candidates.push({
      when: at(heavyWhim),
      text: `${heavyWhim.outcome.staffHours.toFixed(1)} staff hours on "${heavyWhim.card.categoryName}" for ${heavyWhim.card.customerName}, who barely cared.`,
      weight: whimWeight(heavyWhim.outcome.staffHours),
    });
  const costly = [...decisions]
    .filter((record) => record.outcome.resolution !== 'option')
    .sort((a, b) => a.outcome.loyaltyAfter - a.outcome.loyaltyBefore - (b.outcome.loyaltyAfter - b.outcome.loyaltyBefore))[0];
  if (costly)
    candidates.push({
      when: at(costly),
      text: `Your costliest answer: ${costly.card.customerName} (${costly.card.segmentName}) lost ${(costly.outcome.loyaltyBefore - costly.outcome.loyaltyAfter).toFixed(0)} loyalty over "${costly.card.categoryName}".`,
      weight: lossWeight(costly.outcome.loyaltyBefore - costly.outcome.loyaltyAfter),
    });
  const ignored = team?.decisions.ignored ?? 0;
  candidates.push({
    when: 'Over the game',
    text: `${ignored} customers gave up waiting: nobody answered their cards, and each cost more loyalty than a gentle no.`,
    weight: ignoredWeight(ignored),
  });
  return rankMoments(candidates);
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
  const strategist = benchmarks.find((row) => row.name === STRATEGY_LABELS.strategist);
  const team = game.state.teams[0];
  return {
    rows,
    rank,
    decisionMix,
    moments: tellingMoments(game, decisions),
    lesson: lessonFor({
      you,
      strategist,
      idle: benchmarks.find((row) => row.name === STRATEGY_LABELS.idle),
      mix: decisionMix,
      optionsBuilt: team?.options.length ?? 0,
      brokenPromises: team?.brokenPromises ?? 0,
      currency: game.scenario.currency,
    }),
  };
}
