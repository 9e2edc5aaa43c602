import { describe, expect, it } from 'vitest';
import { applyCommand } from '../commands/apply-command.js';
import type { Outcome } from '../commands/command-result.js';
import { createGame } from '../state/create-game.js';
import { OFFICE } from '../test-support/card-on-table.js';

describe('when the game ends', () => {
  it('cards still waiting go unanswered, and work still owed is finished and its wages paid', () => {
    const game = createGame({ scenario: OFFICE, seed: 2, rounds: 1 });
    const team = game.state.teams[0];
    if (!team) throw new Error('no team');
    while (game.state.tick < game.state.config.ticksPerRound - 1) applyCommand(game, { type: 'tick' });
    // The last hour: every waiting card but one is promised; that one is left waiting.
    const [leftWaiting, ...promised] = team.demands;
    if (!leftWaiting || promised.length === 0) throw new Error('expected several cards waiting');
    for (const demand of promised) applyCommand(game, { type: 'decide', team: 0, demandId: demand.id, decision: 'accommodate' });
    const result = applyCommand(game, { type: 'tick' });
    const outcomes: Outcome[] = result.ok ? result.outcomes : [];
    expect(game.state.phase).toBe('ended');
    expect(team.demands).toEqual([]);
    expect(outcomes).toContainEqual(expect.objectContaining({ kind: 'decision', demandId: leftWaiting.id, resolution: 'ignored' }));
    const report = team.reports[0];
    expect(report?.settledHours).toBeGreaterThan(0);
    expect(report?.settledCostsCents).toBe(Math.round((report?.settledHours ?? 0) * OFFICE.staff.wagePerTickCents));
    expect(team.backlogHours).toBe(0);
    expect(team.cashCents).toBe(OFFICE.startingCashCents + team.revenueCents - team.costsCents);
  });
});
