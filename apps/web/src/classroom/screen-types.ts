import type { Scenario } from '@ttc/sim';
import type { ClassroomConnection } from './connection';
import type { FacilitatorCredentials, PlayerCredentials } from './credentials';

// What the classroom's screens are and what they are handed. A leaf: screens import these types
// and nothing of the router, the entry or the Phaser shell, which hand them what they may do
// through their context — so no screen is part of an import circle.

/**
 * The classroom's HTML screens. A learner's board and planning are Phaser scenes on a laptop, and
 * these HTML screens ("operations", "planning") on a phone (learner/phone-layout.ts), where a solo
 * game plays them too.
 */
export type ClassScreen =
  | 'host'
  | 'lobby'
  | 'console'
  | 'projector'
  | 'join'
  | 'waiting'
  | 'operations'
  | 'planning'
  | 'class-debrief'
  | 'past-classes'
  | 'replay'
  /** Solo practice on a phone: its set-up, and its end-of-game summary (its board and planning are "operations" and "planning"). */
  | 'solo-setup'
  | 'solo-end';

/** Where a classroom screen can send the page, and what it can read of the shell. */
export interface ClassroomNavigation {
  /** Opens another classroom screen in place of this one. */
  open(screen: ClassScreen, params?: Record<string, string>): void;
  /** Closes the classroom screen's listeners (before a Phaser scene takes over). */
  leave(): void;
  /** Back to the Phaser title screen; a class (if any) keeps running on the server. */
  toTitle(): void;
  /** Starts a Phaser scene in place of the HTML screens (a learner's board on a laptop). */
  showScene(key: string, data?: object): void;
  /** The scenarios the loading screen fetched and checked. */
  scenarios(): Scenario[];
  /** Takes the trainer's seat with a key and opens the screen for the session's state. */
  enterAsFacilitator(credentials: FacilitatorCredentials): Promise<boolean>;
  /** Takes a learner's seat again with their token. */
  enterAsPlayer(credentials: PlayerCredentials): Promise<boolean>;
  /** Follows the session for a seated learner (the waiting room, the board, planning, the debrief). */
  followAsLearner(credentials: PlayerCredentials, team: number): void;
}

export interface ScreenContext {
  root: HTMLElement;
  connection: ClassroomConnection;
  /** Opens another classroom screen. */
  go: (screen: ClassScreen, params?: Record<string, string>) => void;
  params: Record<string, string>;
  /** Says what the screen is and its main keys, for screen readers and tests. */
  announce: (text: string) => void;
  nav: ClassroomNavigation;
}

/** A screen draws into its root and returns what to undo when it closes (listeners, timers). */
export type ScreenRenderer = (context: ScreenContext) => (() => void) | undefined;
