import {
  type Command,
  type GameSetup,
  type Phase,
  type ReplayIndex,
  type ReplayMark,
  type ReplayMarkKind,
  type ReplayPosition,
  type ReplayStep,
  type Resolution,
  replayCommands,
} from '@ttc/sim';
import { globalTickText, hourOfRound, hourText } from './board-view';

// What the replay viewer shows, worked out without the DOM: who decided what and when, the
// filters over that list, the labels of a point in time, and where the keys jump to.

/** One decision in the replay: a player's, a bot's, or a demand nobody answered in time. */
export interface DecisionRow {
  /** The replay position right after the decision: seeking there shows what followed. */
  position: ReplayPosition;
  /** Global hours played when it was made. */
  tick: number;
  round: number;
  /** The hour of its round it was made in, 1-based as the board shows it. */
  hour: number;
  team: number;
  teamName: string;
  resolution: Resolution;
  /** Who made it, as people read it: a player's name, "Bot", "Facilitator", "You" or "Nobody". */
  actor: string;
  customer: string;
  request: string;
  /** For a premium or an option: whether the customer took it. */
  accepted: boolean;
}

export const RESOLUTION_LABELS: Record<Resolution, string> = {
  accommodate: 'Accommodate',
  premium: 'Premium',
  option: 'Option',
  no: 'Gentle no',
  ignored: 'Ran out of patience',
};

export const RESOLUTIONS: Resolution[] = ['accommodate', 'premium', 'option', 'no', 'ignored'];

/** A record's actor ("bot", "clock", "facilitator", a player id, "you") as a name. */
export function actorName(actor: string, players: readonly { id: string; name: string }[]): string {
  if (actor === 'bot') return 'Bot';
  if (actor === 'clock') return 'Nobody (unanswered)';
  if (actor === 'facilitator') return 'Facilitator';
  if (actor === 'you') return 'You';
  return players.find((player) => player.id === actor)?.name ?? 'A player who left';
}

/**
 * Lists every decision with the customer and request it answered, from the steps of a replay
 * made anyway (pass `observe` to createReplayIndex): the log is not played a second time. The
 * demands a tick let lapse are listed too: the clock "decided" them by nobody answering.
 */
export function decisionCollector(
  actors: readonly string[],
  players: readonly { id: string; name: string }[],
): { observe: (step: ReplayStep) => void; rows: DecisionRow[] } {
  const rows: DecisionRow[] = [];
  const observe = ({ position, outcomes, game, before }: ReplayStep) => {
    for (const outcome of outcomes) {
      if (outcome.kind !== 'decision') continue;
      const team = game.state.teams[outcome.team];
      rows.push({
        position,
        tick: before.globalTick,
        round: before.round,
        hour: hourOfRound(before.tick, game.state.config.ticksPerRound),
        team: outcome.team,
        teamName: team?.name ?? `Team ${outcome.team + 1}`,
        resolution: outcome.resolution,
        actor: actorName(outcome.resolution === 'ignored' ? 'clock' : (actors[position - 1] ?? 'clock'), players),
        customer: team?.customers[outcome.customerId]?.name ?? 'A customer',
        request: game.scenario.categories[outcome.category]?.name ?? 'a request',
        accepted: outcome.accepted,
      });
    }
  };
  return { observe, rows };
}

/** Plays the log on its own and lists every decision (see decisionCollector). */
export function decisionRows(
  setup: GameSetup,
  commands: readonly Command[],
  actors: readonly string[],
  players: readonly { id: string; name: string }[],
): DecisionRow[] {
  const collector = decisionCollector(actors, players);
  replayCommands(setup, commands, collector.observe);
  return collector.rows;
}

export interface DecisionFilter {
  team: number | 'all';
  resolution: Resolution | 'all';
}

export function filterDecisions(rows: readonly DecisionRow[], filter: DecisionFilter): DecisionRow[] {
  return rows.filter(
    (row) => (filter.team === 'all' || row.team === filter.team) && (filter.resolution === 'all' || row.resolution === filter.resolution),
  );
}

/** "Premium (taken)" / "Option (refused)" / "Gentle no". */
export function resolutionText(row: Pick<DecisionRow, 'resolution' | 'accepted'>): string {
  const label = RESOLUTION_LABELS[row.resolution];
  if (row.resolution === 'premium' || row.resolution === 'option') return `${label} (${row.accepted ? 'taken' : 'refused'})`;
  return label;
}

/**
 * Where the game is at a position: "Round 2 · Hour 3 of 6" (the hour under way after
 * `ticksDone` hours of the round, as the console and the board say it), "Round 1 · planning", "Game over".
 */
