import { applyCommand, createGame, findScenario, type Game, type Scenario, type TeamView, teamView } from '@ttc/sim';
import { describe, expect, it } from 'vitest';
import { cardModel } from '../view-model/card-model';
import { planningRows } from '../view-model/planning-model';
import { cardSentence, operationsLines, previewLines, roundReportLines, selectedCardAnnouncement } from './board-text';

function scenarioOf(id: string): Scenario {
  const scenario = findScenario(id);
  if (!scenario) throw new Error(`no scenario ${id}`);
  return scenario;
}

const office = scenarioOf('office-supplies');

function viewOf(game: Game): TeamView {
  const view = teamView(game, 0);
  if (!view) throw new Error('no team 0');
  return view;
}

function tick(game: Game, times = 1): void {
  for (let i = 0; i < times; i++) {
    const result = applyCommand(game, { type: 'tick' });
    if (!result.ok) throw new Error(result.rejection.reason);
  }
}

/** Seed 2 has demands waiting after three hours. */
function waiting(): { game: Game; view: TeamView } {
  const game = createGame({ scenario: office, seed: 2, teams: 1 });
  tick(game, 3);
  return { game, view: viewOf(game) };
}

describe('the selected card in words', () => {
  it('names the customer, segment, spend, request, how much they care and the patience left', () => {
    const { view } = waiting();
    const card = view.cards[0];
    if (!card) throw new Error('a card should wait');
    const model = cardModel(card, office);
    const sentence = cardSentence(model, 0, view.cards.length);
    expect(sentence).toContain(`Card 1 of ${view.cards.length}: ${card.customerName}, ${card.segmentName}, spends ${model.value}`);
    expect(sentence).toContain(`Asks for ${card.categoryName}: “${card.requestText}”`);
    expect(sentence).toContain(model.cares.slice(1));
    expect(sentence).toMatch(new RegExp(`${card.ticksLeft} hours? of patience left|last hour of patience`));
    // Read aloud: no segment symbol.
    expect(sentence).not.toMatch(/[●▲■◆]/);
  });

  it('says "last hour" when one hour of patience is left', () => {
    const { view } = waiting();
    const card = view.cards[0];
    if (!card) throw new Error('a card should wait');
    const model = { ...cardModel(card, office), ticksLeft: 1, urgent: true };
    expect(cardSentence(model, 0, 1)).toContain('last hour of patience');
  });

  it('gives one line per decision key with its preview, and why an option cannot be offered yet', () => {
    const { view } = waiting();
    const card = view.cards[0];
    if (!card?.previews) throw new Error('a solo card carries previews');
    const lines = previewLines(cardModel(card, office));
    expect(lines).toHaveLength(4);
    expect(lines[0]).toMatch(/^1 Accommodate: \d+\.\d h staff, free, loyalty [+−]?\d/);
    expect(lines[1]).toMatch(/^2 Premium: €[\d.,]+, \d+ % accept, loyalty /);
    expect(lines[2]).toBe('3 Offer option: not possible: no standard option built for this yet');
    expect(lines[3]).toMatch(/^4 Gentle no: no staff time, loyalty [+−]?[\d.]+, \d+ % complaint$/);
    // "·" reads as "dot" in some screen readers: commas instead.
    for (const line of lines) expect(line).not.toContain('·');
  });

  it('announces the card and its previews together when it is selected', () => {
    const { view } = waiting();
    const card = view.cards[0];
    if (!card) throw new Error('a card should wait');
    const model = cardModel(card, office);
    const announcement = selectedCardAnnouncement(model, 0, view.cards.length);
    expect(announcement.startsWith(cardSentence(model, 0, view.cards.length))).toBe(true);
    for (const line of previewLines(model)) expect(announcement).toContain(line);
  });
});

describe('the situation and the round report in words', () => {
  it('names the hour as the screen does, and the figures', () => {
    const { view } = waiting();
    const lines = operationsLines(view, 'EUR');
    expect(lines[0]).toBe('Round 1 of 6, Hour 4 of 16');
    expect(lines).toContain(`Waiting demands ${view.cards.length}`);
    expect(lines).toContain(`Loyalty ${Math.round(view.figures.loyalty)} of 100`);
  });

  it('gives each request of the round with who asked, by segment name, and what an option would do', () => {
    const game = createGame({ scenario: office, seed: 2, teams: 1 });
    tick(game, 16);
    const view = viewOf(game);
    const rows = planningRows(view, office);
    const lines = roundReportLines(rows);
    expect(lines).toHaveLength(office.categories.length);
    const busiest = [...rows].sort((a, b) => b.requests - a.requests)[0];
    if (!busiest) throw new Error('a category');
    const line = lines[rows.indexOf(busiest)] as string;
    expect(line).toMatch(new RegExp(`^${busiest.name}: ${busiest.requests} requests from `));
    expect(line).toContain(busiest.segmentCounts.map((entry) => `${entry.name} ${entry.count}`).join(', '));
    expect(line).toContain('Option: build €');
    expect(line).not.toMatch(/[●▲■◆]/);
  });

  it('tells a live option as live, not as what an option would do', () => {
    const game = createGame({ scenario: office, seed: 2, teams: 1 });
    tick(game, 16);
    const category = office.categories[0];
    if (!category) throw new Error('a category');
    for (const command of [{ type: 'buildOption', team: 0, category: category.id }, { type: 'startRound' }] as const) {
      const result = applyCommand(game, command);
      if (!result.ok) throw new Error(result.rejection.reason);
    }
    tick(game, 16);
    const view = viewOf(game);
    const row = planningRows(view, office)[0];
    expect(row?.optionStatus).toBe('live');
    expect(row?.optionNote).toMatch(/^★ Live, \d+ uses? · /);
    expect(roundReportLines(planningRows(view, office))[0]).toContain('Option live, ');
    expect(roundReportLines(planningRows(view, office))[0]).not.toContain('would');
  });
});
