import { findScenario, type Scenario } from '@ttc/sim';
import { describe, expect, it } from 'vitest';
import { SoloSession } from '../session/solo-session';
import type { DebriefModel, DebriefRow } from './debrief-model';
import { pastGameOf, soloSummary } from './solo-summary';

const row = (name: string, balancedScore: number, you = false): DebriefRow => ({
  name,
  you,
  profitCents: 123_456,
  exhaustion: 33.6,
  loyalty: 70.2,
  balancedScore,
  staffLost: 0,
  history: [],
});

const model = (rows: DebriefRow[], rank: number): DebriefModel => ({
  rows,
  rank,
  decisionMix: { accommodate: 0, premium: 0, option: 0, no: 0, ignored: 0 },
  moments: [],
  lesson: '',
});

describe('the end of a solo game in words', () => {
  it('gives your three figures and balanced score', () => {
    const summary = soloSummary(model([row('You', 61.23, true), row('Strategist', 80)], 2), 'EUR');
    expect(summary.rank).toBe('You placed 2 of 2 on balanced score.');
    expect(summary.yours).toEqual([
      { label: 'Profit', value: '€1,235' },
      { label: 'Staff exhaustion', value: '34 /100' },
      { label: 'Customer loyalty', value: '70 /100' },
      { label: 'Balanced score', value: '61.2' },
    ]);
  });

  it('lists you among the benchmarks, best balanced score first, you above a benchmark you tied', () => {
    const summary = soloSummary(model([row('You', 50, true), row('Always no', 40), row('Strategist', 80), row('Random', 50)], 2), 'EUR');
    expect(summary.rows.map((line) => line.name)).toEqual(['Strategist', 'You', 'Random', 'Always no']);
    expect(summary.rows[1]).toMatchObject({ you: true, score: 'Balanced score 50.0' });
    expect(summary.rows[0]?.figures).toBe('Profit €1,235 · exhaustion 34 · loyalty 70');
  });

  it('keeps a finished game for the past-games list with its settings and your figures', () => {
    const scenario = findScenario('office-supplies') as Scenario;
    const session = new SoloSession({ scenario, seed: 9, length: 'short', feedback: true, tutorial: false }, false);
    const you = row('You', 55.5, true);
    expect(pastGameOf(session, you, '2026-01-01T00:00:00.000Z')).toEqual({
      finishedAt: '2026-01-01T00:00:00.000Z',
      scenarioId: scenario.id,
      scenarioName: scenario.name,
      seed: 9,
      length: 'short',
      profitCents: you.profitCents,
      exhaustion: you.exhaustion,
      loyalty: you.loyalty,
      balancedScore: 55.5,
      currency: scenario.currency,
    });
  });
});
