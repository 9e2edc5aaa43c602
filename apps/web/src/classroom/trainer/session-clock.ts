import { hourOfRound } from '../../view-model/board-view';

// The round's countdown on the console and the projector. The server says where the clock
// stands with each "session" push (one per simulated hour); between pushes the screen counts
// down locally, and stops counting while the session is paused or in planning.

export interface SessionClock {
  status: 'lobby' | 'running' | 'ended';
  paused: boolean;
  phase: 'operations' | 'planning' | 'ended';
  round: number;
  rounds: number;
  tick: number;
  ticksPerRound: number;
  tickMs: number;
}

/** Real milliseconds left in the round's operations, `elapsedMs` after the push arrived. */
export function msLeftInRound(clock: SessionClock, elapsedMs: number): number {
  const full = Math.max(0, clock.ticksPerRound - clock.tick) * clock.tickMs;
  const counting = clock.status === 'running' && !clock.paused && clock.phase === 'operations';
  // Never count past the next hour's push: if it is late, wait for it rather than guess.
  const elapsed = counting ? Math.min(Math.max(0, elapsedMs), clock.tickMs) : 0;
  return Math.max(0, full - elapsed);
}

/** "1:05", "0:09". */
export function countdownText(ms: number): string {
  const seconds = Math.ceil(ms / 1000);
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}

/** The hour in progress, 1-based: the server's tick counts hours already done (the board's numbering). */
export function currentHour(clock: SessionClock): number {
  return hourOfRound(clock.tick, clock.ticksPerRound);
}

/** Where the session stands, in words: the console's and projector's headline and the status region. */
export function clockSummary(clock: SessionClock): string {
  const round = `round ${clock.round} of ${clock.rounds}`;
  if (clock.status === 'lobby') return 'In the lobby: not started yet';
  if (clock.status === 'ended' || clock.phase === 'ended') return 'The session has ended';
  if (clock.phase === 'planning') return `Planning after ${round}`;
  const hour = `hour ${currentHour(clock)} of ${clock.ticksPerRound}`;
  return `${clock.paused ? 'Paused' : 'Session running'}: ${round}, ${hour}`;
}

/** Seconds-per-hour choices for the speed control, with the current pace added if it is unusual. */
export function speedChoices(currentTickMs: number): number[] {
  const choices = [500, 1000, 2000, 3000, 4000, 5000, 10_000, 20_000];
  return choices.includes(currentTickMs) ? choices : [...choices, currentTickMs].sort((a, b) => a - b);
}

/** "3 s per hour", "0.5 s per hour". */
export function paceText(tickMs: number): string {
  return `${Number((tickMs / 1000).toFixed(1))} s per hour`;
}
