import type { ClassPlaySession } from '../../session/class-play-session';

// The learner's seat for the phone screens: the learner flow sets it before it opens them, as it
// hands the same session to the Phaser scenes on a laptop.

let current: ClassPlaySession | undefined;

export function setSeat(session: ClassPlaySession | undefined): void {
  current = session;
}

export function seat(): ClassPlaySession | undefined {
  return current;
}
