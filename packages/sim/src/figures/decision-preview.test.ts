import { describe, expect, it } from 'vitest';
import { applyCommand } from '../commands/apply-command.js';
import { brokenPromiseSatisfaction, loyaltyChange } from '../rules/reaction-model.js';
import { promiseWork, WORK } from '../rules/work-queue.js';
import type { TeamState } from '../state/game-state.js';
import { cardOnTable } from '../test-support/card-on-table.js';
import { previewDecisions } from './decision-preview.js';

function owe(team: TeamState, hours: number, dueTick: number): void {
  promiseWork(team, {
    kind: 'accommodate',
    demandId: null,
    customerId: 1,
    category: 0,
    hours,
    hoursLeft: hours,
    promisedTick: 0,
    dueTick,
    importance: 0.5,
    stakes: 1,
    loyaltyGain: 0,
    refundCents: 0,
  });
}

describe('a decision says what it promises and whether it can be kept', () => {
  it('work previews name the hours they commit, when they are due and when the backlog reaches them', () => {
    const { game, demand } = cardOnTable({ segment: 'small-offices', category: 'rush-delivery' });
    const previews = previewDecisions(game, 0, demand.id);
    expect(previews?.accommodate).toMatchObject({
      committedHours: demand.oneOffHours,
      staffHours: demand.oneOffHours,
      promise: { dueTick: WORK.promiseTicks, readyTick: 1, inTime: true, needsOvertime: false },
    });
    expect(previews?.premium.committedHours).toBe(demand.oneOffHours);
    expect(previews?.premium.staffHours).toBeCloseTo(demand.oneOffHours * (previews?.premium.acceptChance ?? 0));
    expect(previews?.no).toMatchObject({ committedHours: 0, staffHours: 0, promise: null });
    expect(previews?.ignored).toMatchObject({ committedHours: 0, promise: null });
  });

  it('work the backlog reaches only with overtime says so', () => {
    const { game, team, demand } = cardOnTable({ category: 'rush-delivery' });
    owe(team, 25, WORK.promiseTicks);
    const promise = previewDecisions(game, 0, demand.id)?.accommodate.promise;
    expect(promise).toMatchObject({ inTime: true, needsOvertime: true });
    expect(promise?.readyTick).toBeGreaterThan(promise?.dueTick ?? 0);
  });

  it('work the backlog cannot reach in time shows the broken promise the customer would get', () => {
    const { game, team, customer, demand } = cardOnTable({ category: 'rush-delivery', importance: 0.7 });
    owe(team, 60, WORK.promiseTicks);
    const accommodate = previewDecisions(game, 0, demand.id)?.accommodate;
    expect(accommodate?.promise?.inTime).toBe(false);
    expect(accommodate?.satisfaction).toBeCloseTo(brokenPromiseSatisfaction(0.7, 1));
    expect(accommodate?.loyaltyChange).toBeCloseTo(loyaltyChange(brokenPromiseSatisfaction(0.7, 1), customer.loyalty, 1));
  });

  it('the outcome of a decision carries the promise the preview showed', () => {
    const { game, demand } = cardOnTable({ segment: 'key-accounts', category: 'special-invoicing' });
    const preview = previewDecisions(game, 0, demand.id)?.premium;
    const result = applyCommand(game, { type: 'decide', team: 0, demandId: demand.id, decision: 'premium' });
    const outcome = result.ok ? result.outcomes[0] : undefined;
    if (outcome?.kind !== 'decision' || !outcome.accepted) throw new Error('expected an accepted premium');
    // Paid now, and the work is still owed: the outcome says how much and by when.
    expect(outcome.revenueCents).toBe(preview?.priceCents);
    expect(outcome.staffHours).toBe(demand.oneOffHours);
    expect(outcome.promise).toEqual(preview?.promise);
  });
});
