import type { Decision, DecisionOutcome, Scenario } from '@ttc/sim';
import type { BoardCard, FigurePoint, PlayView } from '../view-model/board-view';

/** Something the operations screen should show or say, produced as time passes or news arrives. */
export type PlayEvent =
  /** An event started for this team: the banner. */
  | { kind: 'event'; name: string; description: string }
  /** A line for the log only (a demand nobody answered in time). */
  | { kind: 'log'; text: string }
  /** The round (or the game) is over. Only a solo game moves on by itself; a class follows its trainer. */
  | { kind: 'round-ended'; round: number; gameEnded: boolean };

/** The answer to a decision: what happened, or why it did not. */
export type DecideReply =
  | { ok: true; outcome: DecisionOutcome; card: BoardCard }
  /** gentle: a teammate was first, nothing went wrong. */
  | { ok: false; message: string; gentle: boolean };

/** The clock a solo player holds: pause, speed, and holding time while something is read. */
export interface LocalClock {
  paused: boolean;
  held: boolean;
  readonly speed: number;
  cycleSpeed(): number;
}

/**
 * What the operations and planning screens play: a solo game in the browser, or a team's seat
 * in a class run by the server. The screens draw `view()` and send decisions through here, so
 * they do not care where the simulation runs.
 */
export interface PlaySession {
  readonly mode: 'solo' | 'class';
  readonly scenario: Scenario;
  /** Explain each decision after it is made (the F key). */
  feedback: boolean;
  /** Only in solo play: a class's clock belongs to the trainer. */
  readonly clock: LocalClock | undefined;
  view(): PlayView;
  /** Moves time on (solo) or collects what arrived (class); returns what the screen should show. */
  advance(deltaMs: number): PlayEvent[];
  /** Share of the current hour that has passed, for a smooth clock bar. */
  tickProgress(): number;
  /** Beside the clock: "▶ ×2", "❚❚ Paused", "❚❚ Paused by your trainer". */
  clockLabel(): string;
  /** The last part of the status line: "Speed ×2", "Paused", "Paused by your trainer". */
  statusExtra(): string;
  /** The figures over the last hours, oldest first, for the sparklines. */
  recentFigures(): FigurePoint[];
  /** The team's latest decisions with who made them, newest last (empty in solo play). */
  teamFeed(): readonly string[];
  /** The player selected a card (a class asks the server for its previews). */
  select(demandId: number): void;
  decideCard(demandId: number, decision: Decision): Promise<DecideReply>;
}
