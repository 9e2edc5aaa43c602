// "Balance teams" in the lobby: the fewest moves that leave team sizes at most one apart.

export interface SeatedPlayer {
  id: string;
  team: number;
}

export interface TeamMove {
  playerId: string;
  from: number;
  to: number;
}

/**
 * Each team keeps as many of its players as its target allows; only the surplus moves. The
 * larger targets go to the teams that are already larger, which is what makes the number of
 * moves the smallest possible. From a crowded team the latest arrivals move (they have had the
 * least time to settle in); they go to the emptiest team first.
 */
export function balanceMoves(players: readonly SeatedPlayer[], teamCount: number): TeamMove[] {
  if (teamCount < 1) return [];
  const members: SeatedPlayer[][] = Array.from({ length: teamCount }, () => []);
  for (const player of players) members[Math.min(Math.max(player.team, 0), teamCount - 1)]?.push(player);
  const base = Math.floor(players.length / teamCount);
  let larger = players.length % teamCount;
  const byCurrentSize = members.map((list, team) => ({ team, size: list.length })).sort((a, b) => b.size - a.size || a.team - b.team);
  const target = Array.from({ length: teamCount }, () => base);
  for (const { team } of byCurrentSize) {
    if (larger === 0) break;
    target[team] = base + 1;
    larger--;
  }
  const leaving: SeatedPlayer[] = [];
  members.forEach((list, team) => {
    const surplus = list.length - (target[team] ?? 0);
    if (surplus > 0) leaving.push(...list.slice(list.length - surplus));
  });
  const moves: TeamMove[] = [];
  const size = members.map((list) => list.length);
  for (const player of leaving) {
    const from = player.team;
    let to = -1;
    for (let team = 0; team < teamCount; team++) {
      const room = (target[team] ?? 0) - (size[team] ?? 0);
      if (room > 0 && (to === -1 || (size[team] ?? 0) < (size[to] ?? 0))) to = team;
    }
    if (to === -1) break;
    size[from] = (size[from] ?? 0) - 1;
    size[to] = (size[to] ?? 0) + 1;
    moves.push({ playerId: player.id, from, to });
  }
  return moves;
}

/** How many players each team has, teams 0..teamCount-1. */
export function teamSizes(players: readonly SeatedPlayer[], teamCount: number): number[] {
  const sizes = Array.from({ length: teamCount }, () => 0);
  for (const player of players) if (player.team >= 0 && player.team < teamCount) sizes[player.team] = (sizes[player.team] ?? 0) + 1;
  return sizes;
}

/** True when no team has two players more than another. */
export function isBalanced(players: readonly SeatedPlayer[], teamCount: number): boolean {
  const sizes = teamSizes(players, teamCount);
  return sizes.length === 0 || Math.max(...sizes) - Math.min(...sizes) <= 1;
}
