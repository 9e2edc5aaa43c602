import { applyCommand, createGame, findScenario, type Game, type Scenario, type TeamView, teamView } from '@ttc/sim';
import { describe, expect, it } from 'vitest';
import { StatusAnnouncer } from './status-announcer';

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

function tick(game: Game): void {
  const result = applyCommand(game, { type: 'tick' });
  if (!result.ok) throw new Error(result.rejection.reason);
}

/** Plays a round hour by hour, collecting what the status region would have said. */
function announcementsOverRound(game: Game, announcer: StatusAnnouncer, extra = 'Speed ×1'): string[] {
  const said: string[] = [];
  const first = announcer.next(viewOf(game), 'EUR', extra);
  if (first) said.push(first);
  while (game.state.phase === 'operations') {
    tick(game);
    const line = announcer.next(viewOf(game), 'EUR', extra);
    if (line) said.push(line);
  }
  return said;
}

describe('StatusAnnouncer', () => {
  it('speaks once at the start, not again while nothing that matters changes', () => {
    const game = createGame({ scenario: office, seed: 2, teams: 1 });
    const announcer = new StatusAnnouncer();
    expect(announcer.next(viewOf(game), 'EUR', 'Speed ×1')).toBe('Round 1 of 6. Operations. Hour 1 of 16. Waiting demands 0. Speed ×1');
    expect(announcer.next(viewOf(game), 'EUR', 'Speed ×1')).toBeUndefined();
  });

  it('speaks far less often than every hour, and says when the queue fills from empty', () => {
    const game = createGame({ scenario: office, seed: 2, teams: 1 });
    const said = announcementsOverRound(game, new StatusAnnouncer());
    // 16 hours and a round end; the status speaks only on the queue's turns and the phase change.
    expect(said.length).toBeLessThan(10);
    const firstCard = said.find((line) => /Waiting demands [1-9]/.test(line));
    expect(firstCard).toMatch(/^Round 1 of 6\. Operations\. Hour \d+ of 16\. Waiting demands [1-9]\d*\. Speed ×1$/);
  });

  it('says the figures when the round ends', () => {
    const game = createGame({ scenario: office, seed: 2, teams: 1 });
    const said = announcementsOverRound(game, new StatusAnnouncer());
    expect(said.at(-1)).toMatch(/^Round 1 of 6\. Planning\. Profit −?€[\d,]+\. Exhaustion \d+\. Loyalty \d+\. Speed ×1$/);
  });

  it('speaks when the clock is paused or sped up, and when a new round starts', () => {
    const game = createGame({ scenario: office, seed: 2, teams: 1 });
    const announcer = new StatusAnnouncer();
    announcer.next(viewOf(game), 'EUR', 'Speed ×1');
    expect(announcer.next(viewOf(game), 'EUR', 'Paused')).toMatch(/\. Paused$/);
    expect(announcer.next(viewOf(game), 'EUR', 'Speed ×2')).toMatch(/\. Speed ×2$/);
    while (game.state.phase === 'operations') tick(game);
    announcer.next(viewOf(game), 'EUR', 'Speed ×2');
    applyCommand(game, { type: 'startRound' });
    expect(announcer.next(viewOf(game), 'EUR', 'Speed ×2')).toMatch(/^Round 2 of 6\. Operations\. Hour 1 of 16/);
  });
});
