import { applyCommand, createGame, findScenario, type Scenario, stateHash } from '@ttc/sim';
import { describe, expect, it } from 'vitest';
import { roundsAndTicks, SoloSession, TICK_MS } from './solo-session';

function scenarioOf(id: string): Scenario {
  const scenario = findScenario(id);
  if (!scenario) throw new Error(`no scenario ${id}`);
  return scenario;
}

const office = scenarioOf('office-supplies');

function newSession(seed = 3, length: 'short' | 'full' = 'short'): SoloSession {
  return new SoloSession({ scenario: office, seed, length, feedback: true, tutorial: false });
}

/** Read afresh: commands change the phase behind the type checker's back. */
function inOperations(session: SoloSession): boolean {
  return session.state.phase === 'operations';
}

describe('SoloSession setup', () => {
  it('plays a short game of 3 rounds of 12 hours', () => {
    const session = newSession(3, 'short');
    expect(session.state.config.rounds).toBe(3);
    expect(session.state.config.ticksPerRound).toBe(12);
    expect(roundsAndTicks(office, 'short')).toEqual({ rounds: 3, ticksPerRound: 12 });
  });

  it('plays a full game as long as the scenario says', () => {
    const session = newSession(3, 'full');
    expect(session.state.config.rounds).toBe(office.rounds);
    expect(session.state.config.ticksPerRound).toBe(office.ticksPerRound);
  });

  it('starts in round 1 operations with one team called You and nothing logged', () => {
    const session = newSession();
    expect(session.state.phase).toBe('operations');
    expect(session.state.round).toBe(1);
    expect(session.state.teams.map((team) => team.name)).toEqual(['You']);
    expect(session.view().team).toBe(0);
    expect(session.commands).toEqual([]);
    expect(session.decisions).toEqual([]);
    expect(session.speed).toBe(1);
  });
});

describe('SoloSession clock', () => {
  it('moves one simulated hour per TICK_MS of real time at ×1', () => {
    const session = newSession();
    session.update(TICK_MS);
    expect(session.state.tick).toBe(1);
    session.update(TICK_MS * 2);
    expect(session.state.tick).toBe(3);
  });

  it('adds up short frames until a whole tick has passed, and shows how far the tick is', () => {
    const session = newSession();
    session.update(TICK_MS - 1);
    expect(session.state.tick).toBe(0);
    expect(session.tickProgress()).toBeCloseTo((TICK_MS - 1) / TICK_MS);
    session.update(1);
    expect(session.state.tick).toBe(1);
    expect(session.tickProgress()).toBe(0);
  });

  it('runs twice as fast at ×2 and four times as fast at ×4', () => {
    const session = newSession();
    session.cycleSpeed();
    session.update(TICK_MS / 2);
    expect(session.state.tick).toBe(1);
    session.cycleSpeed();
    session.update(TICK_MS);
    expect(session.state.tick).toBe(5);
  });

  it('cycles the speed ×1 → ×2 → ×4 → ×1', () => {
    const session = newSession();
    expect([session.cycleSpeed(), session.cycleSpeed(), session.cycleSpeed()]).toEqual([2, 4, 1]);
    expect(session.speed).toBe(1);
  });

  it('stops time while paused, without catching up afterwards', () => {
    const session = newSession();
    session.paused = true;
    expect(session.update(TICK_MS * 10)).toEqual([]);
    expect(session.state.tick).toBe(0);
    session.paused = false;
    session.update(0);
    expect(session.state.tick).toBe(0);
    expect(session.tickProgress()).toBe(0);
  });

  it('stops time while held for reading', () => {
    const session = newSession();
    session.held = true;
    expect(session.update(TICK_MS * 10)).toEqual([]);
    expect(session.state.tick).toBe(0);
    session.held = false;
    session.update(TICK_MS);
    expect(session.state.tick).toBe(1);
  });

  it('never runs past the end of the round, however long the frame', () => {
    const session = newSession();
    const outcomes = session.update(TICK_MS * 100);
    expect(session.state.phase).toBe('planning');
    expect(session.state.tick).toBe(12);
    expect(session.tickProgress()).toBe(0);
    expect(outcomes).toContainEqual({ kind: 'round-ended', round: 1, gameEnded: false });
    expect(session.commands.filter((command) => command.type === 'tick')).toHaveLength(12);
    // No clock in planning.
    expect(session.update(TICK_MS * 10)).toEqual([]);
    expect(session.state.phase).toBe('planning');
  });

  it('returns what happened in the ticks that passed: demands nobody answered, then the round end', () => {
    const session = newSession();
    const outcomes = session.update(TICK_MS * 12);
    expect(outcomes.some((outcome) => outcome.kind === 'decision' && outcome.resolution === 'ignored')).toBe(true);
    expect(outcomes.at(-1)).toEqual({ kind: 'round-ended', round: 1, gameEnded: false });
    // Only the player's own decisions are kept for feedback and the debrief.
    expect(session.decisions).toEqual([]);
  });
});

