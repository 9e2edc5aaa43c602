import { applyCommand, type CardView, createGame, findScenario, type Game, type Scenario, type TeamView, teamView } from '@ttc/sim';
import { describe, expect, it } from 'vitest';
import { cardModel } from './card-model';

function scenarioOf(id: string): Scenario {
  const scenario = findScenario(id);
  if (!scenario) throw new Error(`no scenario ${id}`);
  return scenario;
}

function viewOf(game: Game): TeamView {
  const view = teamView(game, 0);
  if (!view) throw new Error('no team 0');
  return view;
}

/** Read afresh: commands change the phase behind the type checker's back. */
function inOperations(game: Game): boolean {
  return game.state.phase === 'operations';
}

function tick(game: Game): void {
  const result = applyCommand(game, { type: 'tick' });
  if (!result.ok) throw new Error(result.rejection.reason);
}

/** The first waiting card, over seeds and round-1 ticks, that matches. */
function findCard(scenario: Scenario, matches: (card: CardView) => boolean): { game: Game; card: CardView } {
  for (let seed = 1; seed <= 40; seed++) {
    const game = createGame({ scenario, seed, teams: 1 });
    for (let step = 1; step < game.state.config.ticksPerRound; step++) {
      tick(game);
      const card = viewOf(game).cards.find(matches);
      if (card) return { game, card };
    }
  }
  throw new Error('no such card in 40 seeds');
}

function choice(model: ReturnType<typeof cardModel>, decision: string) {
  const found = model.choices.find((candidate) => candidate.decision === decision);
  if (!found) throw new Error(`no ${decision} choice`);
  return found;
}

const office = scenarioOf('office-supplies');

