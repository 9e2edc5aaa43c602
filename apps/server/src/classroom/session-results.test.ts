import { classroomTeamNames, type SessionLog } from '@ttc/protocol';
import { type Command, createGame, createStrategy, findScenario, readFigures, STRATEGY_NAMES, stepWithStrategies } from '@ttc/sim';
import { describe, expect, it } from 'vitest';
import { csvCell, neutraliseFormula, RESULT_COLUMNS, resultsCsv } from './results-csv.js';
import { sessionResults } from './session-results.js';

const scenario = findScenario('office-supplies');
if (!scenario) throw new Error('scenario missing');
const settings = { scenarioId: scenario.id, rounds: 3, ticksPerRound: 6, teamCount: 2, tickMs: 1000, botsForEmptyTeams: true, seed: 11 };

/**
 * A class record played by two strategies up to `hours` simulated hours, then ended by the
 * trainer: the record the server keeps, command by command.
 */
function classRecord(hours: number, players: SessionLog['players']): { log: SessionLog; game: ReturnType<typeof createGame> } {
  const game = createGame({
    scenario: scenario as NonNullable<typeof scenario>,
    seed: 11,
    teams: 2,
    rounds: 3,
    ticksPerRound: 6,
    teamNames: classroomTeamNames(2),
  });
  const commands: Command[] = [];
  const strategies = [createStrategy('strategist', 1), createStrategy('always-accommodate', 2)];
  while (game.state.globalTick < hours) stepWithStrategies(game, strategies, commands);
  const log: SessionLog = {
    sessionId: 's1',
    joinCode: 'K7PXQ3',
    scenarioId: settings.scenarioId,
    seed: 11,
    settings,
    status: 'ended',
    createdAt: '2026-11-20T10:00:00.000Z',
    teamNames: classroomTeamNames(2),
    players,
    entries: commands.map((command, index) => ({ seq: index + 1, tick: 0, actor: 'bot', command })),
  };
  return { log, game };
}

const ada = { id: 'a', name: 'Ada', team: 0, removed: false };
const grace = { id: 'g', name: 'Grace', team: 0, removed: false };

describe('sessionResults', () => {
  it('keeps the round the trainer cut short, marked as not complete, with its figures where play stopped', () => {
    // One whole round of 6 hours, then 3 hours of round 2: the trainer ends the class.
    const { log, game } = classRecord(9, [ada, grace]);
    expect(game.state).toMatchObject({ round: 2, tick: 3, phase: 'operations' });
    const results = sessionResults(log, scenario);
    expect(results).toMatchObject({ roundsReached: 2, endedEarly: true, currency: 'EUR' });
    const team1 = results.rows.filter((row) => row.kind === 'team' && row.team === 1);
    expect(team1.map((row) => [row.round, row.roundComplete, row.hoursPlayed])).toEqual([
      [1, true, 6],
      [2, false, 3],
    ]);
    // The cut-short round's figures are the game's as it stopped: profit in money, not cents.
    const now = readFigures(game, 0);
    expect(team1[1]?.profit).toBe((now?.profitCents ?? 0) / 100);
    expect(team1[1]?.balancedScore).toBeCloseTo(now?.balancedScore ?? 0, 1);
    // Each round's decisions add up to the game's.
    const decided = team1.reduce((sum, row) => sum + row.accommodate + row.premium + row.option + row.no + row.ignored, 0);
    const counts = now?.decisions;
    expect(decided).toBe(
      (counts?.accommodate ?? 0) + (counts?.premium ?? 0) + (counts?.option ?? 0) + (counts?.no ?? 0) + (counts?.ignored ?? 0),
    );
    expect(decided).toBeGreaterThan(0);
  });

  it('names each team’s players (a bot for an empty team) and adds every benchmark on the same seed, over the rounds reached', () => {
    const { log } = classRecord(9, [ada, grace, { id: 'x', name: 'Left', team: 0, removed: true }]);
    const results = sessionResults(log, scenario);
    expect(results.teams).toEqual([
      { team: 1, name: 'Team 1', players: ['Ada', 'Grace'], bot: false },
      { team: 2, name: 'Team 2', players: [], bot: true },
    ]);
    expect(results.rows.find((row) => row.team === 1)?.players).toBe('Ada; Grace');
    expect(results.rows.find((row) => row.team === 2)?.players).toBe('bot');
    const benchmarks = results.rows.filter((row) => row.kind === 'benchmark');
    expect(new Set(benchmarks.map((row) => row.players))).toEqual(new Set(STRATEGY_NAMES));
    // Two whole rounds each, like the debrief's benchmarks.
    expect(benchmarks.filter((row) => row.name === 'Strategist').map((row) => [row.round, row.roundComplete])).toEqual([
      [1, true],
      [2, true],
    ]);
  });

  it('a class played to its end has every round, complete', () => {
    const { log } = classRecord(18, [ada]);
    const results = sessionResults(log, scenario);
    expect(results.endedEarly).toBe(false);
    expect(results.rows.filter((row) => row.kind === 'team').map((row) => `${row.team}:${row.round}:${row.roundComplete}`)).toEqual([
      '1:1:true',
      '1:2:true',
      '1:3:true',
      '2:1:true',
      '2:2:true',
      '2:3:true',
    ]);
  });
});

describe('the CSV', () => {
  it('neutralises text a spreadsheet would run as a formula, and leaves numbers alone', () => {
    for (const text of ['=HYPERLINK("http://x","y")', '+1', '-2+3', '@SUM(A1)', '\t=1', '\r=1'])
      expect(neutraliseFormula(text)).toBe(`'${text}`);
    expect(neutraliseFormula('Ada')).toBe('Ada');
    expect(csvCell(-12.5)).toBe('-12.5');
    expect(csvCell('=1+1')).toBe("'=1+1");
    expect(csvCell('Ada; "Bea", Cy')).toBe('"Ada; ""Bea"", Cy"');
  });

  it('writes one header and one line per row, a learner’s formula-like name made plain', () => {
    const { log } = classRecord(6, [{ id: 'm', name: '=cmd|"/c calc"!A1', team: 0, removed: false }]);
    const csv = resultsCsv(sessionResults(log, scenario).rows);
    const lines = csv.trim().split('\n');
    expect(lines[0]).toBe(RESULT_COLUMNS.join(','));
    expect(lines[1]).toMatch(/^team,1,Team 1,"'=cmd\|""\/c calc""!A1",1,true,6,EUR,/);
    // Two teams and five benchmarks, one round each.
    expect(lines).toHaveLength(1 + 2 + STRATEGY_NAMES.length);
  });
});
