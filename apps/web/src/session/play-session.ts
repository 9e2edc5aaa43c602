import type { Plan, ReplyOf } from '@ttc/protocol';
import type { Decision, DecisionOutcome, Scenario, TeamPlan } from '@ttc/sim';
import type { BoardCard, FigurePoint, PlayView } from '../view-model/board-view';
import type { MissedExplanation } from '../view-model/explain-missed';
import type { SoloRecord } from './solo-record';

/** Something the operations screen should show or say, produced as time passes or news arrives. */
export type PlayEvent =
  /** An event started for this team: the banner. */
  | { kind: 'event'; name: string; description: string }
  /** A line for the log only. */
  | { kind: 'log'; text: string }
  /** Something the team let happen (a card nobody answered in time, a promise broken), for the feedback panel; its log line comes as well. */
  | { kind: 'missed'; explanation: MissedExplanation }
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
  /** Lets up to `maxHours` pass at once until a customer waits (the guided first round starts with one). */
  runUntilCustomers(maxHours: number): void;
}

/** The answer to committing a plan: in solo play the next round starts; in a class the trainer starts it. */
export type PlanReply = { ok: true; nextRoundStarted: boolean } | { ok: false; message: string };

/** What a class's team shares while planning: members' proposals, who committed, and news of both. */
export interface TeamPlanning {
  readonly playerName: string;
  proposals(): Proposal[];
  /** Who committed the team's plan this round, when someone has. */
  committedBy(): string | undefined;
  propose(plan: Plan): Promise<ReplyOf<'proposePlan'>>;
  /** Calls the listener whenever something the screens draw changed; returns the unsubscribe. */
  onChange(listener: () => void): () => void;
}

/** A teammate's draft plan. */
export interface Proposal {
  playerId: string;
  by: string;
  plan: Plan;
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
  /** The guided first round is wanted (solo practice only). */
  readonly tutorial: boolean;
  /** Only in a class: the team plans together. */
  readonly teamPlanning: TeamPlanning | undefined;
  /** Only in solo play: the game as its debrief needs it. */
  readonly record: SoloRecord | undefined;
  /** Who sits here, in a class ("Team 2 · you are Ada"); undefined in solo play. */
  seatLabel(): string | undefined;
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
  /** Commits the plan for the next round, all or nothing. */
  commitPlan(plan: TeamPlan): Promise<PlanReply>;
}
