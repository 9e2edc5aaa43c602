import { applyCommand, createGame, findScenario, type Game, planCommands, type Scenario, type TeamView, teamView } from '@ttc/sim';
import { describe, expect, it } from 'vitest';
import { emptyDraft, type PlanDraft, planCost, planningRows } from './planning-model';

function scenarioOf(id: string): Scenario {
  const scenario = findScenario(id);
  if (!scenario) throw new Error(`no scenario ${id}`);
  return scenario;
}

const office = scenarioOf('office-supplies');
const SYMBOLS = ['●', '▲', '■', '◆'];

function viewOf(game: Game): TeamView {
  const view = teamView(game, 0);
  if (!view) throw new Error('no team 0');
  return view;
}

function apply(game: Game, command: Parameters<typeof applyCommand>[1]): void {
  const result = applyCommand(game, command);
  if (!result.ok) throw new Error(`${command.type}: ${result.rejection.reason}`);
}

/** Plays one round's operations doing every request for free, so the report has work in it. */
function playOperations(game: Game): void {
  while (game.state.phase === 'operations') {
    for (const card of viewOf(game).cards) apply(game, { type: 'decide', team: 0, demandId: card.demand.id, decision: 'accommodate' });
    apply(game, { type: 'tick' });
  }
}

/** A game in the planning phase after round 1. */
function afterRoundOne(seed = 4): Game {
  const game = createGame({ scenario: office, seed, teams: 1 });
  playOperations(game);
  expect(game.state.phase).toBe('planning');
  return game;
}

function rowFor(view: TeamView, categoryId: string) {
  const row = planningRows(view, office).find((candidate) => candidate.categoryId === categoryId);
  if (!row) throw new Error(`no row for ${categoryId}`);
  return row;
}

function draftWith(view: TeamView, changes: Partial<PlanDraft>): PlanDraft {
  return { ...emptyDraft(view), ...changes };
}

