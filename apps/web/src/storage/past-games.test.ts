import { describe, expect, it } from 'vitest';
import { loadPastGames, markTutorialSeen, type PastGame, personalBests, savePastGame, tutorialSeen } from './past-games';

/** Just enough of the Web Storage API, in memory. */
class MemoryStorage implements Storage {
  [name: string]: unknown;
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
    this.items.set(key, String(value));
  }
}

/** A browser whose storage is full: every write fails. */
class FullStorage extends MemoryStorage {
  override setItem(): void {
    throw new Error('QuotaExceededError');
  }
}

const KEY = 'ttc.pastGames.v1';

function pastGame(changes: Partial<PastGame> = {}): PastGame {
  return {
    finishedAt: '2025-03-01T10:00:00.000Z',
    scenarioId: 'office-supplies',
    scenarioName: 'Office supplies',
    seed: 7,
    length: 'short',
    profitCents: 1_200_000,
    exhaustion: 12,
    loyalty: 61,
    balancedScore: 70,
    currency: 'EUR',
    ...changes,
  };
}

describe('past games', () => {
  it('has no games in a fresh browser', () => {
    expect(loadPastGames(new MemoryStorage())).toEqual([]);
  });

  it('loads a saved game back exactly', () => {
    const store = new MemoryStorage();
    const game = pastGame();
    savePastGame(game, store);
    expect(loadPastGames(store)).toEqual([game]);
  });

  it('keeps the newest game first', () => {
    const store = new MemoryStorage();
    savePastGame(pastGame({ seed: 1 }), store);
    const returned = savePastGame(pastGame({ seed: 2 }), store);
    expect(loadPastGames(store).map((game) => game.seed)).toEqual([2, 1]);
    expect(returned).toEqual(loadPastGames(store));
  });

  it('keeps at most 50 games, dropping the oldest', () => {
    const store = new MemoryStorage();
    for (let seed = 1; seed <= 55; seed++) savePastGame(pastGame({ seed }), store);
    const games = loadPastGames(store);
    expect(games).toHaveLength(50);
    expect(games[0]?.seed).toBe(55);
    expect(games[49]?.seed).toBe(6);
  });

  it('returns no games for corrupt storage, and saving afterwards starts a fresh list', () => {
    const store = new MemoryStorage();
    store.setItem(KEY, '{not json');
    expect(loadPastGames(store)).toEqual([]);
    savePastGame(pastGame(), store);
    expect(loadPastGames(store)).toHaveLength(1);
  });

  it('returns no games when the stored value is not a list', () => {
    const store = new MemoryStorage();
    store.setItem(KEY, JSON.stringify({ seed: 1 }));
    expect(loadPastGames(store)).toEqual([]);
  });

  it('skips stored entries that are not games', () => {
    const store = new MemoryStorage();
    const good = pastGame();
    store.setItem(KEY, JSON.stringify([good, null, 42, { seed: 'seven' }, { ...good, balancedScore: 'high' }]));
    expect(loadPastGames(store)).toEqual([good]);
  });

  it('still ends the game normally when storage is full', () => {
    const store = new FullStorage();
    const game = pastGame();
    expect(savePastGame(game, store)).toEqual([game]);
    expect(loadPastGames(store)).toEqual([]);
  });

  it('plays on without history when there is no storage at all', () => {
    expect(loadPastGames(undefined)).toEqual([]);
    expect(savePastGame(pastGame(), undefined)).toEqual([pastGame()]);
  });
});

describe('personalBests', () => {
  it('keeps the best balanced score per scenario and game length', () => {
    const games = [
      pastGame({ seed: 1, balancedScore: 60 }),
      pastGame({ seed: 2, balancedScore: 75 }),
      pastGame({ seed: 3, balancedScore: 70 }),
      pastGame({ seed: 4, balancedScore: 50, length: 'full' }),
      pastGame({ seed: 5, balancedScore: 66, length: 'full' }),
      pastGame({ seed: 6, balancedScore: 40, scenarioId: 'shoe-store', scenarioName: 'Shoe store', currency: 'USD' }),
    ];
    const bests = personalBests(games);
    expect(bests.map((game) => [game.scenarioId, game.length, game.seed])).toEqual([
      ['office-supplies', 'full', 5],
      ['office-supplies', 'short', 2],
      ['shoe-store', 'short', 6],
    ]);
  });

  it('keeps the earlier-listed game on a tie', () => {
    const bests = personalBests([pastGame({ seed: 1 }), pastGame({ seed: 2 })]);
    expect(bests.map((game) => game.seed)).toEqual([1]);
  });

  it('has no bests without games', () => {
    expect(personalBests([])).toEqual([]);
  });

  it('reads the bests from what was saved', () => {
    const store = new MemoryStorage();
    savePastGame(pastGame({ seed: 1, balancedScore: 80 }), store);
    savePastGame(pastGame({ seed: 2, balancedScore: 65 }), store);
    expect(personalBests(loadPastGames(store)).map((game) => game.seed)).toEqual([1]);
  });
});

describe('tutorial', () => {
  it('is not seen in a fresh browser, and is seen once marked', () => {
    const store = new MemoryStorage();
    expect(tutorialSeen(store)).toBe(false);
    markTutorialSeen(store);
    expect(tutorialSeen(store)).toBe(true);
  });

  it('does not mix with the past games', () => {
    const store = new MemoryStorage();
    markTutorialSeen(store);
    expect(loadPastGames(store)).toEqual([]);
  });

  it('is offered again when storage is full or missing', () => {
    const full = new FullStorage();
    expect(() => markTutorialSeen(full)).not.toThrow();
    expect(tutorialSeen(full)).toBe(false);
    expect(tutorialSeen(undefined)).toBe(false);
  });
});
