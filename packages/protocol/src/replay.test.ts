import { checkpointHash, createStrategy, findScenario, playGame, type Scenario, stateHash } from '@ttc/sim';
import { describe, expect, it } from 'vitest';
import {
  checkpointMismatches,
  noteChangeSchema,
  noteInputSchema,
  replayIndexOfSessionLog,
  type SessionLog,
  sessionSummariesRequestSchema,
} from './index.js';

function scenarioOf(id: string): Scenario {
  const found = findScenario(id);
  if (!found) throw new Error(`scenario ${id} missing`);
  return found;
}

const scenario = scenarioOf('office-supplies');

/** A session record written by two strategist teams, as the server would store it. */
function recordedLog(): { log: SessionLog; finalHash: string } {
  const settings = { scenarioId: scenario.id, rounds: 2, ticksPerRound: 4, teamCount: 2, tickMs: 100, botsForEmptyTeams: true };
  const teamNames = ['Team 1', 'Team 2'];
  const played = playGame({ scenario, seed: 3, teams: 2, rounds: 2, ticksPerRound: 4, teamNames }, [createStrategy('strategist')]);
  const log: SessionLog = {
    sessionId: 's',
    joinCode: 'ACDEFG',
    scenarioId: settings.scenarioId,
    seed: 3,
    settings,
    status: 'ended',
    createdAt: '2026-11-22T10:00:00.000Z',
    teamNames,
    players: [],
    entries: played.commands.map((command, index) => ({ seq: index + 1, tick: 0, actor: 'bot', command })),
  };
  return { log, finalHash: stateHash(played.game.state) };
}

describe('replays of session records', () => {
  it('indexes a record: the last position is the game that wrote it, and checkpoints are checked', () => {
    const { log, finalHash } = recordedLog();
    const index = replayIndexOfSessionLog(log, scenario);
    expect(index.length).toBe(log.entries.length);
    expect(stateHash(index.gameAt(index.length).state)).toBe(finalHash);
    const good = { seq: index.length, tick: index.lastTick, hash: finalHash, reason: 'game-end' as const };
    expect(checkpointMismatches(index, [good])).toEqual([]);
    const wrongHash = { ...good, hash: '0000000000000000' };
    const beyond = { ...good, seq: index.length + 1 };
    const wrongTick = { ...good, tick: good.tick - 1 };
    expect(checkpointMismatches(index, [good, wrongHash, beyond, wrongTick])).toEqual([wrongHash, beyond, wrongTick]);
  });

  it('checks checkpoint hashes and the whole-state hashes of records written before them, each with its own kind', () => {
    const { log } = recordedLog();
    const index = replayIndexOfSessionLog(log, scenario);
    const middle = Math.floor(index.length / 2);
    const state = index.gameAt(middle).state;
    const current = { seq: middle, tick: index.tickAt(middle), hash: checkpointHash(state), reason: 'key-moment' as const };
    const older = { ...current, hash: stateHash(state) };
    expect(current.hash).not.toBe(older.hash);
    expect(checkpointMismatches(index, [current, older])).toEqual([]);
    const elsewhere = index.gameAt(middle + 1).state;
    const wrongCurrent = { ...current, hash: checkpointHash(elsewhere) };
    const wrongOlder = { ...current, hash: stateHash(elsewhere) };
    expect(checkpointMismatches(index, [current, wrongCurrent, older, wrongOlder])).toEqual([wrongCurrent, wrongOlder]);
  });

  it('refuses a record of another scenario', () => {
    const { log } = recordedLog();
    expect(() => replayIndexOfSessionLog(log, scenarioOf('shoe-store'))).toThrow(/played on "office-supplies"/);
  });
});

describe('replay request bodies', () => {
  it('trim note text and bound it to 500 characters', () => {
    expect(noteInputSchema.parse({ tick: 0, text: '  hi ' })).toEqual({ tick: 0, text: 'hi' });
    expect(noteInputSchema.safeParse({ tick: 0, text: 'x'.repeat(501) }).success).toBe(false);
    expect(noteInputSchema.safeParse({ tick: -1, text: 'x' }).success).toBe(false);
    expect(noteChangeSchema.safeParse({}).success).toBe(false);
    expect(noteChangeSchema.parse({ tick: 5 })).toEqual({ tick: 5 });
  });

  it('take at most 50 sessions at a time', () => {
    const sessions = Array.from({ length: 50 }, (_, index) => ({ sessionId: `s${index}`, key: 'k' }));
    expect(sessionSummariesRequestSchema.safeParse({ sessions }).success).toBe(true);
    expect(sessionSummariesRequestSchema.safeParse({ sessions: [...sessions, { sessionId: 'x', key: 'k' }] }).success).toBe(false);
  });
});
