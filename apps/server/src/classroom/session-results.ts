import { type ClassResults, type ResultRow, replaySessionLog, roundsReachedIn, type SessionLog } from '@ttc/protocol';
import {
  createGame,
  createStrategy,
  type Game,
  readFigures,
  type Scenario,
  STRATEGY_LABELS,
  STRATEGY_NAMES,
  stepWithStrategies,
  type TeamFigures,
} from '@ttc/sim';

// A class's results for the export: one row per team and round, the figures at the round's end
// and what was decided in it, beside the benchmark strategies on the same seed. A round the
// trainer cut short has its row too, marked as not complete. Rebuilt from the session's record,
// so the export says exactly what the debrief shows.

type RowStart = Pick<ResultRow, 'kind' | 'team' | 'name' | 'players'>;

const money = (cents: number) => Math.round(cents) / 100;
const oneDecimal = (value: number) => Math.round(value * 10) / 10;

/** A row from a team's figures at the end of a round and at the end of the round before. */
function rowOf(
  start: RowStart,
  now: TeamFigures,
  before: TeamFigures | undefined,
  round: number,
  complete: boolean,
  hours: number,
  currency: string,
): ResultRow {
  const since = (pick: (figures: TeamFigures) => number) => pick(now) - (before ? pick(before) : 0);
  return {
    ...start,
    round,
    roundComplete: complete,
    hoursPlayed: hours,
    currency,
    profit: money(now.profitCents),
    revenue: money(since((figures) => figures.revenueCents)),
    costs: money(since((figures) => figures.costsCents)),
    exhaustion: oneDecimal(now.exhaustion.current),
    exhaustionOverGame: oneDecimal(now.exhaustion.mean),
    loyalty: oneDecimal(now.loyalty),
    reputation: oneDecimal(now.reputation),
    balancedScore: oneDecimal(now.balancedScore),
    accommodate: since((figures) => figures.decisions.accommodate),
    premium: since((figures) => figures.decisions.premium),
    option: since((figures) => figures.decisions.option),
    no: since((figures) => figures.decisions.no),
    ignored: since((figures) => figures.decisions.ignored),
    selfService: since((figures) => figures.selfServiceUses),
    complaints: since((figures) => figures.complaints),
    staffResigned: since((figures) => figures.staffLost),
    customersActive: now.customersActive,
  };
}

/**
 * Watches a game being played and keeps each team's figures at every round's end. `finish`
 * adds the round in progress when play stopped during its operations (the trainer ended early).
 */
class RoundRecorder {
  private readonly ends: TeamFigures[][] = [];
  private readonly starts: RowStart[];

  constructor(starts: RowStart[]) {
    this.starts = starts;
  }

  /** Call after every step: a round has ended when operations gave way to planning or the end. */
  step(game: Game, phaseBefore: Game['state']['phase']): void {
    if (phaseBefore === 'operations' && game.state.phase !== 'operations') this.ends.push(this.figures(game));
  }

  private figures(game: Game): TeamFigures[] {
    return this.starts.map((_, index) => readFigures(game, index) as TeamFigures);
  }

  rows(game: Game, currency: string): ResultRow[] {
    const { tick, phase, round } = game.state;
    const { ticksPerRound } = game.state.config;
    const snapshots = this.ends.map((figures, index) => ({ figures, round: index + 1, complete: true, hours: ticksPerRound }));
    if (phase === 'operations' && tick > 0) snapshots.push({ figures: this.figures(game), round, complete: false, hours: tick });
    return this.starts.flatMap((start, team) =>
      snapshots.map((snapshot, index) =>
        rowOf(
          start,
          snapshot.figures[team] as TeamFigures,
          snapshots[index - 1]?.figures[team],
          snapshot.round,
          snapshot.complete,
          snapshot.hours,
          currency,
        ),
      ),
    );
  }
}

/** Each benchmark strategy alone on the class's scenario, seed and round length, for `rounds` whole rounds. */
export function benchmarkResults(scenario: Scenario, seed: number, rounds: number, ticksPerRound: number): ResultRow[] {
  return STRATEGY_NAMES.flatMap((name) => {
    const game = createGame({ scenario, seed, rounds, ticksPerRound });
    const recorder = new RoundRecorder([{ kind: 'benchmark', team: '', name: STRATEGY_LABELS[name], players: name }]);
    const strategies = [createStrategy(name, seed)];
    while (game.state.phase !== 'ended') {
      const before = game.state.phase;
      stepWithStrategies(game, strategies, []);
      recorder.step(game, before);
    }
    return recorder.rows(game, scenario.currency);
  });
}

/** The class's results from its record: every team's rounds, then the benchmarks. */
export function sessionResults(log: SessionLog, scenario: Scenario): ClassResults {
  const teams = log.teamNames.map((name, team) => {
    const players = log.players.filter((player) => player.team === team && !player.removed).map((player) => player.name);
    return { team: team + 1, name, players, bot: players.length === 0 && log.settings.botsForEmptyTeams };
  });
  const recorder = new RoundRecorder(
    teams.map((team) => ({
      kind: 'team' as const,
      team: team.team,
      name: team.name,
      players: team.players.length > 0 ? team.players.join('; ') : team.bot ? 'bot' : 'nobody',
    })),
  );
  const game = replaySessionLog(log, scenario, ({ game: played, before }) => recorder.step(played, before.phase));
  const roundsReached = roundsReachedIn(game);
  const endedEarly = log.status === 'ended' && game.state.phase !== 'ended';
  return {
    sessionId: log.sessionId,
    joinCode: log.joinCode,
    scenarioId: log.scenarioId,
    seed: log.seed,
    status: log.status,
    rounds: log.settings.rounds,
    hoursPerRound: log.settings.ticksPerRound,
    roundsReached,
    endedEarly,
    currency: scenario.currency,
    teams,
    rows: [...recorder.rows(game, scenario.currency), ...benchmarkResults(scenario, log.seed, roundsReached, log.settings.ticksPerRound)],
  };
}
