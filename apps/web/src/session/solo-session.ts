import {
  applyCommand,
  applyPlan,
  type Command,
  type CommandResult,
  createGame,
  type Decision,
  type DecisionOutcome,
  type Game,
  gameLogOf,
  type Outcome,
  type PlanResult,
  type Scenario,
  type TeamPlan,
  type TeamView,
  teamView,
} from '@ttc/sim';
import { forgetSavedGame, type SavedGame, saveGame } from '../storage/saved-game';
import type { FigurePoint } from '../view-model/board-view';
import { explainBrokenPromise, explainIgnored } from '../view-model/explain-missed';
import { hourOf } from '../view-model/format';
import type { DecideReply, LocalClock, PlanReply, PlayEvent, PlaySession } from './play-session';
import type { DecisionRecord, GameLength, SoloRecord, SoloSettings } from './solo-record';

export type Speed = 1 | 2 | 4;
export type { DecisionRecord, GameLength, SoloSettings } from './solo-record';

/**
 * Real milliseconds per simulated hour at ×1. About 2.6 cards an hour arrive without options and
 * about one with options on the frequent requests (docs/playing.md, "Pace"): a person who decides
 * a card every 3–4 s keeps up at 4 s an hour only once those options are live.
 */
export const TICK_MS = 4000;

/** The largest seed a solo game takes, typed or drawn (a 31-bit integer, as the host settings' schema allows). */
export const MAX_SEED = 2_147_483_647;

/** A new game's seed. Seeds only need to differ between games; the simulation itself never sees Math.random. */
export function randomSeed(): number {
  return Math.floor(Math.random() * 1_000_000);
}

export function roundsAndTicks(scenario: Scenario, length: GameLength): { rounds: number; ticksPerRound: number } {
  return length === 'short' ? { rounds: 3, ticksPerRound: 12 } : { rounds: scenario.rounds, ticksPerRound: scenario.ticksPerRound };
}

/**
 * One solo game in the browser: the simulation, a clock that drives its ticks, and the log of
 * accepted commands. It holds no rules: every change goes through the simulation's commands.
 */
export class SoloSession implements PlaySession, LocalClock, SoloRecord {
  readonly mode = 'solo';
  readonly teamPlanning = undefined;
  readonly game: Game;
  readonly commands: Command[] = [];
  readonly decisions: DecisionRecord[] = [];
  speed: Speed = 1;
  paused = false;
  /** Time is held while something must be read first (the tutorial, a round report). */
  held = false;
  private elapsed = 0;
  /** The cards as last drawn: a card that runs out is explained with what its card showed. */
  private lastView: TeamView | undefined;

  /**
   * @param keep whether the game is kept in this browser as it goes, to be resumed after a
   *   reload (off while a saved game is being replayed, and in tests without a browser).
   */
  constructor(
    readonly settings: SoloSettings,
    private keep = true,
  ) {
    this.game = createGame({
      scenario: settings.scenario,
      seed: settings.seed,
      teams: 1,
      ...roundsAndTicks(settings.scenario, settings.length),
      teamNames: ['You'],
    });
    this.save();
  }

  /**
   * Rebuilds a kept game by replaying its log through the simulation. Undefined when the log
   * does not replay (written by another version of the rules), which the caller reports.
   */
  static resume(saved: SavedGame): SoloSession | undefined {
    const { log } = saved;
    const settings: SoloSettings = {
      scenario: log.scenario,
      seed: log.seed,
      length: saved.length,
      feedback: saved.feedback,
      tutorial: false,
    };
    const expected = roundsAndTicks(log.scenario, saved.length);
    if (expected.rounds !== log.rounds || expected.ticksPerRound !== log.ticksPerRound) return undefined;
    const session = new SoloSession(settings, false);
    for (const command of log.commands) {
      const result = command.type === 'decide' ? session.decide(command.demandId, command.decision).result : session.apply(command);
      if (!result.ok) return undefined;
    }
    session.keep = true;
    // Back after a reload: the clock waits until the player is ready.
    session.paused = session.state.phase === 'operations';
    return session;
  }

  /** Keeps the game in this browser (see storage/saved-game); a finished game is forgotten. */
  private save(): void {
    if (!this.keep) return;
    const { state } = this;
    if (state.phase === 'ended') {
      forgetSavedGame();
      return;
    }
    saveGame({
      length: this.settings.length,
      feedback: this.settings.feedback,
      round: state.round,
      hour: hourOf(state.tick, state.config.ticksPerRound),
      phase: state.phase,
      savedAt: new Date().toISOString(),
      log: gameLogOf(this.game, this.commands),
    });
  }

  get scenario(): Scenario {
    return this.game.scenario;
  }

  get state() {
    return this.game.state;
  }

  get feedback(): boolean {
    return this.settings.feedback;
  }

  set feedback(on: boolean) {
    this.settings.feedback = on;
  }

  /** The solo player holds the clock. */
  get clock(): LocalClock {
    return this;
  }