describe('cardModel', () => {
  it('shows who is asking and what they ask, as the simulation says', () => {
    const { card } = findCard(office, () => true);
    const model = cardModel(card, office);
    expect(model.demandId).toBe(card.demand.id);
    expect(model.customer).toBe(card.customerName);
    expect(model.category).toBe(card.categoryName);
    expect(model.request).toBe(card.requestText);
    expect(model.loyalty).toBe(Math.round(card.loyalty));
    expect(Number.isInteger(model.loyalty)).toBe(true);
  });

  it('shows a key account with the first segment symbol and €72 a round', () => {
    const { card } = findCard(office, (candidate) => candidate.segmentIndex === 0);
    const model = cardModel(card, office);
    expect(model.segment).toBe('● Key accounts');
    expect(model.value).toBe('€72/round');
  });

  it('shows a small office with the second segment symbol and €14.40 a round', () => {
    const { card } = findCard(office, (candidate) => candidate.segmentIndex === 1);
    const model = cardModel(card, office);
    expect(model.segment).toBe('▲ Small offices');
    expect(model.value).toBe('€14.40/round');
  });

  it('writes the value in the scenario currency', () => {
    const shoes = scenarioOf('shoe-store');
    const { card } = findCard(shoes, () => true);
    expect(cardModel(card, shoes).value).toMatch(/^\$\d+\/round$/);
  });

  it('says how much the customer cares about this request', () => {
    const { card: keen } = findCard(office, (candidate) => candidate.demand.importance >= 0.7);
    expect(cardModel(keen, office).cares).toBe('cares a lot');
    const { card: whim } = findCard(office, (candidate) => candidate.demand.importance < 0.4);
    expect(cardModel(whim, office).cares).toBe('barely cares');
  });

  it('shows patience as a fraction of the waiting time that drains with each tick', () => {
    const { game, card } = findCard(office, (candidate) => candidate.ticksLeft >= 3);
    const total = card.demand.deadlineTick - card.demand.arrivedTick;
    const before = cardModel(card, office);
    expect(before.ticksLeft).toBe(card.ticksLeft);
    expect(before.patience).toBeCloseTo(card.ticksLeft / total);
    expect(before.patience).toBeGreaterThan(0);
    expect(before.patience).toBeLessThanOrEqual(1);

    tick(game);
    const later = viewOf(game).cards.find((candidate) => candidate.demand.id === card.demand.id);
    if (!later) throw new Error('the demand should still be waiting');
    const after = cardModel(later, office);
    expect(after.ticksLeft).toBe(before.ticksLeft - 1);
    expect(after.patience).toBeCloseTo(before.patience - 1 / total);
  });

  it('is urgent only when one tick of patience is left', () => {
    const { game, card } = findCard(office, (candidate) => candidate.ticksLeft >= 3);
    expect(cardModel(card, office).urgent).toBe(false);
    let current: CardView | undefined = card;
    while (current && current.ticksLeft > 1) {
      expect(cardModel(current, office).urgent).toBe(false);
      tick(game);
      current = viewOf(game).cards.find((candidate) => candidate.demand.id === card.demand.id);
    }
    if (!current) throw new Error('the demand should still be waiting with one tick left');
    const model = cardModel(current, office);
    expect(model.ticksLeft).toBe(1);
    expect(model.urgent).toBe(true);
    expect(model.patience).toBeGreaterThanOrEqual(0);
    expect(model.patience).toBeLessThan(0.5);
  });

  it('offers the four decisions in order, the option unavailable until one is built', () => {
    const { card } = findCard(office, () => true);
    const model = cardModel(card, office);
    expect(model.choices.map((item) => item.decision)).toEqual(['accommodate', 'premium', 'option', 'no']);
    const option = choice(model, 'option');
    expect(option.available).toBe(false);
    expect(option.summary).toBe('no standard option built for this yet');
    expect(option.unavailableReason).toMatch(/build an option/i);
    for (const decision of ['accommodate', 'premium', 'no']) {
      expect(choice(model, decision).available).toBe(true);
      expect(choice(model, decision).unavailableReason).toBeUndefined();
    }
  });

  it('summarises each choice with staff hours, price, acceptance and loyalty', () => {
    const { card } = findCard(office, (candidate) => candidate.categoryName === 'Rush delivery' && candidate.demand.eventId === null);
    const model = cardModel(card, office);
    // Rush delivery: 3 h as a one-off, €49 at a premium.
    expect(choice(model, 'accommodate').summary).toMatch(/^3\.0 h staff · free · loyalty [+−]?\d+\.\d$/);
    expect(choice(model, 'premium').summary).toMatch(/^€49\.00 · \d+ % accept · loyalty [+−]?\d+\.\d$/);
    expect(choice(model, 'no').summary).toMatch(/^no staff time · loyalty [+−]?\d+\.\d · \d+ % complaint$/);
    expect(choice(model, 'premium').summary).toContain(`${Math.round(card.previews.premium.acceptChance * 100)} % accept`);
  });

  it('marks demands raised by an event as special', () => {
    const game = createGame({ scenario: office, seed: 3, teams: 1 });
    expect(viewOf(game).cards.every((card) => !cardModel(card, office).special)).toBe(true);
    // The key account's request for proposal is scripted for round 2, tick 3.
    while (game.state.phase === 'operations') tick(game);
    expect(applyCommand(game, { type: 'startRound' }).ok).toBe(true);
    let special: CardView | undefined;
    while (!special && game.state.tick < 8) {
      tick(game);
      special = viewOf(game).cards.find((card) => card.demand.eventId !== null);
    }
    if (!special) throw new Error('the scripted special request should be waiting');
    expect(cardModel(special, office).special).toBe(true);
  });

  it('makes the option available, with its price and take-up, once an option is live', () => {
    const game = createGame({ scenario: office, seed: 5, teams: 1 });
    while (game.state.phase === 'operations') tick(game);
    expect(applyCommand(game, { type: 'buildOption', team: 0, category: 'rush-delivery' }).ok).toBe(true);
    expect(applyCommand(game, { type: 'commitPlan', team: 0 }).ok).toBe(true);
    expect(applyCommand(game, { type: 'startRound' }).ok).toBe(true);

    // While it is being built, the card still says no option is ready.
    tick(game);
    const early = viewOf(game).cards.find((card) => card.categoryName === 'Rush delivery');
    if (early) expect(choice(cardModel(early, office), 'option').available).toBe(false);

    let card: CardView | undefined;
    while (!card && inOperations(game)) {
      tick(game);
      const view = viewOf(game);
      if (view.options.some((option) => option.status === 'live'))
        card = view.cards.find((candidate) => candidate.categoryName === 'Rush delivery');
    }
    if (!card) throw new Error('a rush delivery request should arrive once the option is live');
    const option = choice(cardModel(card, office), 'option');
    expect(option.available).toBe(true);
    expect(option.unavailableReason).toBeUndefined();
    // The rush delivery option is priced at €25.
    expect(option.summary).toMatch(/^€25\.00 · \d+ % take it · loyalty [+−]?\d+\.\d$/);
  });

  it('shows "…" for each choice of a class card whose previews have not arrived, and keeps them open', () => {
    const { card } = findCard(scenarioOf('office-supplies'), () => true);
    const { previews: _previews, ...withoutPreviews } = card;
    const model = cardModel(withoutPreviews, scenarioOf('office-supplies'));
    expect(model.choices.map((item) => [item.summary, item.available])).toEqual([
      ['…', true],
      ['…', true],
      ['…', true],
      ['…', true],
    ]);
    expect(model.customer).toBe(card.customerName);
  });
});
