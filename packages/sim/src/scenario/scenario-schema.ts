import { z } from 'zod';

/** Whole cents: money never becomes a float anywhere in the simulation. */
const cents = z.int().min(0).max(1_000_000_000);
const share = z.number().min(0).max(1);
const id = z.string().regex(/^[a-z][a-z0-9-]{1,40}$/, 'a lower-case id such as "rush-delivery"');

export const segmentSchema = z.strictObject({
  id,
  name: z.string().min(1).max(40),
  description: z.string().min(1).max(200),
  /** Relative weight of this segment in the customer base. */
  share: z.number().positive().max(100),
  revenuePerRoundCents: cents,
  startingLoyalty: z.number().min(0).max(100),
  /** 0 = pays anything, 1 = balks at any surcharge. */
  priceSensitivity: share,
  patienceTicks: z.int().min(1).max(48),
  /** Chance that a customer uses a built option on their own, without a card. */
  selfService: share,
  /** How far a complaint or praise from this customer travels. */
  socialReach: share,
  requestsPerRound: z.number().min(0).max(10),
  /** How often this segment asks for each category (relative weights by category id). */
  asks: z.record(z.string(), z.number().min(0).max(100)),
});

export const optionEconomicsSchema = z.strictObject({
  buildCostCents: cents,
  /** Ticks into the next round's operations before the option goes live. */
  buildTicks: z.int().min(0).max(48),
  buildStaffHours: z.number().min(0).max(500),
  upkeepPerRoundCents: cents,
  perUseCostCents: cents,
  priceCents: cents,
  staffHoursPerUse: z.number().min(0).max(10),
});

export const categorySchema = z.strictObject({
  id,
  name: z.string().min(1).max(40),
  oneOffHours: z.number().positive().max(40),
  premiumPriceCents: cents,
  option: optionEconomicsSchema,
  /** How much a customer of each segment really values this (0..1, by segment id). */
  valueBySegment: z.record(z.string(), share),
  requests: z.array(z.string().min(5).max(200)).min(3),
});

export const eventEffectSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('demandSurge'), category: z.string(), extraPerTick: z.number().min(0).max(10) }),
  z.strictObject({ kind: z.literal('noPenalty'), multiplier: z.number().min(1).max(5) }),
  z.strictObject({ kind: z.literal('capacity'), multiplier: z.number().min(0.1).max(2) }),
  z.strictObject({ kind: z.literal('reputation'), delta: z.number().min(-50).max(50) }),
  z.strictObject({ kind: z.literal('premiumAcceptance'), multiplier: z.number().min(0).max(2) }),
  z.strictObject({
    kind: z.literal('specialRequest'),
    segment: z.string(),
    category: z.string(),
    hoursMultiplier: z.number().min(1).max(10),
    stakesMultiplier: z.number().min(1).max(5),
  }),
]);

export const eventSchema = z.strictObject({
  id,
  name: z.string().min(1).max(60),
  description: z.string().min(1).max(300),
  durationTicks: z.int().min(0).max(200),
  effects: z.array(eventEffectSchema).min(1),
});

export const scriptedEventSchema = z.strictObject({
  event: z.string(),
  round: z.int().min(1).max(20),
  tick: z.int().min(0).max(47),
});

export const baseScenarioSchema = z.strictObject({
  id,
  name: z.string().min(1).max(60),
  description: z.string().min(1).max(160),
  currency: z.enum(['EUR', 'USD', 'GBP']),
  rounds: z.int().min(1).max(20),
  ticksPerRound: z.int().min(4).max(48),
  startingCashCents: cents,
  scoring: z.strictObject({
    /** The profit that earns a full profit index; zero profit earns half. */
    profitTargetCents: z.int().min(1),
    weights: z.strictObject({ profit: share, exhaustion: share, loyalty: share }),
  }),
  staff: z.strictObject({
    initial: z.int().min(1).max(40),
    max: z.int().min(1).max(60),
    hoursPerTick: z.number().positive().max(4),
    wagePerTickCents: cents,
    hireCostCents: cents,
    names: z.array(z.string().min(1).max(30)).min(10),
  }),
  customers: z.strictObject({
    initial: z.int().min(20).max(500),
    /** Potential customers who may join later, drawn in by reputation. */
    prospects: z.int().min(0).max(500),
  }),
  reputation: z.strictObject({
    start: z.number().min(0).max(100),
    baseline: z.number().min(0).max(100),
    complaintImpact: z.number().min(0).max(20),
    praiseImpact: z.number().min(0).max(20),
    /** Share of the gap to the baseline closed at each round's end. */
    driftPerRound: share,
    /** Share of remaining prospects who join per round at reputation 100. */
    newcomerRate: share,
  }),
  segments: z.array(segmentSchema).min(3).max(8),
  categories: z.array(categorySchema).min(6).max(16),
  events: z.array(eventSchema).min(1),
  script: z.array(scriptedEventSchema),
});

/** A problem found by comparing parts of a scenario with each other (ids that must match up). */
export interface CrossReferenceIssue {
  path: (string | number)[];
  message: string;
}