describe('planningRows', () => {
  it('has one row per category, in the scenario order', () => {
    const view = viewOf(afterRoundOne());
    expect(planningRows(view, office).map((row) => row.name)).toEqual(office.categories.map((category) => category.name));
  });

  it('counts the requests the round report counted', () => {
    const view = viewOf(afterRoundOne());
    const report = view.lastReport;
    if (!report) throw new Error('round 1 should have a report');
    const rows = planningRows(view, office);
    rows.forEach((row, index) => {
      expect(row.requests).toBe(report.categories[index]?.requests);
      expect(row.oneOffHours).toBe(report.categories[index]?.oneOffHours);
    });
    expect(rows.reduce((sum, row) => sum + row.requests, 0)).toBeGreaterThan(0);
  });

  it('writes who asked as segment symbols and counts that add up to the requests', () => {
    const view = viewOf(afterRoundOne());
    const report = view.lastReport;
    if (!report) throw new Error('round 1 should have a report');
    const asked = planningRows(view, office).filter((row) => row.requests > 0);
    expect(asked.length).toBeGreaterThan(0);
    for (const row of asked) {
      const index = office.categories.findIndex((category) => category.id === row.categoryId);
      const parts = row.bySegment.split('  ').map((part) => part.split(' '));
      for (const [symbol, count] of parts) {
        const segment = SYMBOLS.indexOf(symbol ?? '');
        expect(segment).toBeGreaterThanOrEqual(0);
        expect(Number(count)).toBe(report.categories[index]?.bySegment[segment]);
      }
      expect(parts.reduce((sum, [, count]) => sum + Number(count), 0)).toBe(row.requests);
    }
  });

  it('shows dashes and "not asked for" for a category nobody asked for', () => {
    // Before any round has been played there is no report: nothing was asked for yet.
    const game = createGame({ scenario: office, seed: 4, teams: 1 });
    for (const row of planningRows(viewOf(game), office)) {
      expect(row.requests).toBe(0);
      expect(row.bySegment).toBe('—');
      expect(row.cares).toBe('—');
      expect(row.optionWouldSave).toBe('not asked for');
      // Even unasked, an option says what it would take to build: money and staff hours.
      expect(row.optionNote).toMatch(/^Not asked for this round · an option: build €[\d,]+ \+ \d+ staff h, €[\d,.]+\/round$/);
      expect(row.cost).toBe('€0');
    }
  });

  it('prices the one-off hours at the wage and says what an option would have saved and cost', () => {
    const view = viewOf(afterRoundOne());
    const row = rowFor(view, 'rush-delivery');
    expect(row.requests).toBeGreaterThan(0);
    expect(row.oneOffHours).toBeGreaterThan(0);
    // Wages are €30 per staff hour.
    expect(row.cost).toBe(`€${Math.round(row.oneOffHours * 30).toLocaleString('en-GB')}`);
    expect(row.cares).toMatch(/^(cares a lot|cares somewhat|barely cares)$/);
    expect(row.optionWouldSave).toMatch(/^build €150 \+ \d+ staff h, €25\/round; would save up to \d+ h, €[\d,]+ in prices$/);
    expect(row.buildText).toBe(`build €150 + ${row.buildStaffHours} staff h`);
    expect(row.buildStaffHours).toBe(office.categories.find((category) => category.id === 'rush-delivery')?.option.buildStaffHours);
    expect(row.optionNote).toBe(`Option: ${row.optionWouldSave}`);
    expect(row.buildCostCents).toBe(15_000);
    expect(row.premiumPriceCents).toBe(4900);
  });

  it('shows no option, then one being built, then a live one', () => {
    const game = afterRoundOne();
    expect(rowFor(viewOf(game), 'rush-delivery').optionStatus).toBe('none');
    expect(rowFor(viewOf(game), 'rush-delivery').optionPriceCents).toBeNull();

    apply(game, { type: 'buildOption', team: 0, category: 'rush-delivery' });
    const building = rowFor(viewOf(game), 'rush-delivery');
    expect(building.optionStatus).toBe('building');
    expect(building.optionPriceCents).toBe(2500);
    expect(rowFor(viewOf(game), 'special-invoicing').optionStatus).toBe('none');

    apply(game, { type: 'commitPlan', team: 0 });
    apply(game, { type: 'startRound' });
    playOperations(game);
    const live = rowFor(viewOf(game), 'rush-delivery');
    expect(live.optionStatus).toBe('live');
    // Live all of round 2: whether its prices covered its upkeep is said, as the simulation judged it.
    const judged = viewOf(game).optionOffers.find((offer) => offer.categoryId === 'rush-delivery')?.lastRound;
    expect(judged).not.toBeNull();
    expect(live.paidUpkeep).toBe(judged?.paidUpkeep);
    expect(live.optionNote).toMatch(
      judged?.paidUpkeep
        ? /^★ Live, \d+ uses? · paid its upkeep last round \(€[\d,]+ net ≥ €25\)$/
        : /^★ Live, \d+ uses? · did not pay its upkeep last round \(−?€[\d,]+ net < €25\)$/,
    );
  });

  it('says how many build hours an option being built still needs', () => {
    const game = afterRoundOne();
    apply(game, { type: 'buildOption', team: 0, category: 'rush-delivery' });
    const row = rowFor(viewOf(game), 'rush-delivery');
    expect(row.optionNote).toBe(`★ Being built: ${row.buildStaffHours} of ${row.buildStaffHours} staff h left · live early next round`);
    expect(row.paidUpkeep).toBeNull();
  });

  it('shows the team premium price once it has been changed', () => {
    const game = afterRoundOne();
    apply(game, { type: 'setPremiumPrice', team: 0, category: 'volume-quote', priceCents: 5000 });
    expect(rowFor(viewOf(game), 'volume-quote').premiumPriceCents).toBe(5000);
  });
});

