import { describe, expect, it } from 'vitest';
import { applyCommand } from '../commands/apply-command.js';
import type { DecisionOutcome } from '../commands/command-result.js';
import { createGame } from '../state/create-game.js';
import { cardOnTable, OFFICE } from '../test-support/card-on-table.js';
import { REACTION } from './reaction-model.js';

describe('overwork costs money', () => {
  it('a resignation costs the hire cost, and the replacement works at half pace for a round: wages do not fall', () => {
    let checked = 0;
    for (let seed = 1; seed <= 10 && checked === 0; seed++) {
      const game = createGame({ scenario: OFFICE, seed, rounds: 2 });
      const team = game.state.teams[0];
      if (!team) throw new Error('no team');
      while (game.state.tick < game.state.config.ticksPerRound - 1) applyCommand(game, { type: 'tick' });
      for (const member of team.staff) member.exhaustion = 100;
      const costs = team.costsCents;
      applyCommand(game, { type: 'tick' });
      const report = team.reports[0];
      if (!report || report.staffResigned.length === 0) continue;
      checked++;
      expect(report.resignationCostsCents).toBe(report.staffResigned.length * OFFICE.staff.hireCostCents);
      expect(team.costsCents - costs).toBeGreaterThanOrEqual(report.resignationCostsCents);
      expect(team.cashCents).toBe(OFFICE.startingCashCents + team.revenueCents - team.costsCents);
      // The team keeps its size: each leaver is replaced by a fresh newcomer at half pace.
      expect(team.staff).toHaveLength(OFFICE.staff.initial);
      const newcomers = team.staff.filter((member) => member.rampRounds > 0);
      expect(newcomers).toHaveLength(report.staffResigned.length);
      for (const member of newcomers) expect(member.exhaustion).toBe(0);
      expect(team.staffLost).toBe(report.staffResigned.length);
    }
    expect(checked).toBe(1);
  });

  it('tired staff make mistakes, and each one is credited to the customer', () => {
    let mistakes = 0;
    for (let seed = 1; seed <= 30 && mistakes === 0; seed++) {
      const { game, team, demand } = cardOnTable({ seed, category: 'rush-delivery' });
      for (const member of team.staff) member.exhaustion = 95;
      const result = applyCommand(game, { type: 'decide', team: 0, demandId: demand.id, decision: 'accommodate' });
      const outcome = (result.ok ? result.outcomes[0] : undefined) as DecisionOutcome;
      if (!outcome.error) continue;
      mistakes++;
      const credit = Math.round((OFFICE.categories[0]?.premiumPriceCents ?? 0) * REACTION.errorCreditShare);
      expect(outcome.costCents).toBe(credit);
      expect(outcome.satisfaction).toBe(REACTION.errorSatisfaction);
      expect(team.roundReport.mistakeCostsCents).toBe(credit);
    }
    expect(mistakes).toBe(1);
  });
});
