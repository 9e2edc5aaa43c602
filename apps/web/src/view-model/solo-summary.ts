import type { SoloRecord } from '../session/solo-record';
import type { PastGame } from '../storage/past-games';
import type { DebriefModel, DebriefRow } from './debrief-model';
import { money } from './format';

// The end of a solo game in words, for the phone's summary (the laptop's debrief draws the same
// model as charts): your three figures and balanced score, and every benchmark on your seed.

export interface SummaryFigure {
  label: string;
  value: string;
}

export interface SummaryRow {
  name: string;
  you: boolean;
  /** "Balanced score 61.2" */
  score: string;
  /** "Profit €1,234 · exhaustion 34 · loyalty 70" */
  figures: string;
}

export interface SoloSummary {
  /** "You placed 2 of 7 on balanced score." */
  rank: string;
  yours: SummaryFigure[];
  /** You and the benchmarks, best balanced score first. */
  rows: SummaryRow[];
}

export function soloSummary(model: DebriefModel, currency: string): SoloSummary {
  const you = model.rows[0] as DebriefRow;
  return {
    rank: `You placed ${model.rank} of ${model.rows.length} on balanced score.`,
    yours: [
      { label: 'Profit', value: money(you.profitCents, currency, false) },
      { label: 'Staff exhaustion', value: `${Math.round(you.exhaustion)} /100` },
      { label: 'Customer loyalty', value: `${Math.round(you.loyalty)} /100` },
      { label: 'Balanced score', value: you.balancedScore.toFixed(1) },
    ],
    // A stable sort: on a tie you stay above the benchmark you matched, as the rank counts it.
    rows: [...model.rows]
      .sort((a, b) => b.balancedScore - a.balancedScore)
      .map((row) => ({
        name: row.you ? 'You' : row.name,
        you: row.you,
        score: `Balanced score ${row.balancedScore.toFixed(1)}`,
        figures: `Profit ${money(row.profitCents, currency, false)} · exhaustion ${Math.round(row.exhaustion)} · loyalty ${Math.round(row.loyalty)}`,
      })),
  };
}

/** A finished game as the past-games list keeps it: your row of the debrief. */
export function pastGameOf(record: SoloRecord, you: DebriefRow, finishedAt: string): PastGame {
  const scenario = record.game.scenario;
  return {
    finishedAt,
    scenarioId: scenario.id,
    scenarioName: scenario.name,
    seed: record.settings.seed,
    length: record.settings.length,
    profitCents: you.profitCents,
    exhaustion: you.exhaustion,
    loyalty: you.loyalty,
    balancedScore: you.balancedScore,
    currency: scenario.currency,
  };
}
