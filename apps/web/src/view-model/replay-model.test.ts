import { type Command, createReplayIndex, createStrategy, findScenario, playGame, type Scenario } from '@ttc/sim';
import { describe, expect, it } from 'vitest';
import {
  actorName,
  decisionRows,
  filterDecisions,
  HOUR_MS,
  jumpTarget,
  keyMomentStops,
  momentLabel,
  nextSpeed,
  playStep,
  resolutionText,
  tickLabel,
} from './replay-model';

const office = findScenario('office-supplies') as Scenario;
const setup = { scenario: office, seed: 3, teams: 2, rounds: 2, ticksPerRound: 6, teamNames: ['Team 1', 'Team 2'] };
const played = playGame(setup, [createStrategy('strategist', 3), createStrategy('always-accommodate', 3)]);
const players = [
  { id: 'p1', name: 'Ada' },
  { id: 'p2', name: 'Grace' },
];
/** Team 1's commands were Ada's, team 2's the bot's, ticks the clock's. */
const actors = played.commands.map((command: Command) =>
  command.type === 'tick' ? 'clock' : 'team' in command ? (command.team === 0 ? 'p1' : 'bot') : 'facilitator',
);
const index = createReplayIndex(setup, played.commands);

describe('the replay decisions list', () => {
  const rows = decisionRows(setup, played.commands, actors, players);

  it('names who decided: a player, the bot, or nobody in time', () => {
    expect(actorName('p2', players)).toBe('Grace');
    expect(actorName('gone', players)).toBe('A player who left');
    expect(actorName('bot', players)).toBe('Bot');
    expect(actorName('clock', players)).toBe('Nobody (unanswered)');
    expect(actorName('facilitator', players)).toBe('Facilitator');
    expect(actorName('you', players)).toBe('You');
    expect(rows.filter((row) => row.team === 0 && row.resolution !== 'ignored').every((row) => row.actor === 'Ada')).toBe(true);
    expect(rows.filter((row) => row.team === 1 && row.resolution !== 'ignored').every((row) => row.actor === 'Bot')).toBe(true);
    expect(rows.filter((row) => row.resolution === 'ignored').every((row) => row.actor === 'Nobody (unanswered)')).toBe(true);
  });

  it('lists every decide command once, at the position right after it, with the customer and request', () => {
    const decides = played.commands.filter((command) => command.type === 'decide').length;
    expect(rows.filter((row) => row.resolution !== 'ignored')).toHaveLength(decides);
    for (const row of rows) {
      expect(index.tickAt(row.position)).toBeGreaterThanOrEqual(row.tick);
      expect(row.customer).not.toBe('');
      expect(row.request).not.toBe('');
      expect(row.round).toBeGreaterThanOrEqual(1);
    }
    const positions = rows.map((row) => row.position);
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
  });

  it('filters by team and by decision', () => {
    const team2 = filterDecisions(rows, { team: 1, resolution: 'all' });
    expect(team2.length).toBeGreaterThan(0);
    expect(team2.every((row) => row.team === 1)).toBe(true);
    const accommodated = filterDecisions(rows, { team: 'all', resolution: 'accommodate' });
    expect(accommodated.every((row) => row.resolution === 'accommodate')).toBe(true);
    expect(filterDecisions(rows, { team: 'all', resolution: 'all' })).toHaveLength(rows.length);
    expect(filterDecisions(rows, { team: 5, resolution: 'all' })).toEqual([]);
  });

  it('says what an offer came to', () => {
    expect(resolutionText({ resolution: 'premium', accepted: true })).toBe('Premium (taken)');
    expect(resolutionText({ resolution: 'option', accepted: false })).toBe('Option (refused)');
    expect(resolutionText({ resolution: 'no', accepted: false })).toBe('Gentle no');
  });
});