export function momentLabel(round: number, ticksDone: number, ticksPerRound: number, phase: Phase): string {
  if (phase === 'ended') return 'Game over';
  if (phase === 'planning') return `Round ${round} · planning`;
  return `Round ${round} · ${hourText(ticksDone, ticksPerRound)}`;
}

/** A global tick as round and hour, for notes and marks: "Round 2 · Hour 1", "End of round 1". */
export function tickLabel(tick: number, ticksPerRound: number): string {
  return globalTickText(tick, ticksPerRound).text;
}

export const SPEEDS = [1, 2, 4, 8, 16] as const;
export type ReplaySpeed = (typeof SPEEDS)[number];

export function nextSpeed(speed: ReplaySpeed): ReplaySpeed {
  return SPEEDS[(SPEEDS.indexOf(speed) + 1) % SPEEDS.length] ?? 1;
}

/** Real milliseconds per simulated hour at ×1: one hour a second. */
export const HOUR_MS = 1000;

/**
 * Where playing moves to after some real time: whole hours pass at `speed` hours a second,
 * the rest is carried to the next frame. Playing stops at the end of the log.
 */
export function playStep(
  index: Pick<ReplayIndex, 'tickAt' | 'positionOfTick' | 'length'>,
  position: ReplayPosition,
  carriedMs: number,
  deltaMs: number,
  speed: ReplaySpeed,
): { position: ReplayPosition; carriedMs: number; ended: boolean } {
  // A frame's time can come before the press that started playing (a click is handled mid-frame):
  // time never runs backwards, or a negative hour would read as "past the end".
  const elapsed = carriedMs + Math.max(0, deltaMs) * speed;
  const hours = Math.floor(elapsed / HOUR_MS);
  if (hours === 0) return { position, carriedMs: elapsed, ended: position >= index.length };
  const target = index.positionOfTick(index.tickAt(position) + hours);
  // A round's planning is no hour: past it, playing goes on to the next round's first hour.
  const next = target > position ? target : index.length;
  return { position: next, carriedMs: elapsed - hours * HOUR_MS, ended: next >= index.length };
}

/** What the jump keys move between: key moments (with the ends of rounds), or decisions. */
export type JumpKind = 'moment' | 'decision';

const JUMP_MARKS: Record<JumpKind, ReplayMarkKind[]> = { moment: ['key-moment', 'round-end'], decision: ['decision'] };

/**
 * Where the viewer stands for the jump keys: a position, and the mark a jump landed on there.
 * Several marks share a position (an event for every team, three teams' moments in one hour),
 * so the mark's index says which of them is shown; a seek of any other kind forgets it.
 */
export interface JumpCursor {
  position: ReplayPosition;
  markIndex?: number | undefined;
}

/**
 * The mark a jump key lands on, and its index in `marks`, or undefined at either end. Marks at
 * the cursor's own position come one by one after the one shown. `team` limits it to a team's
 * marks (round ends are everyone's).
 */
export function jumpTarget(
  marks: readonly ReplayMark[],
  cursor: JumpCursor,
  kind: JumpKind,
  direction: 1 | -1,
  team?: number,
): { mark: ReplayMark; markIndex: number } | undefined {
  const kinds = JUMP_MARKS[kind];
  const wanted = (mark: ReplayMark) => kinds.includes(mark.kind) && (team === undefined || mark.kind === 'round-end' || mark.team === team);
  const { position, markIndex } = cursor;
  // Past the cursor in the jump's direction: a later (earlier) position, or the same one after (before) the mark shown.
  const beyond = (mark: ReplayMark, index: number) =>
    direction > 0
      ? mark.position > position || (mark.position === position && markIndex !== undefined && index > markIndex)
      : mark.position < position || (mark.position === position && markIndex !== undefined && index < markIndex);
  if (direction > 0) {
    for (let index = 0; index < marks.length; index++) {
      const mark = marks[index] as ReplayMark;
      if (wanted(mark) && beyond(mark, index)) return { mark, markIndex: index };
    }
  } else {
    for (let index = marks.length - 1; index >= 0; index--) {
      const mark = marks[index] as ReplayMark;
      if (wanted(mark) && beyond(mark, index)) return { mark, markIndex: index };
    }
  }
  return undefined;
}

/** Key-moment ticks across the session, as fractions of its length, for the scrubber's marks. */
export function keyMomentStops(marks: readonly ReplayMark[], lastTick: number): { tick: number; fraction: number; text: string }[] {
  const stops = new Map<number, string[]>();
  for (const mark of marks) {
    if (mark.kind !== 'key-moment') continue;
    stops.set(mark.tick, [...(stops.get(mark.tick) ?? []), mark.text]);
  }
  return [...stops].map(([tick, texts]) => ({ tick, fraction: lastTick > 0 ? tick / lastTick : 0, text: texts.join(' · ') }));
}
