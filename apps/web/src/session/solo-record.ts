import type { CardView, Command, DecisionOutcome, Game, Scenario } from '@ttc/sim';

// What a solo game is set up with and what it leaves for its debrief, apart from the session
// that plays it: the scenes and the debrief read these types, not the session's class.

export type GameLength = 'short' | 'full';

export interface SoloSettings {
  scenario: Scenario;
  seed: number;
  length: GameLength;
  feedback: boolean;
  tutorial: boolean;
}

export interface DecisionRecord {
  round: number;
  tick: number;
  outcome: DecisionOutcome;
  card: CardView;
}

/** A solo game as its debrief, its export and a new game with the same seed need it. */
export interface SoloRecord {
  readonly settings: SoloSettings;
  readonly game: Game;
  /** Every accepted command, in order: the game's log. */
  readonly commands: readonly Command[];
  readonly decisions: readonly DecisionRecord[];
}
