import { applyCommand, type BrokenPromiseOutcome, createGame, type DecisionOutcome, findScenario, type Scenario } from '@ttc/sim';
import { describe, expect, it } from 'vitest';
import { TeamFeed } from './team-feed.js';

const scenario = findScenario('office-supplies') as Scenario;

/** A real game in which the team says yes to every card at once: cards nobody answers, and then broken promises. */
function overworkedGame() {
  const game = createGame({ scenario, seed: 5, teams: 1, rounds: 3, ticksPerRound: 16 });
  const decided: DecisionOutcome[] = [];
  const missed: (DecisionOutcome | BrokenPromiseOutcome)[] = [];
  while (game.state.phase !== 'ended') {
    if (game.state.phase === 'planning') {
      applyCommand(game, { type: 'commitPlan', team: 0 });
      applyCommand(game, { type: 'startRound' });
      continue;
    }
    // One card in four is left to run out; the rest are accommodated, more than the staff can do.
    for (const demand of [...(game.state.teams[0]?.demands ?? [])].filter((waiting) => waiting.id % 4 !== 0)) {
      const result = applyCommand(game, { type: 'decide', team: 0, demandId: demand.id, decision: 'accommodate' });
      if (result.ok) decided.push(...result.outcomes.filter((outcome): outcome is DecisionOutcome => outcome.kind === 'decision'));
    }
    const result = applyCommand(game, { type: 'tick' });
    if (result.ok)
      for (const outcome of result.outcomes)
        if (outcome.kind === 'broken-promise' || (outcome.kind === 'decision' && outcome.resolution === 'ignored')) missed.push(outcome);
  }
  return { game, decided, missed };
}

describe('TeamFeed', () => {
  const { game, decided, missed } = overworkedGame();

  it('keeps a card nobody answered and a broken promise beside the decisions, as the clock’s', () => {
    const ignored = missed.find((outcome) => outcome.kind === 'decision');
    const broken = missed.find((outcome): outcome is BrokenPromiseOutcome => outcome.kind === 'broken-promise');
    const first = decided[0];
    if (!ignored || !broken || !first) throw new Error('this game has a decision, an ignored card and a broken promise');
    const feed = new TeamFeed();
    feed.note(game, first, 'Ada');
    feed.note(game, ignored, 'clock');
    feed.note(game, broken, 'clock');
    const [answered, ranOut, late] = feed.of(0);
    expect(answered).toMatchObject({ by: 'Ada', decision: 'accommodate' });
    expect(ranOut).toMatchObject({ by: 'clock', decision: 'ignored', accepted: false, revenueCents: 0 });
    expect(ranOut?.loyaltyChange).toBeLessThan(0);
    expect(late).toMatchObject({ by: 'clock', decision: 'broken-promise', refundCents: broken.refundCents });
    expect(late?.hoursLeft).toBeCloseTo(broken.hoursLeft, 3);
    expect(late?.categoryName).toBe(scenario.categories[broken.category]?.name);
  });

  it('holds the latest six lines only, and forgets them for a new round', () => {
    const feed = new TeamFeed();
    for (const outcome of missed.slice(0, 9)) feed.note(game, outcome, 'clock');
    expect(feed.of(0)).toHaveLength(Math.min(6, missed.length));
    feed.clear();
    expect(feed.of(0)).toEqual([]);
  });
});