describe('planCost', () => {
  it('says nothing changes for an empty draft', () => {
    const view = viewOf(afterRoundOne());
    expect(planCost(view, office, emptyDraft(view))).toEqual({
      lines: ['No changes: next round runs as this one did.'],
      totalCents: 0,
    });
  });

  it('adds up building one option, hiring one person and the option upkeep', () => {
    const view = viewOf(afterRoundOne());
    const cost = planCost(view, office, draftWith(view, { build: ['rush-delivery'], hires: 1 }));
    expect(cost.lines).toEqual(['Build "Rush delivery": €150', 'Hire 1: €1,500, then wages', 'Option upkeep next round: €25']);
    expect(cost.totalCents).toBe(15_000 + 150_000 + 2500);
  });

  it('costs what the simulation then takes from the cash', () => {
    const game = afterRoundOne();
    const view = viewOf(game);
    const draft = draftWith(view, { build: ['rush-delivery'], hires: 1 });
    // Costed before anything is applied, as the planning screen shows it.
    const shown = planCost(view, office, draft).totalCents;
    const cashBefore = game.state.teams[0]?.cashCents ?? 0;
    for (const command of planCommands(view.team, draft, view.plannedRestPercent)) apply(game, command);
    apply(game, { type: 'startRound' });
    expect(cashBefore - (game.state.teams[0]?.cashCents ?? 0)).toBe(shown);
  });

  it('in a game with shorter rounds, costs the upkeep the simulation charges for them', () => {
    const game = createGame({ scenario: office, seed: 4, teams: 1, rounds: 3, ticksPerRound: 8 });
    playOperations(game);
    const view = viewOf(game);
    const draft = draftWith(view, { build: ['rush-delivery'] });
    const shown = planCost(view, office, draft);
    // Rounds of 8 hours are half the scenario's 16: half the €25 upkeep (€12.50, shown whole).
    expect(shown.lines).toContain('Option upkeep next round: €13');
    const cashBefore = game.state.teams[0]?.cashCents ?? 0;
    for (const command of planCommands(view.team, draft, view.plannedRestPercent)) apply(game, command);
    apply(game, { type: 'startRound' });
    expect(cashBefore - (game.state.teams[0]?.cashCents ?? 0)).toBe(shown.totalCents);
  });

  it('keeps charging upkeep for a kept option and stops for a retired one', () => {
    const game = afterRoundOne();
    apply(game, { type: 'buildOption', team: 0, category: 'rush-delivery' });
    apply(game, { type: 'commitPlan', team: 0 });
    apply(game, { type: 'startRound' });
    playOperations(game);
    const view = viewOf(game);
    expect(planCost(view, office, emptyDraft(view))).toEqual({ lines: ['Option upkeep next round: €25'], totalCents: 2500 });
    const retired = planCost(view, office, draftWith(view, { retire: ['rush-delivery'] }));
    expect(retired.totalCents).toBe(0);
    expect(retired.lines).toEqual(['Retire "Rush delivery"']);
  });

  it('lists each price the draft changes, old and new, and leaves out prices set back', () => {
    const view = viewOf(afterRoundOne());
    const first = office.categories[0];
    const second = office.categories[1];
    if (!first || !second) throw new Error('two categories');
    const raised = first.premiumPriceCents + 500;
    const draft = draftWith(view, { premiumPrices: { [first.id]: raised, [second.id]: second.premiumPriceCents } });
    const lines = planCost(view, office, draft).lines;
    expect(lines).toContain(`Premium “${first.name}”: €${(first.premiumPriceCents / 100).toFixed(2)} → €${(raised / 100).toFixed(2)}`);
    expect(lines.some((line) => line.includes(second.name))).toBe(false);
    expect(lines).not.toContain('No changes: next round runs as this one did.');
  });

  it('mentions planned rest', () => {
    const view = viewOf(afterRoundOne());
    const cost = planCost(view, office, draftWith(view, { restPercent: 20 }));
    expect(cost.lines).toEqual(['Rest 20 %: that much less capacity, faster recovery']);
    expect(cost.totalCents).toBe(0);
  });
});

describe('planCommands', () => {
  it('only commits the plan for an empty draft', () => {
    const view = viewOf(afterRoundOne());
    expect(planCommands(view.team, emptyDraft(view), view.plannedRestPercent)).toEqual([{ type: 'commitPlan', team: 0 }]);
  });

  it('retires before it builds and commits last, and the simulation accepts every command', () => {
    const game = afterRoundOne();
    apply(game, { type: 'buildOption', team: 0, category: 'rush-delivery' });
    apply(game, { type: 'commitPlan', team: 0 });
    apply(game, { type: 'startRound' });
    playOperations(game);
    expect(game.state.phase).toBe('planning');

    const view = viewOf(game);
    const draft = draftWith(view, {
      retire: ['rush-delivery'],
      build: ['volume-quote'],
      premiumPrices: { 'special-invoicing': 4500 },
      optionPrices: { 'volume-quote': 1800 },
      // A team that answered nothing for two rounds cannot afford a hire: its customers spend less.
      hires: 0,
      restPercent: 10,
    });
    const commands = planCommands(view.team, draft, view.plannedRestPercent);
    expect(commands.map((command) => command.type)).toEqual([
      'retireOption',
      'buildOption',
      'setPremiumPrice',
      'setOptionPrice',
      'setRest',
      'commitPlan',
    ]);
    for (const command of commands) expect(applyCommand(game, command)).toEqual({ ok: true, outcomes: [] });

    const after = viewOf(game);
    expect(rowFor(after, 'rush-delivery').optionStatus).toBe('none');
    expect(rowFor(after, 'volume-quote').optionStatus).toBe('building');
    expect(rowFor(after, 'volume-quote').optionPriceCents).toBe(1800);
    expect(rowFor(after, 'special-invoicing').premiumPriceCents).toBe(4500);
    expect(after.plannedHires).toBe(0);
    expect(after.plannedRestPercent).toBe(10);
    expect(game.state.teams[0]?.planCommitted).toBe(true);
  });

  it('leaves rest alone when the draft keeps the planned rest', () => {
    const view = viewOf(afterRoundOne());
    const commands = planCommands(view.team, draftWith(view, { hires: 2 }), view.plannedRestPercent);
    expect(commands.map((command) => command.type)).toEqual(['hire', 'commitPlan']);
  });
});