describe('SoloSession commands', () => {
  it('records a decision with the card as it was shown', () => {
    const session = newSession();
    while (session.view().cards.length === 0) session.update(TICK_MS);
    const card = session.view().cards[0];
    if (!card) throw new Error('a card should be waiting');
    const { record, result } = session.decide(card.demand.id, 'accommodate');
    expect(result.ok).toBe(true);
    expect(record?.card).toEqual(card);
    expect(record?.outcome.demandId).toBe(card.demand.id);
    expect(record?.outcome.resolution).toBe('accommodate');
    expect(record?.round).toBe(1);
    expect(record?.tick).toBe(session.state.tick);
    expect(session.decisions).toHaveLength(1);
    expect(session.view().cards.some((waiting) => waiting.demand.id === card.demand.id)).toBe(false);
  });

  it('logs only the commands the simulation accepted', () => {
    const session = newSession();
    while (session.view().cards.length === 0) session.update(TICK_MS);
    const ticks = session.commands.length;
    const [first, second] = session.view().cards.map((card) => card.demand.id);
    if (first === undefined) throw new Error('a card should be waiting');

    const noOption = session.decide(first, 'option');
    expect(noOption.result.ok).toBe(false);
    expect(noOption.record).toBeUndefined();
    expect(session.decide(99_999, 'no').result.ok).toBe(false);
    expect(session.apply({ type: 'startRound' }).ok).toBe(false);
    expect(session.apply({ type: 'buildOption', team: 0, category: 'rush-delivery' }).ok).toBe(false);
    expect(session.commands).toHaveLength(ticks);

    expect(session.decide(first, 'no').result.ok).toBe(true);
    const again = session.decide(first, 'accommodate');
    expect(again.result.ok).toBe(false);
    expect(session.commands).toEqual([
      ...Array.from({ length: ticks }, () => ({ type: 'tick' })),
      { type: 'decide', team: 0, demandId: first, decision: 'no' },
    ]);
    expect(session.decisions).toHaveLength(1);
    if (second !== undefined) {
      session.decide(second, 'premium');
      expect(session.commands).toHaveLength(ticks + 2);
    }
  });

  it('replays from its command log to the very same state', () => {
    const session = newSession(8);
    while (session.state.phase !== 'ended') {
      if (inOperations(session)) {
        for (const [index, card] of session.view().cards.entries()) {
          session.decide(card.demand.id, index % 3 === 0 ? 'option' : index % 3 === 1 ? 'premium' : 'no');
        }
        session.update(TICK_MS);
      } else {
        session.apply({ type: 'buildOption', team: 0, category: 'rush-delivery' });
        session.apply({ type: 'hire', team: 0, count: 1 });
        session.apply({ type: 'commitPlan', team: 0 });
        session.apply({ type: 'startRound' });
      }
    }
    expect(session.decisions.some((record) => record.outcome.resolution === 'option')).toBe(true);

    const replay = createGame({ scenario: office, seed: 8, teams: 1, ...roundsAndTicks(office, 'short'), teamNames: ['You'] });
    for (const command of session.commands) expect(applyCommand(replay, command).ok).toBe(true);
    expect(stateHash(replay.state)).toBe(stateHash(session.state));
  });
});

describe('SoloSession.applyPlan', () => {
  const plan = { build: ['rush-delivery'], retire: [], premiumPrices: {}, optionPrices: {}, hires: 0, restPercent: 10 };
  const toPlanning = (session: SoloSession) => {
    while (inOperations(session)) session.apply({ type: 'tick' });
  };

  it('applies the whole plan and logs its commands, or nothing of it', () => {
    const session = newSession();
    toPlanning(session);
    const before = stateHash(session.state);
    const logged = session.commands.length;
    // One hire too many at the end: nothing of the plan goes through, the build included.
    const refused = session.applyPlan({ ...plan, hires: office.staff.max });
    expect(refused.ok === false && refused.rejection.code).toBe('staff-limit');
    expect(stateHash(session.state)).toBe(before);
    expect(session.commands.length).toBe(logged);
    const accepted = session.applyPlan(plan);
    expect(accepted.ok).toBe(true);
    expect(session.commands.slice(logged).map((command) => command.type)).toEqual(['buildOption', 'setRest', 'commitPlan']);
    expect(session.state.teams[0]?.options.map((option) => option.status)).toEqual(['building']);
  });
});
