import type { Game } from '@ttc/sim';

/** One row per team and played round: the figures at the round's end and what was decided in it. */
export interface ResultRow {
  team: number;
  teamName: string;
  round: number;
  profitCents: number;
  exhaustion: number;
  loyalty: number;
  reputation: number;
  revenueCents: number;
  costsCents: number;
  accommodate: number;
  premium: number;
  option: number;
  no: number;
  ignored: number;
  selfService: number;
  complaints: number;
  customersLost: number;
  staffResigned: number;
}

const round1 = (value: number) => Math.round(value * 10) / 10;

export function sessionResults(game: Game): ResultRow[] {
  const { ticksPerRound } = game.state.config;
  return game.state.teams.flatMap((team) =>
    team.reports.map((report) => {
      const end = team.history[report.round * ticksPerRound - 1];
      const sum = (pick: (counts: (typeof report.categories)[number]) => number) =>
        report.categories.reduce((total, stats) => total + pick(stats), 0);
      return {
        team: team.index,
        teamName: team.name,
        round: report.round,
        profitCents: end?.profitCents ?? 0,
        exhaustion: round1(end?.exhaustion ?? 0),
        loyalty: round1(end?.loyalty ?? 0),
        reputation: round1(end?.reputation ?? 0),
        revenueCents: report.revenueCents,
        costsCents: report.costsCents,
        accommodate: sum((stats) => stats.resolutions.accommodate),
        premium: sum((stats) => stats.resolutions.premium),
        option: sum((stats) => stats.resolutions.option),
        no: sum((stats) => stats.resolutions.no),
        ignored: sum((stats) => stats.resolutions.ignored),
        selfService: sum((stats) => stats.selfServed),
        complaints: report.complaints,
        customersLost: report.customersLost,
        staffResigned: report.staffResigned.length,
      };
    }),
  );
}

function csvCell(value: string | number): string {
  const text = String(value);
  return /[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function resultsCsv(rows: ResultRow[]): string {
  const columns: (keyof ResultRow)[] = [
    'team',
    'teamName',
    'round',
    'profitCents',
    'exhaustion',
    'loyalty',
    'reputation',
    'revenueCents',
    'costsCents',
    'accommodate',
    'premium',
    'option',
    'no',
    'ignored',
    'selfService',
    'complaints',
    'customersLost',
    'staffResigned',
  ];
  const lines = [columns.join(','), ...rows.map((row) => columns.map((column) => csvCell(row[column])).join(','))];
  return `${lines.join('\n')}\n`;
}
