import { describe, expect, it } from 'vitest';
import { nextRoundWarning, teamsStillPlanning } from './next-round';

const row = (team: number, planCommitted: boolean) => ({ team, name: `Team ${team + 1}`, planCommitted });

describe('starting the next round', () => {
  it('names the teams that have not committed their plan, in team order', () => {
    expect(teamsStillPlanning([row(3, false), row(0, true), row(1, false)])).toEqual(['Team 2', 'Team 4']);
    expect(teamsStillPlanning([row(0, true), row(1, true)])).toEqual([]);
  });

  it('asks before starting without them, and not at all when every team is ready', () => {
    expect(nextRoundWarning(['Team 2'], 3)).toBe(
      'Team 2 has not committed a plan: its options, prices and staff stay as they are. Start round 3 anyway?',
    );
    expect(nextRoundWarning(['Team 1', 'Team 2', 'Team 4'], 2)).toBe(
      'Team 1, Team 2 and Team 4 have not committed a plan: their options, prices and staff stay as they are. Start round 2 anyway?',
    );
    expect(nextRoundWarning([], 2)).toBeUndefined();
  });
});
