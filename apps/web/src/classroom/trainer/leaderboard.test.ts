import type { TeamFiguresRow } from '@ttc/protocol';
import { describe, expect, it } from 'vitest';
import { ordinal, rankTeams } from './leaderboard';

function row(team: number, profitCents: number, exhaustion: number, loyalty: number, balancedScore: number): TeamFiguresRow {
  return {
    team,
    name: `Team ${team + 1}`,
    bot: false,
    profitCents,
    exhaustion,
    loyalty,
    reputation: 50,
    balancedScore,
    waitingDemands: 0,
    connectedPlayers: 1,
    players: 1,
    planCommitted: false,
  };
}

const rows = [row(0, 10_000, 40, 60, 55), row(1, 50_000, 70, 50, 52), row(2, -2_000, 20, 80, 61)];

describe('rankTeams', () => {
  it('ranks the highest profit, loyalty and balanced score first', () => {
    expect(rankTeams(rows, 'profit').map((ranked) => ranked.row.team)).toEqual([1, 0, 2]);
    expect(rankTeams(rows, 'loyalty').map((ranked) => ranked.row.team)).toEqual([2, 0, 1]);
    expect(rankTeams(rows, 'balanced').map((ranked) => ranked.row.team)).toEqual([2, 0, 1]);
  });

  it('ranks the lowest exhaustion first', () => {
    expect(rankTeams(rows, 'exhaustion').map((ranked) => ranked.row.team)).toEqual([2, 0, 1]);
  });

  it('gives teams that look equal the same rank', () => {
    const tied = [row(0, 1000, 30.2, 50, 50), row(1, 2000, 29.9, 50, 50), row(2, 3000, 45, 50, 50)];
    expect(rankTeams(tied, 'exhaustion').map((ranked) => [ranked.row.team, ranked.rank])).toEqual([
      [0, 1],
      [1, 1],
      [2, 3],
    ]);
  });
});

describe('ordinal', () => {
  it('names places in English', () => {
    expect([1, 2, 3, 4, 11, 12, 13, 21, 22].map(ordinal)).toEqual(['1st', '2nd', '3rd', '4th', '11th', '12th', '13th', '21st', '22nd']);
  });
});
