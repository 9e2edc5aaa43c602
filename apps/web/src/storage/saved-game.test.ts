import { findScenario, type Scenario, stateHash } from '@ttc/sim';
import { describe, expect, it } from 'vitest';
import { SoloSession } from '../session/solo-session';
import { forgetSavedGame, loadSavedGame, saveGame } from './saved-game';

/** The browser's localStorage, as far as the saved game uses it. */
class MemoryStorage implements Storage {
  private readonly items = new Map<string, string>();
  get length(): number {
    return this.items.size;
  }
  clear(): void {
    this.items.clear();
  }
  getItem(key: string): string | null {
    return this.items.get(key) ?? null;
  }
  key(index: number): string | null {
    return [...this.items.keys()][index] ?? null;
  }
  removeItem(key: string): void {
    this.items.delete(key);
  }
  setItem(key: string, value: string): void {
    this.items.set(key, value);
  }
}

const office = findScenario('office-supplies') as Scenario;

/** A short game part-way through round 1: some hours, some decisions. */
function playedSession(): SoloSession {
  const session = new SoloSession({ scenario: office, seed: 9, length: 'short', feedback: false, tutorial: false }, false);
  for (let hour = 0; hour < 5; hour++) {
    session.apply({ type: 'tick' });
    const card = session.view().cards[0];
    if (card) session.decide(card.demand.id, hour % 2 ? 'no' : 'accommodate');
  }
  return session;
}

function savedOf(session: SoloSession) {
  return {
    length: session.settings.length,
    feedback: session.settings.feedback,
    round: session.state.round,
    hour: session.state.tick + 1,
    phase: session.state.phase,
    savedAt: '2026-11-30T10:00:00.000Z',
    log: {
      format: 'tame-the-chaos/game-log' as const,
      version: 1 as const,
      scenario: office,
      seed: 9,
      teams: 1,
      rounds: 3,
      ticksPerRound: 12,
      teamNames: ['You'],
      commands: session.commands,
    },
  };
}

describe('the solo game kept in the browser', () => {
  it('comes back as it was saved', () => {
    const store = new MemoryStorage();
    const session = playedSession();
    saveGame(savedOf(session), store);
    expect(loadSavedGame(store)?.log.commands).toEqual(session.commands);
  });

  it('is rebuilt by replaying its log: the same state, decisions and a paused clock', () => {
    const session = playedSession();
    const resumed = SoloSession.resume(savedOf(session));
    if (!resumed) throw new Error('the log should replay');
    expect(stateHash(resumed.state)).toBe(stateHash(session.state));
    expect(resumed.decisions.map((record) => record.outcome.resolution)).toEqual(
      session.decisions.map((record) => record.outcome.resolution),
    );
    expect(resumed.paused).toBe(true);
    expect(resumed.settings.tutorial).toBe(false);
  });

  it('is not resumed when its log does not replay', () => {
    const saved = savedOf(playedSession());
    const broken = {
      ...saved,
      log: { ...saved.log, commands: [{ type: 'decide' as const, team: 0, demandId: 99_999, decision: 'no' as const }] },
    };
    expect(SoloSession.resume(broken)).toBeUndefined();
  });

  it('drops what it cannot read instead of failing', () => {
    const store = new MemoryStorage();
    store.setItem('ttc.soloGame.v1', '{not json');
    expect(loadSavedGame(store)).toBeUndefined();
    expect(store.getItem('ttc.soloGame.v1')).toBeNull();
    store.setItem('ttc.soloGame.v1', JSON.stringify({ length: 'short', log: { format: 'something else' } }));
    expect(loadSavedGame(store)).toBeUndefined();
  });

  it('is forgotten on request', () => {
    const store = new MemoryStorage();
    saveGame(savedOf(playedSession()), store);
    forgetSavedGame(store);
    expect(loadSavedGame(store)).toBeUndefined();
  });
});