  get tutorial(): boolean {
    return this.settings.tutorial;
  }

  /** The game, its log and its decisions: the debrief's. */
  get record(): SoloRecord {
    return this;
  }

  /** A solo player sits alone: nothing to say beside the scenario's name. */
  seatLabel(): undefined {
    return undefined;
  }

  runUntilCustomers(maxHours: number): void {
    for (let hour = 0; hour < maxHours && this.view().cards.length === 0; hour++) this.apply({ type: 'tick' });
  }

  view(): TeamView {
    const view = teamView(this.game, 0);
    if (!view) throw new Error('a solo game has team 0');
    this.lastView = view;
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

  /** The player's whole plan for the next round, all or nothing (the simulation's applyPlan); the next round does not start yet. */
  applyPlan(plan: TeamPlan): PlanResult {
    const result = applyPlan(this.game, 0, plan);
    if (result.ok) {
      this.commands.push(...result.commands);
      this.save();
    }
    return result;
  }

  /** The whole plan, then the next round at once: a solo player is the whole team. */
  commitPlan(plan: TeamPlan): Promise<PlanReply> {
    const result = this.applyPlan(plan);
    if (!result.ok) return Promise.resolve({ ok: false, message: result.rejection.reason });
    this.apply({ type: 'startRound' });
    return Promise.resolve({ ok: true, nextRoundStarted: true });
  }

  apply(command: Command): CommandResult {
    const result = applyCommand(this.game, command);
    if (result.ok) {
      this.commands.push(command);
      this.save();
    }
    return result;
  }

  cycleSpeed(): Speed {
    this.speed = this.speed === 1 ? 2 : this.speed === 2 ? 4 : 1;
    return this.speed;
  }

  // ——— PlaySession: what the operations screen needs ———————————————

  advance(deltaMs: number): PlayEvent[] {
    const events: PlayEvent[] = [];
    for (const outcome of this.update(deltaMs)) {
      if (outcome.kind === 'event-started') {
        const event = this.scenario.events.find((candidate) => candidate.id === outcome.eventId);
        if (event) events.push({ kind: 'event', name: event.name, description: event.description });
      } else if (outcome.kind === 'decision' && outcome.resolution === 'ignored') {
        const card = this.lastView?.cards.find((candidate) => candidate.demand.id === outcome.demandId);
        const customer = this.state.teams[0]?.customers[outcome.customerId];
        const names = {
          customerName: customer?.name ?? 'A customer',
          categoryName: this.scenario.categories[outcome.category]?.name ?? 'a request',
          previews: card?.previews,
        };
        const explanation = explainIgnored(outcome.loyaltyAfter - outcome.loyaltyBefore, names);
        events.push({ kind: 'log', text: explanation.log }, { kind: 'missed', explanation });
      } else if (outcome.kind === 'broken-promise') {
        const customer = outcome.customerId === null ? undefined : this.state.teams[0]?.customers[outcome.customerId];
        const broken = {
          ...outcome,
          customerName: customer?.name ?? 'A customer',
          categoryName: this.scenario.categories[outcome.category]?.name ?? 'a request',
          loyaltyChange: outcome.loyaltyAfter - outcome.loyaltyBefore,
        };
        const explanation = explainBrokenPromise(broken, this.scenario.currency);
        events.push({ kind: 'log', text: explanation.log }, { kind: 'missed', explanation });
      } else if (outcome.kind === 'round-ended') {
        events.push({ kind: 'round-ended', round: outcome.round, gameEnded: outcome.gameEnded });
        // Nothing after the round's end belongs to the operations screen.
        break;
      }
    }
    return events;
  }

  clockLabel(): string {
    return this.paused ? '❚❚ Paused' : this.held ? '❚❚ Tutorial' : `▶ ×${this.speed}`;
  }

  statusExtra(): string {
    return this.paused ? 'Paused' : `Speed ×${this.speed}`;
  }

  recentFigures(): FigurePoint[] {
    return this.state.teams[0]?.history.slice(-48) ?? [];
  }

  /** A solo player is the whole team. */
  teamFeed(): readonly string[] {
    return [];
  }

  /** Solo cards carry their previews already. */
  select(_demandId: number): void {}

  decideCard(demandId: number, decision: Decision): Promise<DecideReply> {
    const { record, result } = this.decide(demandId, decision);
    if (record) return Promise.resolve({ ok: true, outcome: record.outcome, card: record.card });
    return Promise.resolve({ ok: false, message: result.ok ? 'Nothing happened.' : result.rejection.reason, gentle: false });
  }
}

/** A new solo game, as the screens see it. */
export function newSoloGame(settings: SoloSettings): PlaySession {
  return new SoloSession(settings);
}

/** A solo game kept in this browser, rebuilt from its log; undefined when it no longer replays. */
export function resumeSoloGame(saved: SavedGame): PlaySession | undefined {
  return SoloSession.resume(saved);
}
