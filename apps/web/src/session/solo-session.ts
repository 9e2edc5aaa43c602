import {
  applyCommand,
  type CardView,
  type Command,
  type CommandResult,
  createGame,
  type Decision,
  type DecisionOutcome,
  type Game,
  type Outcome,
  type Scenario,
  type TeamView,
  teamView,
} from '@ttc/sim';

export type GameLength = 'short' | 'full';
export type Speed = 1 | 2 | 4;

export interface SoloSettings {
  scenario: Scenario;
  seed: number;
  length: GameLength;
  feedback: boolean;
  tutorial: boolean;
}

/** Real milliseconds per simulated hour at ×1. */
export const TICK_MS = 3000;

export function roundsAndTicks(scenario: Scenario, length: GameLength): { rounds: number; ticksPerRound: number } {
  return length === 'short' ? { rounds: 3, ticksPerRound: 12 } : { rounds: scenario.rounds, ticksPerRound: scenario.ticksPerRound };
}

export interface DecisionRecord {
  round: number;
  tick: number;
  outcome: DecisionOutcome;
  card: CardView;
}

/**
 * One solo game in the browser: the simulation, a clock that drives its ticks, and the log of
 * accepted commands. It holds no rules: every change goes through the simulation's commands.
 */
export class SoloSession {
  readonly game: Game;
  readonly commands: Command[] = [];
  readonly decisions: DecisionRecord[] = [];
  speed: Speed = 1;
  paused = false;
  /** Time is held while something must be read first (the tutorial, a round report). */
  held = false;
  private elapsed = 0;

  constructor(readonly settings: SoloSettings) {
    this.game = createGame({
      scenario: settings.scenario,
      seed: settings.seed,
      teams: 1,
      ...roundsAndTicks(settings.scenario, settings.length),
      teamNames: ['You'],
    });
  }

  get scenario(): Scenario {
    return this.game.scenario;
  }

  get state() {
    return this.game.state;
  }

  view(): TeamView {
    const view = teamView(this.game, 0);
    if (!view) throw new Error('a solo game has team 0');
    return view;
  }

  /** Advances the clock by real time; returns the outcomes of any ticks that passed. */
  update(deltaMs: number): Outcome[] {
    if (this.state.phase !== 'operations' || this.paused || this.held) return [];
    this.elapsed += deltaMs * this.speed;
    const outcomes: Outcome[] = [];
    while (this.elapsed >= TICK_MS && this.state.phase === 'operations') {
      this.elapsed -= TICK_MS;
      const result = this.apply({ type: 'tick' });
      if (result.ok) outcomes.push(...result.outcomes);
    }
    if (this.state.phase !== 'operations') this.elapsed = 0;
    return outcomes;
  }

  /** Share of the current tick that has passed, for a smooth clock. */
  tickProgress(): number {
    return Math.min(1, this.elapsed / TICK_MS);
  }

  decide(demandId: number, decision: Decision): { record?: DecisionRecord; result: CommandResult } {
    const card = this.view().cards.find((candidate) => candidate.demand.id === demandId);
    const result = this.apply({ type: 'decide', team: 0, demandId, decision });
    const outcome = result.ok ? result.outcomes.find((item): item is DecisionOutcome => item.kind === 'decision') : undefined;
    if (!card || !outcome) return { result };
    const record: DecisionRecord = { round: this.state.round, tick: this.state.tick, outcome, card };
    this.decisions.push(record);
    return { record, result };
  }

  apply(command: Command): CommandResult {
    const result = applyCommand(this.game, command);
    if (result.ok) this.commands.push(command);
    return result;
  }

  cycleSpeed(): Speed {
    this.speed = this.speed === 1 ? 2 : this.speed === 2 ? 4 : 1;
    return this.speed;
  }
}
