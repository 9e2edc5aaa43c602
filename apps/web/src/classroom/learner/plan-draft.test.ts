import { findScenario, type Scenario } from '@ttc/sim';
import { describe, expect, it } from 'vitest';
import { stepOptionPrice, stepPremium, stepRest, toggleOption, withHires } from './plan-draft';

const scenario = findScenario('office-supplies') as Scenario;
const category = scenario.categories[0];
if (!category) throw new Error('the scenario has categories');
const empty = { build: [], retire: [], premiumPrices: {}, optionPrices: {}, hires: 0, restPercent: 0 };

describe('the phone planning draft', () => {
  it('builds an option with one tap and cancels it with the next; an existing option is retired instead', () => {
    const built = toggleOption(empty, category.id, false);
    expect(built.build).toEqual([category.id]);
    expect(empty.build).toEqual([]);
    expect(toggleOption(built, category.id, false).build).toEqual([]);
    expect(toggleOption(empty, category.id, true).retire).toEqual([category.id]);
  });

  it('moves the premium price in tenths of the scenario’s price, between zero and three times it', () => {
    const base = category.premiumPriceCents;
    expect(stepPremium(empty, scenario, category.id, base, 1).premiumPrices[category.id]).toBe(base + Math.round(base / 10));
    expect(stepPremium(empty, scenario, category.id, 0, -1).premiumPrices[category.id]).toBe(0);
    expect(stepPremium(empty, scenario, category.id, base * 3, 1).premiumPrices[category.id]).toBe(base * 3);
  });

  it('moves an option’s price at least 50 cents a step', () => {
    expect(stepOptionPrice(empty, category.id, 200, 200, 1).optionPrices[category.id]).toBe(250);
    expect(stepOptionPrice(empty, category.id, 20, 200, -1).optionPrices[category.id]).toBe(0);
  });

  it('keeps hires and rest within their limits', () => {
    expect(withHires(empty, 5, 2).hires).toBe(2);
    expect(withHires(empty, -1, 2).hires).toBe(0);
    expect(stepRest(empty, 1).restPercent).toBe(10);
    expect(stepRest({ ...empty, restPercent: 30 }, 1).restPercent).toBe(30);
    expect(stepRest(empty, -1).restPercent).toBe(0);
  });
});
