import { describe, expect, it } from 'vitest';
import { BUILTIN_SCENARIOS } from '../scenario/builtin-scenarios.js';
import { frequentCategories, measurePace, requestMix } from './pace-report.js';

// At the default pace a person decides about one card per simulated hour. Without options the
// stream must overwhelm them (the chaos); with options on the frequent categories they keep up.
const SEEDS = Array.from({ length: 30 }, (_, index) => index + 1);

describe.each(BUILTIN_SCENARIOS.map((scenario) => [scenario.id, scenario] as const))('the pace of %s', (_, scenario) => {
  const pace = measurePace(scenario, SEEDS);

  it('the frequent categories are the shared needs, not the whim, and make up most requests', () => {
    const importance = requestMix(scenario).map((mix) => mix.importance);
    const whim = scenario.categories[importance.indexOf(Math.min(...importance))];
    expect(frequentCategories(scenario).length).toBeGreaterThanOrEqual(3);
    expect(pace.frequentCategories).not.toContain(whim?.id);
    expect(pace.frequentShare).toBeGreaterThan(0.7);
  });

  it('without options, clearly more than one card an hour reaches the team', () => {
    expect(pace.withoutOptions).toBeGreaterThan(2);
  });

  it('with live options on the frequent categories, about one card an hour or fewer', () => {
    expect(pace.withOptions).toBeLessThanOrEqual(1.1);
    expect(pace.withOptions).toBeLessThan(pace.withoutOptions / 2);
  });
});
