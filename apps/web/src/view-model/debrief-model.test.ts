import { createStrategy, findScenario, type KeyMoment, type Scenario, type StrategyName } from '@ttc/sim';
import { describe, expect, it } from 'vitest';
import { type GameLength, SoloSession, TICK_MS } from '../session/solo-session';
import { benchmarkRows, type DebriefRow, debriefModel, lessonFor, tellingMoments } from './debrief-model';

function scenarioOf(id: string): Scenario {
  const scenario = findScenario(id);
  if (!scenario) throw new Error(`no scenario ${id}`);
  return scenario;
}

const office = scenarioOf('office-supplies');
const SEED = 11;

/** A whole solo game in which a benchmark strategy makes every choice, through the session as a player would. */
function playedBy(name: StrategyName, seed = SEED, length: GameLength = 'short'): SoloSession {
  const session = new SoloSession({ scenario: office, seed, length, feedback: true, tutorial: false });
  const strategy = createStrategy(name, seed);
  while (session.state.phase !== 'ended') {
    if (session.state.phase === 'operations') {
      if ((session.state.teams[0]?.demands.length ?? 0) > 0) {
        for (const command of strategy.operate(session.view(), office)) {
          if (command.type === 'decide') session.decide(command.demandId, command.decision);
          else session.apply(command);
        }
      }
      session.update(TICK_MS);
    } else {
      for (const command of strategy.plan(session.view(), office)) session.apply(command);
      session.apply({ type: 'commitPlan', team: 0 });
      session.apply({ type: 'startRound' });
    }
  }
  return session;
}

function rowNamed(rows: readonly DebriefRow[], name: string): DebriefRow {
  const row = rows.find((candidate) => candidate.name === name);
  if (!row) throw new Error(`no row ${name}`);
  return row;
}

const strategistGame = playedBy('strategist');
const accommodatingGame = playedBy('always-accommodate');
const decliningGame = playedBy('always-no');

describe('debriefModel', () => {
  const model = debriefModel(strategistGame.game, strategistGame.decisions);

  it('compares you with the six benchmark strategies, the team that did nothing included', () => {
    expect(model.rows).toHaveLength(7);
    expect(model.rows[0]?.name).toBe('You');
    expect(model.rows[0]?.you).toBe(true);
    expect(model.rows.filter((row) => row.you)).toHaveLength(1);
    expect(
      model.rows
        .slice(1)
        .map((row) => row.name)
        .sort(),
    ).toEqual(['Always accommodate', 'Always no', 'Always premium', 'Idle (did nothing)', 'Random', 'Strategist']);
  });

  it('ranks you between 1 and 7, one place behind each benchmark that scored higher', () => {
    for (const game of [strategistGame, accommodatingGame, decliningGame]) {
      const { rows, rank } = debriefModel(game.game, game.decisions);
      const you = rowNamed(rows, 'You');
      expect(rank).toBeGreaterThanOrEqual(1);
      expect(rank).toBeLessThanOrEqual(7);
      expect(rank).toBe(1 + rows.filter((row) => !row.you && row.balancedScore > you.balancedScore).length);
    }
  });

  it('scores you exactly like the strategist when you play exactly like it', () => {
    const you = rowNamed(model.rows, 'You');
    const strategist = rowNamed(model.rows, 'Strategist');
    expect(you.balancedScore).toBe(strategist.balancedScore);
    expect(you.profitCents).toBe(strategist.profitCents);
    expect(you.history).toEqual(strategist.history);
  });

  it('plays the benchmarks on your game length', () => {
    const ticks = strategistGame.state.config.rounds * strategistGame.state.config.ticksPerRound;
    expect(ticks).toBe(36);
    for (const row of model.rows) expect(row.history).toHaveLength(ticks);
  });

  it('counts your decisions in the mix', () => {
    const mix = debriefModel(decliningGame.game, decliningGame.decisions).decisionMix;
    expect(mix.no).toBe(decliningGame.decisions.length);
    expect(mix.no).toBeGreaterThan(0);
    expect(mix.accommodate + mix.premium + mix.option).toBe(0);
  });

  it('picks the lesson that fits: matching the strategist', () => {
    expect(model.lesson).toMatch(/^You matched or beat the strategist/);
  });

  it('picks the exhaustion lesson for a game of saying yes to everything', () => {
    const { lesson, rows } = debriefModel(accommodatingGame.game, accommodatingGame.decisions);
    expect(lesson).toMatch(/^Saying yes to almost everything wore your staff out/);
    expect(lesson).toContain(`average exhaustion ${Math.round(rowNamed(rows, 'You').exhaustion)}`);
  });

  it('picks the declining lesson for a game of saying no to everything', () => {
    const { lesson } = debriefModel(decliningGame.game, decliningGame.decisions);
    expect(lesson).toMatch(/^Declining most requests kept your staff fresh but cost you loyalty/);
  });
});

