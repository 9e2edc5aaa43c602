import type { Scenario } from '@ttc/sim';
import type { PlanDraft } from '../../view-model/planning-model';

// Changing a draft plan on the phone planning screen, one tap at a time, within the limits the
// desktop planning screen keeps: prices move in tenths of the scenario's price, rest in steps.

/** A price step: a tenth of the scenario's own price for the category. */
export const PRICE_STEP = 0.1;
export const REST_LEVELS = [0, 10, 20, 30] as const;

function copy(draft: PlanDraft): PlanDraft {
  return structuredClone(draft);
}

/** Build an option (or cancel the build); with an option already there, retire it (or keep it). */
export function toggleOption(draft: PlanDraft, categoryId: string, hasOption: boolean): PlanDraft {
  const next = copy(draft);
  const list = hasOption ? next.retire : next.build;
  const index = list.indexOf(categoryId);
  if (index >= 0) list.splice(index, 1);
  else list.push(categoryId);
  return next;
}

/** The premium price one step up or down: never below zero nor above three times the scenario's. */
export function stepPremium(draft: PlanDraft, scenario: Scenario, categoryId: string, current: number, direction: 1 | -1): PlanDraft {
  const base = scenario.categories.find((category) => category.id === categoryId)?.premiumPriceCents ?? current;
  const next = copy(draft);
  next.premiumPrices[categoryId] = Math.max(0, Math.min(base * 3, current + Math.round(base * PRICE_STEP) * direction));
  return next;
}

/** An option's price one step up or down (at least 50 cents a step; at most three times its price, or 10.00). */
export function stepOptionPrice(draft: PlanDraft, categoryId: string, current: number, base: number, direction: 1 | -1): PlanDraft {
  const next = copy(draft);
  next.optionPrices[categoryId] = Math.max(
    0,
    Math.min(Math.max(base * 3, 1000), current + Math.max(50, Math.round(base * PRICE_STEP)) * direction),
  );
  return next;
}

/** Hires for next round, from none to as many as the team may still take on. */
export function withHires(draft: PlanDraft, count: number, maxHires: number): PlanDraft {
  return { ...copy(draft), hires: Math.max(0, Math.min(maxHires, count)) };
}

/** Rest one level up or down: 0, 10, 20 or 30 % of working time. */
export function stepRest(draft: PlanDraft, direction: 1 | -1): PlanDraft {
  const at = REST_LEVELS.indexOf(draft.restPercent as (typeof REST_LEVELS)[number]);
  const index = Math.max(0, Math.min(REST_LEVELS.length - 1, (at < 0 ? 0 : at) + direction));
  return { ...copy(draft), restPercent: REST_LEVELS[index] ?? 0 };
}