type Loose = Record<string, unknown>;
const asList = (value: unknown): Loose[] =>
  Array.isArray(value) ? value.filter((item): item is Loose => !!item && typeof item === 'object') : [];
const asRecord = (value: unknown): Loose => (value && typeof value === 'object' && !Array.isArray(value) ? (value as Loose) : {});
const idsOf = (items: Loose[]) => items.map((item) => item.id).filter((value): value is string => typeof value === 'string');

/**
 * Checks that segments, categories and events refer to each other correctly. It reads the
 * data loosely, so it can report these problems even when other parts of the file are broken:
 * a scenario author sees every problem in one go.
 */
export function crossReferenceIssues(data: unknown): CrossReferenceIssue[] {
  const issues: CrossReferenceIssue[] = [];
  const scenario = asRecord(data);
  const segments = asList(scenario.segments);
  const categories = asList(scenario.categories);
  const events = asList(scenario.events);
  const segmentIds = new Set(idsOf(segments));
  const categoryIds = new Set(idsOf(categories));
  const eventIds = new Set(idsOf(events));
  const expectKnown = (found: unknown, known: Set<string>, what: string, path: (string | number)[]) => {
    if (typeof found === 'string' && !known.has(found)) {
      issues.push({
        path,
        message: `expected ${/^[aeiou]/.test(what) ? 'an' : 'a'} ${what} id (${[...known].join(', ')}), found "${found}"`,
      });
    }
  };
  const expectUnique = (ids: string[], what: string, key: string) => {
    ids.forEach((value, index) => {
      if (ids.indexOf(value) !== index)
        issues.push({ path: [key, index, 'id'], message: `expected a unique ${what} id, found "${value}" twice` });
    });
  };
  expectUnique(idsOf(segments), 'segment', 'segments');
  expectUnique(idsOf(categories), 'category', 'categories');
  expectUnique(idsOf(events), 'event', 'events');
  const staff = asRecord(scenario.staff);
  if (typeof staff.max === 'number' && typeof staff.initial === 'number' && staff.max < staff.initial) {
    issues.push({ path: ['staff', 'max'], message: `expected at least staff.initial (${staff.initial}), found ${staff.max}` });
  }
  const weights = asRecord(asRecord(scenario.scoring).weights);
  if ([weights.profit, weights.exhaustion, weights.loyalty].every((weight) => typeof weight === 'number')) {
    const total = (weights.profit as number) + (weights.exhaustion as number) + (weights.loyalty as number);
    if (Math.abs(total - 1) > 1e-6)
      issues.push({ path: ['scoring', 'weights'], message: `expected weights that add up to 1, found ${total}` });
  }
  segments.forEach((segment, index) => {
    for (const category of Object.keys(asRecord(segment.asks)))
      expectKnown(category, categoryIds, 'category', ['segments', index, 'asks', category]);
  });
  categories.forEach((category, index) => {
    const values = asRecord(category.valueBySegment);
    for (const segment of Object.keys(values))
      expectKnown(segment, segmentIds, 'segment', ['categories', index, 'valueBySegment', segment]);
    for (const segment of segmentIds) {
      if (!(segment in values))
        issues.push({ path: ['categories', index, 'valueBySegment'], message: `expected a value for segment "${segment}", found none` });
    }
  });
  events.forEach((event, index) => {
    asList(event.effects).forEach((effect, effectIndex) => {
      const path = ['events', index, 'effects', effectIndex];
      if (effect.kind === 'demandSurge' || effect.kind === 'specialRequest')
        expectKnown(effect.category, categoryIds, 'category', [...path, 'category']);
      if (effect.kind === 'specialRequest') expectKnown(effect.segment, segmentIds, 'segment', [...path, 'segment']);
    });
  });
  asList(scenario.script).forEach((scripted, index) => {
    expectKnown(scripted.event, eventIds, 'event', ['script', index, 'event']);
    if (typeof scripted.round === 'number' && typeof scenario.rounds === 'number' && scripted.round > scenario.rounds) {
      issues.push({ path: ['script', index, 'round'], message: `expected a round up to ${scenario.rounds}, found ${scripted.round}` });
    }
    if (typeof scripted.tick === 'number' && typeof scenario.ticksPerRound === 'number' && scripted.tick >= scenario.ticksPerRound) {
      issues.push({ path: ['script', index, 'tick'], message: `expected a tick below ${scenario.ticksPerRound}, found ${scripted.tick}` });
    }
  });
  return issues;
}

export const scenarioSchema = baseScenarioSchema.superRefine((scenario, ctx) => {
  for (const issue of crossReferenceIssues(scenario)) ctx.addIssue({ code: 'custom', path: issue.path, message: issue.message });
});

export type Scenario = z.infer<typeof scenarioSchema>;
export type Segment = Scenario['segments'][number];
export type Category = Scenario['categories'][number];
export type ScenarioEvent = Scenario['events'][number];
export type EventEffect = ScenarioEvent['effects'][number];
