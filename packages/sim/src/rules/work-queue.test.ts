import { describe, expect, it } from 'vitest';
import { applyCommand } from '../commands/apply-command.js';
import type { BrokenPromiseOutcome, Outcome } from '../commands/command-result.js';
import { previewDecisions } from '../figures/decision-preview.js';
import { stepWithStrategies } from '../play/play-game.js';
import { createGame } from '../state/create-game.js';
import type { TeamState, WorkItem } from '../state/game-state.js';
import { createStrategy } from '../strategies/create-strategy.js';
import { cardOnTable, OFFICE } from '../test-support/card-on-table.js';
import { promiseWork, WORK } from './work-queue.js';

/** Somebody else's promise, due at `dueTick`: work the staff must do first. */
function otherWork(hours: number, dueTick: number, customerId = 0): WorkItem {
  return {
    kind: 'accommodate',
    demandId: null,
    customerId,
    category: 0,
    hours,
    hoursLeft: hours,
    promisedTick: 0,
    dueTick,
    importance: 0.5,
    stakes: 1,
    loyaltyGain: 0,
    refundCents: 0,
  };
}

function tickUntil(game: ReturnType<typeof cardOnTable>['game'], tick: number): Outcome[] {
  const outcomes: Outcome[] = [];
  while (game.state.globalTick < tick) {
    const result = applyCommand(game, { type: 'tick' });
    if (result.ok) outcomes.push(...result.outcomes);
  }
  return outcomes;
}

const brokenFor = (outcomes: Outcome[], demandId: number) =>
  outcomes.find((outcome): outcome is BrokenPromiseOutcome => outcome.kind === 'broken-promise' && outcome.demandId === demandId);

/** Fills the queue with 40 hours promised earlier and due with the card's work: the staff cannot reach it in time. */
function swamp(team: TeamState): void {
  promiseWork(team, otherWork(40, WORK.promiseTicks, 1));
}

describe('promised work has a due tick', () => {
  it('work the staff reach in time is delivered: no broken promise', () => {
    const { game, team, demand } = cardOnTable({ segment: 'key-accounts', category: 'rush-delivery' });
    const result = applyCommand(game, { type: 'decide', team: 0, demandId: demand.id, decision: 'accommodate' });
    const outcome = result.ok ? result.outcomes[0] : undefined;
    expect(outcome?.kind === 'decision' && outcome.promise).toMatchObject({
      dueTick: WORK.promiseTicks,
      inTime: true,
      needsOvertime: false,
    });
    expect(team.work.map((item) => item.demandId)).toEqual([demand.id]);
    const outcomes = tickUntil(game, WORK.promiseTicks + 1);
    expect(brokenFor(outcomes, demand.id)).toBeUndefined();
    expect(team.work.some((item) => item.demandId === demand.id)).toBe(false);
    expect(team.brokenPromises).toBe(0);
  });

  it('a premium not delivered in time is refunded and leaves the customer worse off than a gentle no', () => {
    const declined = cardOnTable({ segment: 'key-accounts', category: 'rush-delivery' });
    applyCommand(declined.game, { type: 'decide', team: 0, demandId: declined.demand.id, decision: 'no' });

    const { game, team, customer, demand } = cardOnTable({ segment: 'key-accounts', category: 'rush-delivery' });
    swamp(team);
    expect(previewDecisions(game, 0, demand.id)?.premium.promise?.inTime).toBe(false);
    const cashBefore = team.cashCents;
    const result = applyCommand(game, { type: 'decide', team: 0, demandId: demand.id, decision: 'premium' });
    const decision = result.ok ? result.outcomes[0] : undefined;
    if (decision?.kind !== 'decision') throw new Error('no decision');
    expect(decision.accepted).toBe(true);
    // The price is paid now; the work is still owed.
    expect(team.cashCents - cashBefore).toBe(decision.revenueCents);
    expect(decision.promise?.inTime).toBe(false);

    const broken = brokenFor(tickUntil(game, WORK.promiseTicks + 1), demand.id);
    expect(broken).toMatchObject({ work: 'premium', refundCents: decision.revenueCents, dueTick: WORK.promiseTicks });
    expect(broken?.hoursLeft).toBeGreaterThan(0);
    expect(team.work.some((item) => item.demandId === demand.id)).toBe(false);
    expect(team.roundReport.refundsCents).toBe(decision.revenueCents);
    expect(customer.loyalty).toBeLessThan(declined.customer.loyalty);
    expect(team.keyMoments.map((moment) => moment.kind)).toContain('broken-promise');
  });

  it('the staff work promises in order of due tick', () => {
    const { team } = cardOnTable();
    promiseWork(team, otherWork(2, 9, 5));
    promiseWork(team, otherWork(2, 3, 6));
    promiseWork(team, otherWork(2, 9, 7));
    expect(team.work.map((item) => item.customerId)).toEqual([6, 5, 7]);
  });

  it('staff work overtime only when the promises falling due need it', () => {
    const relaxed = cardOnTable();
    promiseWork(relaxed.team, otherWork(12, 8));
    tickUntil(relaxed.game, 1);
    expect(relaxed.team.roundReport.overtimeHours).toBe(0);

    const pressed = cardOnTable();
    promiseWork(pressed.team, otherWork(8, 2));
    tickUntil(pressed.game, 1);
    expect(pressed.team.roundReport.overtimeHours).toBeCloseTo(1);
    expect(pressed.team.roundReport.overtimeCostsCents).toBe(Math.round(1 * OFFICE.staff.wagePerTickCents * 1.5));
  });

  it('a team cannot owe work that never falls due: saying yes to everything keeps only what is due soon', () => {
    const game = createGame({ scenario: OFFICE, seed: 4 });
    const team = game.state.teams[0] as TeamState;
    const yesToAll = [createStrategy('always-accommodate')];
    let worstBacklog = 0;
    while (game.state.phase !== 'ended') {
      stepWithStrategies(game, yesToAll, []);
      worstBacklog = Math.max(worstBacklog, team.backlogHours);
      for (const item of team.work) expect(item.dueTick ?? 0).toBeGreaterThan(game.state.globalTick - 1);
    }
    expect(team.brokenPromises).toBeGreaterThan(20);
    expect(worstBacklog).toBeLessThan(WORK.promiseTicks * OFFICE.staff.initial * 4);
    expect(team.work).toEqual([]);
  });
});