describe('the replay clock and jumps', () => {
  it('labels a moment and a tick', () => {
    // Three hours done: the fourth is under way, as the console says it.
    expect(momentLabel(2, 3, 6, 'operations')).toBe('Round 2 · Hour 4 of 6');
    expect(momentLabel(1, 0, 6, 'operations')).toBe('Round 1 · Hour 1 of 6');
    expect(momentLabel(1, 6, 6, 'planning')).toBe('Round 1 · planning');
    expect(momentLabel(2, 6, 6, 'ended')).toBe('Game over');
    expect(tickLabel(0, 6)).toBe('Round 1 · Hour 1');
    expect(tickLabel(5, 6)).toBe('Round 1 · Hour 6');
    expect(tickLabel(6, 6)).toBe('End of round 1');
    expect(tickLabel(7, 6)).toBe('Round 2 · Hour 2');
  });

  it('cycles the speeds ×1 to ×16', () => {
    expect([nextSpeed(1), nextSpeed(2), nextSpeed(4), nextSpeed(8), nextSpeed(16)]).toEqual([2, 4, 8, 16, 1]);
  });

  it('plays one hour a second at ×1 and sixteen at ×16, carrying the rest, and stops at the end', () => {
    const half = playStep(index, 0, 0, HOUR_MS / 2, 1);
    expect(half).toEqual({ position: 0, carriedMs: HOUR_MS / 2, ended: false });
    const one = playStep(index, 0, half.carriedMs, HOUR_MS / 2, 1);
    expect(index.tickAt(one.position)).toBe(1);
    const fast = playStep(index, one.position, 0, HOUR_MS, 16);
    expect(index.tickAt(fast.position)).toBe(12);
    expect(fast.ended).toBe(true);
    expect(fast.position).toBe(index.length);
    // The first frame after a click may carry a time just before it: nothing moves, nothing ends.
    expect(playStep(index, 0, 0, -4, 1)).toEqual({ position: 0, carriedMs: 0, ended: false });
    // Past a round's end (planning has no hours) playing carries on into the next round.
    const endOfRound1 = index.positionOfTick(6);
    const next = playStep(index, endOfRound1, 0, HOUR_MS, 1);
    expect(index.tickAt(next.position)).toBe(7);
  });

  it('jumps to the next and previous decision and key moment, for one team or all', () => {
    const { marks } = index;
    const first = jumpTarget(marks, { position: 0 }, 'decision', 1);
    expect(first?.mark.kind).toBe('decision');
    const team2 = jumpTarget(marks, { position: 0 }, 'decision', 1, 1);
    expect(team2?.mark.kind === 'decision' && team2.mark.team).toBe(1);
    const last = marks.filter((mark) => mark.kind === 'decision').at(-1);
    expect(jumpTarget(marks, { position: index.length + 1 }, 'decision', -1)?.mark).toEqual(last);
    expect(jumpTarget(marks, { position: index.length }, 'decision', 1)).toBeUndefined();
    const moments = marks.filter((mark) => mark.kind === 'key-moment' || mark.kind === 'round-end');
    expect(jumpTarget(marks, { position: 0 }, 'moment', 1)?.mark).toEqual(moments[0]);
    expect(jumpTarget(marks, { position: index.length + 1 }, 'moment', -1)?.mark).toEqual(moments.at(-1));
    expect(moments.some((mark) => mark.kind === 'round-end')).toBe(true);
  });

  it('reaches every team’s key moment, several in the same hour, forwards and back', () => {
    // An event the trainer injects into all three teams: three key moments at one position.
    const three = { scenario: office, seed: 3, teams: 3, rounds: 1, ticksPerRound: 6, teamNames: ['Team 1', 'Team 2', 'Team 3'] };
    const commands: Command[] = [{ type: 'tick' }, { type: 'injectEvent', target: 'all', eventId: 'flu-season' }, { type: 'tick' }];
    const { marks } = createReplayIndex(three, commands);
    const landed: string[] = [];
    let cursor: { position: number; markIndex?: number } = { position: 0 };
    for (let step = jumpTarget(marks, cursor, 'moment', 1); step; step = jumpTarget(marks, cursor, 'moment', 1)) {
      cursor = { position: step.mark.position, markIndex: step.markIndex };
      if (step.mark.kind === 'key-moment') landed.push(`${step.mark.position}:${step.mark.team}`);
    }
    expect(landed).toEqual(['2:0', '2:1', '2:2']);
    const back: number[] = [];
    for (let step = jumpTarget(marks, cursor, 'moment', -1); step; step = jumpTarget(marks, cursor, 'moment', -1)) {
      cursor = { position: step.mark.position, markIndex: step.markIndex };
      if (step.mark.kind === 'key-moment') back.push(step.mark.team);
    }
    expect(back).toEqual([1, 0]);
  });

  it('puts a scrubber mark at each key moment tick', () => {
    const stops = keyMomentStops(index.marks, index.lastTick);
    const ticks = new Set(index.marks.filter((mark) => mark.kind === 'key-moment').map((mark) => mark.tick));
    expect(stops.map((stop) => stop.tick).sort((a, b) => a - b)).toEqual([...ticks].sort((a, b) => a - b));
    for (const stop of stops) expect(stop.fraction).toBeCloseTo(stop.tick / index.lastTick);
  });
});
