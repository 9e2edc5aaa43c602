import type { TeamFiguresRow } from '@ttc/protocol';

// Starting the next round before every team has committed its plan is allowed (the trainer keeps
// the pace), but never by accident: the console names the teams still planning and asks first.

/** The teams still planning, in team order ("Team 2", "Team 4"); bot teams commit by themselves. */
export function teamsStillPlanning(rows: readonly Pick<TeamFiguresRow, 'team' | 'name' | 'planCommitted'>[]): string[] {
  return [...rows]
    .sort((a, b) => a.team - b.team)
    .filter((row) => !row.planCommitted)
    .map((row) => row.name);
}

/** "Team 2 has", "Team 2 and Team 4 have", "Team 1, Team 2 and Team 4 have". */
function namesHave(names: readonly string[]): string {
  const list = names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
  return `${list} ${names.length === 1 ? 'has' : 'have'}`;
}

/**
 * The question the console asks before starting round `next` while some teams plan, or
 * undefined when every team has committed (the round starts at once).
 */
export function nextRoundWarning(names: readonly string[], next: number): string | undefined {
  if (names.length === 0) return undefined;
  return `${namesHave(names)} not committed a plan: ${names.length === 1 ? 'its' : 'their'} options, prices and staff stay as they are. Start round ${next} anyway?`;
}
