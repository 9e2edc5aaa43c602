import type { PlayEvent, PlaySession } from '../../session/play-session';

// The seat the phone board and planning screens play: a class's (learner-flow.ts hands it over
// before it opens them, as it hands the same session to the Phaser scenes on a laptop) or a solo
// game's on a phone (solo-phone-flow.ts). The screens draw the PlaySession both kinds meet; what
// differs — the heading, the clock line, who pauses, when to redraw — comes through here.

export interface PhoneSeat {
  readonly play: PlaySession;
  /** The board can be drawn (a class's first board may still be on its way). */
  ready(): boolean;
  /** The heading: the team's name in a class, the business in solo play. */
  title(): string;
  /** Beside the heading: "you are Ada" in a class, the seed in solo play. */
  subtitle(): string;
  /** The end of the clock line in operations: "0:42 left", "paused". */
  clockText(): string;
  /** Why decisions wait now (the trainer paused the class), or undefined: the answers dim. */
  heldBy(): string | undefined;
  /** What the board should show that happened since it last asked (events, missed cards). */
  takeEvents(): PlayEvent[];
  /** Calls the listener whenever something the screens draw changed; returns the unsubscribe. */
  onChange(listener: () => void): () => void;
  /** The plan was committed: a solo game's next round has begun (a class waits for its trainer). */
  committed(): void;
  /** Starts what moves the game on while the board shows (a solo game's clock); returns its stop. */
  run?(): () => void;
}

let current: PhoneSeat | undefined;

export function setSeat(next: PhoneSeat | undefined): void {
  current = next;
}

export function seat(): PhoneSeat | undefined {
  return current;
}