describe('benchmarkRows', () => {
  it('is the same every time for the same seed', () => {
    expect(benchmarkRows(strategistGame.game)).toEqual(benchmarkRows(accommodatingGame.game));
    expect(benchmarkRows(strategistGame.game)).toEqual(benchmarkRows(playedBy('random').game));
  });

  it('differs for another seed', () => {
    const other = benchmarkRows(playedBy('always-no', SEED + 1).game);
    expect(other.map((row) => row.balancedScore)).not.toEqual(benchmarkRows(strategistGame.game).map((row) => row.balancedScore));
  });

  it('makes the strategist beat always saying yes', () => {
    const rows = benchmarkRows(strategistGame.game);
    expect(rowNamed(rows, 'Strategist').balancedScore).toBeGreaterThan(rowNamed(rows, 'Always accommodate').balancedScore);
  });
});

describe('tellingMoments', () => {
  function kindsOf(session: SoloSession, texts: string[]): KeyMoment['kind'][] {
    const marked = session.state.teams[0]?.keyMoments ?? [];
    return texts.flatMap((text) =>
      marked
        .filter((moment) => moment.text === text)
        .map((moment) => moment.kind)
        .slice(0, 1),
    );
  }

  it('picks at most three moments, never two of the same kind', () => {
    for (const session of [strategistGame, accommodatingGame, decliningGame]) {
      const moments = tellingMoments(session.game, session.decisions);
      expect(moments.length).toBeGreaterThan(0);
      expect(moments.length).toBeLessThanOrEqual(3);
      const kinds = kindsOf(
        session,
        moments.map((moment) => moment.text),
      );
      expect(new Set(kinds).size).toBe(kinds.length);
    }
  });

  it('puts the first resignation first when staff resigned', () => {
    const marked = accommodatingGame.state.teams[0]?.keyMoments ?? [];
    const first = marked.find((moment) => moment.kind === 'first-resignation');
    if (!first) throw new Error('always accommodating should make someone resign on this seed');
    const moments = tellingMoments(accommodatingGame.game, accommodatingGame.decisions);
    expect(moments[0]?.text).toBe(first.text);
    expect(moments[0]?.text).toMatch(/resigned, exhausted/);
  });

  it('says when each moment happened as a round and an hour of that round', () => {
    for (const session of [strategistGame, accommodatingGame, decliningGame]) {
      for (const moment of tellingMoments(session.game, session.decisions)) {
        // Round-end moments (a resignation) happen after the last hour of their round.
        if (/^End of round [1-3]$/.test(moment.when)) continue;
        const match = /^Round (\d+), hour (\d+)$/.exec(moment.when);
        expect(match).not.toBeNull();
        expect(Number(match?.[1])).toBeGreaterThanOrEqual(1);
        expect(Number(match?.[1])).toBeLessThanOrEqual(3);
        expect(Number(match?.[2])).toBeGreaterThanOrEqual(1);
        expect(Number(match?.[2])).toBeLessThanOrEqual(12);
      }
    }
  });

  it('names your costliest answer when a no lost loyalty', () => {
    const moments = tellingMoments(decliningGame.game, decliningGame.decisions);
    expect(moments.some((moment) => /^Your costliest answer: .+ \(.+\) lost \d+ loyalty over ".+"\.$/.test(moment.text))).toBe(true);
  });

  it('finds nothing to tell in a game with no key moments and no decisions', () => {
    const session = new SoloSession({ scenario: office, seed: SEED, length: 'short', feedback: true, tutorial: false });
    expect(tellingMoments(session.game, [])).toEqual([]);
  });
});

describe('lessonFor', () => {
  const rows = debriefModel(strategistGame.game, strategistGame.decisions).rows;
  const calm = rowNamed(rows, 'Strategist');
  const balancedMix = { accommodate: 10, premium: 10, option: 0, no: 5, ignored: 0 };

  it('picks the exhaustion lesson for an exhausted row and says who resigned', () => {
    const exhausted: DebriefRow = { ...calm, exhaustion: 60, staffLost: 2 };
    const lesson = lessonFor(exhausted, calm, balancedMix, 1, 'EUR');
    expect(lesson).toMatch(/^Saying yes to almost everything wore your staff out \(average exhaustion 60, 2 resigned\)/);
  });

  it('picks the exhaustion lesson when someone resigned even at moderate exhaustion', () => {
    const lesson = lessonFor({ ...calm, exhaustion: 20, staffLost: 1 }, calm, balancedMix, 1, 'EUR');
    expect(lesson).toContain('1 resigned');
  });

  it('picks the declining lesson for a mostly-no mix', () => {
    const mix = { accommodate: 5, premium: 5, option: 0, no: 8, ignored: 2 };
    expect(lessonFor(calm, calm, mix, 1, 'EUR')).toMatch(/^Declining most requests/);
  });

  it('picks the options lesson when no option was built, quoting the strategist', () => {
    const lesson = lessonFor({ ...calm, you: true, name: 'You' }, calm, balancedMix, 0, 'EUR');
    expect(lesson).toMatch(/^You handled each request one by one/);
    expect(lesson).toContain(`the strategist reached ${Math.round(calm.balancedScore)} points`);
  });

  it('says how far behind the strategist you ended when you built options but scored less', () => {
    const behind: DebriefRow = { ...calm, you: true, name: 'You', balancedScore: calm.balancedScore - 10 };
    expect(lessonFor(behind, calm, balancedMix, 2, 'EUR')).toContain('ending 10 points behind the strategist');
  });
});
