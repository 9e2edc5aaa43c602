import { gameSetupOfSessionLog, type SessionLog, type TeamFiguresRow } from '@ttc/protocol';
import { applyCommand, BUILTIN_SCENARIOS, createGame } from '@ttc/sim';
import { describe, expect, it } from 'vitest';
import { DashboardHistory, rebuildConsole, sparklinePoints } from './dashboard-history';

function row(team: number, profitCents: number): TeamFiguresRow {
  return {
    team,
    name: `Team ${team + 1}`,
    bot: false,
    profitCents,
    exhaustion: 10,
    loyalty: 60,
    reputation: 50,
    balancedScore: 50,
    waitingDemands: 0,
    connectedPlayers: 1,
    players: 1,
    planCommitted: false,
  };
}

describe('DashboardHistory', () => {
  it('keeps one point per simulated hour, the latest push of the hour winning', () => {
    const history = new DashboardHistory();
    history.record(1, 0, [row(0, 0), row(1, 0)]);
    history.record(1, 1, [row(0, 100), row(1, -50)]);
    history.record(1, 1, [row(0, 300), row(1, -50)]);
    expect(history.length).toBe(2);
    expect(history.points(0).map((point) => point.profitCents)).toEqual([0, 300]);
    expect(history.range('profitCents')).toEqual([-50, 300]);
    expect(history.range('loyalty')).toEqual([59, 61]);
  });

  it('lets a longer rebuilt history replace a shorter one, never the other way round', () => {
    const live = new DashboardHistory();
    live.record(2, 3, [row(0, 500)]);
    const rebuilt = new DashboardHistory();
    rebuilt.record(1, 0, [row(0, 0)]);
    rebuilt.record(1, 1, [row(0, 200)]);
    live.adopt(rebuilt);
    expect(live.points(0).map((point) => point.profitCents)).toEqual([0, 200]);
    live.adopt(new DashboardHistory());
    expect(live.length).toBe(2);
  });
});

describe('rebuildConsole', () => {
  it('replays the log: a point after every hour, and the feed with who decided what', () => {
    const scenario = BUILTIN_SCENARIOS[0];
    if (!scenario) throw new Error('no scenario');
    const log: SessionLog = {
      sessionId: 's',
      joinCode: 'ACDEFG',
      scenarioId: scenario.id,
      seed: 7,
      settings: { scenarioId: scenario.id, rounds: 2, ticksPerRound: 4, teamCount: 2, tickMs: 1000, botsForEmptyTeams: true },
      status: 'running',
      createdAt: '2026-11-22T10:00:00Z',
      teamNames: ['Team 1', 'Team 2'],
      players: [{ id: 'p1', name: 'Ada', team: 1, removed: false }],
      entries: [1, 2, 3].map((seq) => ({ seq, tick: seq - 1, actor: 'clock', command: { type: 'tick' as const } })),
    };
    // Ada answers the first demand waiting for Team 2 after three hours.
    const game = createGame(gameSetupOfSessionLog(log, scenario));
    for (const entry of log.entries) applyCommand(game, entry.command);
    const demand = game.state.teams[1]?.demands[0];
    if (!demand) throw new Error('a demand is waiting');
    log.entries.push({ seq: 4, tick: 3, actor: 'p1', command: { type: 'decide', team: 1, demandId: demand.id, decision: 'no' } });

    const { history, feed } = rebuildConsole(log, scenario);
    expect(history.length).toBe(4);
    expect(history.points(1)).toHaveLength(4);
    expect(feed.at(-1)).toMatchObject({ type: 'decided', team: 1, demandId: demand.id, decision: 'no', by: 'Ada' });
    expect(feed.every((message) => message.type !== 'decided' || message.by === 'Ada' || message.by === 'clock')).toBe(true);
  });
});

describe('sparklinePoints', () => {
  it('scales the values into the box, high at the top', () => {
    expect(sparklinePoints([0, 50, 100], 100, 20, 0, 100)).toBe('0,20 50,10 100,0');
  });

  it('draws a single value as a flat line and nothing for no values', () => {
    expect(sparklinePoints([50], 100, 20, 0, 100)).toBe('0,10 100,10');
    expect(sparklinePoints([], 100, 20, 0, 100)).toBe('');
  });
});
