import { describe, expect, it } from 'vitest';
import { BUILTIN_SCENARIOS, findScenario } from './builtin-scenarios.js';
import { checkScenario, checkScenarioText, formatScenarioProblem } from './validate-scenario.js';

describe('shipped scenarios', () => {
  it('include the four trades', () => {
    expect(BUILTIN_SCENARIOS.map((scenario) => scenario.id).sort()).toEqual([
      'boutique-hotel',
      'office-supplies',
      'same-day-delivery',
      'shoe-store',
    ]);
  });

  for (const scenario of BUILTIN_SCENARIOS) {
    describe(scenario.id, () => {
      it('has 3+ segments, 6+ categories with 3+ request texts each, and scripted events', () => {
        expect(scenario.segments.length).toBeGreaterThanOrEqual(3);
        expect(scenario.categories.length).toBeGreaterThanOrEqual(6);
        for (const category of scenario.categories) expect(category.requests.length).toBeGreaterThanOrEqual(3);
        expect(scenario.script.length).toBeGreaterThan(0);
      });

      it('has a whim: a category most segments hardly value', () => {
        const whims = scenario.categories.filter((category) => {
          const values = Object.values(category.valueBySegment);
          return values.filter((value) => value <= 0.2).length > values.length / 2;
        });
        expect(whims.length).toBeGreaterThan(0);
      });

      it('has the kinds of events a trainer expects to inject', () => {
        const kinds = new Set(scenario.events.flatMap((event) => event.effects.map((effect) => effect.kind)));
        for (const kind of ['reputation', 'demandSurge', 'capacity', 'specialRequest', 'premiumAcceptance']) expect(kinds).toContain(kind);
      });
    });
  }
});

describe('a bad scenario file', () => {
  const good = findScenario('office-supplies');

  it('is rejected with every problem listed: file, JSON path, expected and found', () => {
    const broken = structuredClone(good) as unknown as Record<string, unknown> & {
      segments: Record<string, unknown>[];
      categories: Record<string, unknown>[];
    };
    broken.rounds = 'six';
    (broken.segments[1] as Record<string, unknown>).priceSensitivity = 1.7;
    (broken.categories[0] as Record<string, unknown>).requests = ['Too few'];
    broken.script = [{ event: 'meteor-strike', round: 2, tick: 1 }];
    delete broken.currency;
    const check = checkScenario(broken, 'broken.json');
    expect(check.ok).toBe(false);
    if (check.ok) return;
    const lines = check.problems.map(formatScenarioProblem);
    expect(lines).toContain('broken.json: $.rounds: expected number, found string "six"');
    expect(lines).toContain('broken.json: $.segments[1].priceSensitivity: expected <= 1, found 1.7');
    expect(lines).toContain('broken.json: $.categories[0].requests: expected at least 3 items, found an array of 1');
    expect(lines).toContain('broken.json: $.currency: expected one of "EUR", "USD", "GBP", found nothing');
    expect(
      lines.some(
        (line) => line.startsWith('broken.json: $.script[0].event: expected an event id') && line.endsWith('found "meteor-strike"'),
      ),
    ).toBe(true);
  });

  it('reports cross-reference mistakes by path', () => {
    const broken = structuredClone(good) as unknown as { segments: { asks: Record<string, number> }[] };
    (broken.segments[0] as { asks: Record<string, number> }).asks.teleport = 2;
    const check = checkScenario(broken, 'x.json');
    expect(check.ok).toBe(false);
    if (!check.ok) expect(check.problems.map((problem) => problem.path)).toContain('$.segments[0].asks.teleport');
  });

  it('that is not JSON says so', () => {
    const check = checkScenarioText('{ "id": ', 'half.json');
    expect(check.ok).toBe(false);
    if (!check.ok) expect(check.problems[0]).toMatchObject({ file: 'half.json', path: '$', expected: 'valid JSON' });
  });
});
