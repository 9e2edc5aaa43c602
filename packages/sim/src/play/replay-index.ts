import { applyCommand } from '../commands/apply-command.js';
import type { Command } from '../commands/command-schema.js';
import type { Scenario } from '../scenario/scenario-schema.js';
import { copyPlain } from '../state/copy-plain.js';
import type { GameSetup } from '../state/create-game.js';
import type { Game } from '../state/game.js';
import type { Decision, GameState, KeyMomentKind, Phase } from '../state/game-state.js';
import type { Tick } from '../state/units.js';
import { type ReplayStep, replayCommands } from './replay-commands.js';

/**
 * A position in a replay is the number of commands applied: 0 is the game as created,
 * `length` is the game at the end of its log. Position p is the state right after command p−1.
 */
export type ReplayPosition = number;

/** Something worth jumping to: a team's decision, a key moment, or the end of a round. */
export type ReplayMark =
  | { kind: 'decision'; position: ReplayPosition; tick: Tick; team: number; decision: Decision; demandId: number }
  | { kind: 'key-moment'; position: ReplayPosition; tick: Tick; team: number; moment: KeyMomentKind; text: string }
  | { kind: 'round-end'; position: ReplayPosition; tick: Tick; round: number };

export type ReplayMarkKind = ReplayMark['kind'];

export interface ReplayIndexOptions {
  /** A snapshot every this many operations ticks (default 8). A snapshot of a 6-team game holds about 0.4 MB; replaying 8 ticks forward costs less than copying one. */
  snapshotEvery?: number;
  /** Sees every step of the one replay the index makes (a decisions list, say), so the log is not played twice. */
  observe?: (step: ReplayStep) => void;
}

export interface ReplayIndex {
  readonly scenario: Scenario;
  /** The number of commands: the last position. */
  readonly length: number;
  /** The global tick at the end of the log. */
  readonly lastTick: Tick;
  /** Decisions, key moments and round ends in log order. */
  readonly marks: readonly ReplayMark[];
  /** How many snapshots are kept (position 0 included). */
  readonly snapshotCount: number;
  /** The global tick at a position (clamped to 0..length). */
  tickAt(position: ReplayPosition): Tick;
  /** The phase at a position. */
  phaseAt(position: ReplayPosition): Phase;
  /**
   * Where a tick starts: the first position at which the game has reached `tick` (just after
   * the tick command), so the board shows the cards that were then decided at that tick.
   * Ticks past the end give the last position; tick 0 gives position 0.
   */
  positionOfTick(tick: Tick): ReplayPosition;
  /** An independent copy of the game at a position: the caller may keep or change it. */
  gameAt(position: ReplayPosition): Game;
  /** The state at the start of a global tick (see positionOfTick). */
  stateAt(tick: Tick): GameState;
  /** The first mark after a position (of the given kinds, or any). */
  nextMark(position: ReplayPosition, kinds?: readonly ReplayMarkKind[]): ReplayMark | undefined;
  /** The last mark before a position (of the given kinds, or any). */
  previousMark(position: ReplayPosition, kinds?: readonly ReplayMarkKind[]): ReplayMark | undefined;
}

/** The first index in a sorted array whose value is greater than `value` (or length). */
function upperBound(sorted: ArrayLike<number>, value: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if ((sorted[middle] as number) <= value) low = middle + 1;
    else high = middle;
  }
  return low;
}

/**
 * Replays a game once and keeps what seeking needs: a snapshot of the state every few ticks,
 * the tick and phase at every position, and the marks to jump to. Seeking copies the nearest
 * earlier snapshot and applies the few commands after it, so any point of a long session is
 * ready at once and is bit for bit the state a replay from the start would give.
 *
 * Throws when a command does not apply: the log was not written by this game.
 */
export function createReplayIndex(setup: GameSetup, commands: readonly Command[], options: ReplayIndexOptions = {}): ReplayIndex {
  const every = Math.max(1, Math.trunc(options.snapshotEvery ?? 8));
  const ticks = new Int32Array(commands.length + 1);
  const phases: Phase[] = new Array(commands.length + 1);
  const snapshotPositions: number[] = [0];
  const snapshots: GameState[] = [];
  const marks: ReplayMark[] = [];
  let momentsSeen: number[] = [];
  const start = (initial: Game) => {
    snapshots.push(copyPlain(initial.state));
    momentsSeen = initial.state.teams.map((team) => team.keyMoments.length);
    ticks[0] = initial.state.globalTick;
    phases[0] = initial.state.phase;
  };

  const game = replayCommands(
    setup,
    commands,
    (step) => {
      const { position, command, game: played, before } = step;
      const tick = played.state.globalTick;
      ticks[position] = tick;
      phases[position] = played.state.phase;
      if (command.type === 'decide')
        marks.push({ kind: 'decision', position, tick, team: command.team, decision: command.decision, demandId: command.demandId });
      for (const team of played.state.teams) {
        // Key moments are only ever appended: the ones past the count seen so far are this command's.
        for (let seen = momentsSeen[team.index] ?? 0; seen < team.keyMoments.length; seen++) {
          const moment = team.keyMoments[seen];
          if (moment) marks.push({ kind: 'key-moment', position, tick, team: team.index, moment: moment.kind, text: moment.text });
        }
        momentsSeen[team.index] = team.keyMoments.length;
      }
      if (before.phase === 'operations' && played.state.phase !== 'operations')
        marks.push({ kind: 'round-end', position, tick, round: played.state.round });
      if (command.type === 'tick' && tick % every === 0) {
        snapshotPositions.push(position);
        snapshots.push(copyPlain(played.state));
      }
      options.observe?.(step);
    },
    start,
  );
  const { scenario } = game;

  const clamp = (position: ReplayPosition) => Math.max(0, Math.min(commands.length, Math.trunc(position) || 0));

  function gameAt(position: ReplayPosition): Game {
    const target = clamp(position);
    const slot = upperBound(snapshotPositions, target) - 1;
    const from = snapshotPositions[slot] as number;
    const seeked: Game = { scenario, state: copyPlain(snapshots[slot] as GameState) };
    // Every command applied once already; applying it again to the same state cannot fail.
    for (let index = from; index < target; index++) applyCommand(seeked, commands[index] as Command);
    return seeked;
  }

  function positionOfTick(tick: Tick): ReplayPosition {
    if (tick <= 0) return 0;
    // Ticks only grow with position: the first position whose tick reaches `tick`.
    const first = upperBound(ticks, tick - 1);
    return Math.min(first, commands.length);
  }

  const markPositions = marks.map((mark) => mark.position);
  const matches = (mark: ReplayMark, kinds?: readonly ReplayMarkKind[]) => !kinds || kinds.includes(mark.kind);

  return {
    scenario,
    length: commands.length,
    lastTick: ticks[commands.length] as number,
    marks,
    snapshotCount: snapshots.length,
    tickAt: (position) => ticks[clamp(position)] as number,
    phaseAt: (position) => phases[clamp(position)] as Phase,
    positionOfTick,
    gameAt,
    stateAt: (tick) => gameAt(positionOfTick(tick)).state,
    nextMark(position, kinds) {
      for (let index = upperBound(markPositions, position); index < marks.length; index++) {
        const mark = marks[index] as ReplayMark;
        if (matches(mark, kinds)) return mark;
      }
      return undefined;
    },
    previousMark(position, kinds) {
      for (let index = upperBound(markPositions, position - 1) - 1; index >= 0; index--) {
        const mark = marks[index] as ReplayMark;
        if (matches(mark, kinds)) return mark;
      }
      return undefined;
    },
  };
}
