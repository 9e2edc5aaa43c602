import { createStrategy, findScenario, type KeyMoment, type Scenario, type StrategyName } from '@ttc/sim';
import { describe, expect, it } from 'vitest';
import { type GameLength, SoloSession, TICK_MS } from '../session/solo-session';
import { benchmarkRows, type DebriefRow, debriefModel, tellingMoments } from './debrief-model';

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

describe('a game where nothing was pressed', () => {
  const idleGame = playedBy('idle');
  const model = debriefModel(idleGame.game, idleGame.decisions);

  it('gets the lesson about ignoring, quoting the team that did nothing, not the one about declining', () => {
    expect(model.decisionMix.ignored).toBeGreaterThan(0);
    expect(model.lesson).toMatch(
      /^Every customer waited and gave up: nobody answered any card\. Ignoring a customer costs more loyalty than a gentle no/,
    );
    expect(model.lesson).toContain(
      `A team that did nothing at all scored ${Math.round(rowNamed(model.rows, 'Idle (did nothing)').balancedScore)}`,
    );
    expect(model.lesson).not.toMatch(/Declining|kept your staff fresh/);
  });

  it('tells the cards that ran out as a moment', () => {
    expect(model.moments.map((moment) => moment.text)).toContain(
      `${model.decisionMix.ignored} customers gave up waiting: nobody answered their cards, and each cost more loyalty than a gentle no.`,
    );
  });

  it('places it below the strategist and always-no on this seed', () => {
    const you = rowNamed(model.rows, 'You');
    expect(you.balancedScore).toBe(rowNamed(model.rows, 'Idle (did nothing)').balancedScore);
    expect(you.balancedScore).toBeLessThan(rowNamed(model.rows, 'Strategist').balancedScore);
    expect(you.balancedScore).toBeLessThan(rowNamed(model.rows, 'Always no').balancedScore);
  });
});
