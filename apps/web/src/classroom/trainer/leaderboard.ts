import type { TeamFiguresRow } from '@ttc/protocol';

// The projector's leaderboard: teams ranked by one figure, names optionally hidden.

export type RankFigure = 'profit' | 'exhaustion' | 'loyalty' | 'balanced';

export const RANK_FIGURES: readonly { figure: RankFigure; label: string; key: string; note: string }[] = [
  { figure: 'profit', label: 'Profit', key: '1', note: 'highest first' },
  { figure: 'exhaustion', label: 'Exhaustion', key: '2', note: 'lowest first: rested staff is better' },
  { figure: 'loyalty', label: 'Loyalty', key: '3', note: 'highest first' },
  { figure: 'balanced', label: 'Balanced score', key: '4', note: 'highest first: profit, rest and loyalty together' },
];

export function figureValue(row: TeamFiguresRow, figure: RankFigure): number {
  switch (figure) {
    case 'profit':
      return row.profitCents;
    case 'exhaustion':
      return row.exhaustion;
    case 'loyalty':
      return row.loyalty;
    case 'balanced':
      return row.balancedScore;
  }
}

export interface RankedRow {
  /** 1 for the best; equal figures share a rank ("1, 1, 3"). */
  rank: number;
  row: TeamFiguresRow;
}

/** Rounds a figure as it is shown, so teams that look equal on screen share a rank. */
function shownValue(row: TeamFiguresRow, figure: RankFigure): number {
  const value = figureValue(row, figure);
  return figure === 'profit' ? Math.round(value / 100) : Math.round(value);
}

export function rankTeams(rows: readonly TeamFiguresRow[], figure: RankFigure): RankedRow[] {
  const lowerIsBetter = figure === 'exhaustion';
  const sorted = [...rows].sort((a, b) => {
    const difference = shownValue(a, figure) - shownValue(b, figure);
    return (lowerIsBetter ? difference : -difference) || a.team - b.team;
  });
  const ranked: RankedRow[] = [];
  sorted.forEach((row, index) => {
    const previous = ranked[index - 1];
    const tied = previous && shownValue(previous.row, figure) === shownValue(row, figure);
    ranked.push({ rank: tied ? previous.rank : index + 1, row });
  });
  return ranked;
}

/** "1st", "2nd", "3rd", "4th"… */
export function ordinal(rank: number): string {
  const tens = rank % 100;
  if (tens >= 11 && tens <= 13) return `${rank}th`;
  return `${rank}${['th', 'st', 'nd', 'rd'][rank % 10] ?? 'th'}`;
}
