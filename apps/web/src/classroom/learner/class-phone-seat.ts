import type { ClassPlaySession } from '../../session/class-play-session';
import { countdownText, msLeftInRound } from '../trainer/session-clock';
import type { PhoneSeat } from './seat';

/** A learner's seat in a class as the phone screens see it: the server runs the clock and the trainer pauses it. */
export function classPhoneSeat(play: ClassPlaySession): PhoneSeat {
  return {
    play,
    ready: () => play.hasBoard(),
    title: () => play.teamName(),
    subtitle: () => `you are ${play.playerName}`,
    clockText: () => {
      const session = play.sessionState();
      if (session?.phase !== 'operations') return '';
      if (session.paused) return 'paused';
      return `${countdownText(msLeftInRound(session, play.tickProgress() * session.tickMs))} left`;
    },
    heldBy: () => (play.paused() ? '❚❚ Paused by your trainer: decisions wait until the class resumes.' : undefined),
    // A class's pushes are collected as they arrive; advance() hands them over.
    takeEvents: () => play.advance(0),
    onChange: (listener) => play.onChange(listener),
    // The server pushes the next round's board when the trainer starts it; the learner flow follows.
    committed: () => {},
  };
}
