import { describe, expect, it } from 'vitest';
import { balanceMoves, isBalanced, type SeatedPlayer } from './team-balance';

function players(sizes: number[]): SeatedPlayer[] {
  return sizes.flatMap((size, team) => Array.from({ length: size }, (_, index) => ({ id: `t${team}p${index}`, team })));
}

function apply(list: SeatedPlayer[], teamCount: number): SeatedPlayer[] {
  const moves = balanceMoves(list, teamCount);
  return list.map((player) => ({ ...player, team: moves.find((move) => move.playerId === player.id)?.to ?? player.team }));
}

describe('balanceMoves', () => {
  it('moves nobody when the teams are already balanced', () => {
    expect(balanceMoves(players([3, 2, 3, 2]), 4)).toEqual([]);
    expect(balanceMoves([], 4)).toEqual([]);
  });

  it('moves the surplus of a crowded team to the empty ones', () => {
    const list = players([6, 0, 0]);
    const moves = balanceMoves(list, 3);
    expect(moves).toHaveLength(4);
    expect(isBalanced(apply(list, 3), 3)).toBe(true);
    // The latest arrivals leave.
    expect(moves.map((move) => move.playerId).sort()).toEqual(['t0p2', 't0p3', 't0p4', 't0p5']);
  });

  it('keeps the odd player on a team that already has more, saving a move', () => {
    // 7 players, 2 teams: 5/2 → 4/3 is one move (not two to reach 3/4).
    const moves = balanceMoves(players([5, 2]), 2);
    expect(moves).toEqual([{ playerId: 't0p4', from: 0, to: 1 }]);
  });

  it('needs the fewest moves for uneven starts', () => {
    const cases: [number[], number][] = [
      [[4, 4, 0, 0], 4],
      [[1, 5, 1, 1], 3],
      [[2, 5, 1], 2],
      [[0, 0, 0, 0, 0, 0, 0, 9], 7],
      [[3, 0], 1],
    ];
    for (const [sizes, fewest] of cases) {
      const list = players(sizes);
      expect(balanceMoves(list, sizes.length)).toHaveLength(fewest);
      expect(isBalanced(apply(list, sizes.length), sizes.length)).toBe(true);
    }
  });

  it('leaves teams empty when there are fewer players than teams', () => {
    const list = players([3, 0, 0, 0, 0]);
    expect(balanceMoves(list, 5)).toHaveLength(2);
    expect(isBalanced(apply(list, 5), 5)).toBe(true);
  });
});
