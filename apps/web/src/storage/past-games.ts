import type { GameLength } from '../session/solo-session';

/** One finished solo game, as kept in this browser. */
export interface PastGame {
  finishedAt: string;
  scenarioId: string;
  scenarioName: string;
  seed: number;
  length: GameLength;
  profitCents: number;
  exhaustion: number;
  loyalty: number;
  balancedScore: number;
  currency: string;
}

const KEY = 'ttc.pastGames.v1';
const MAX_GAMES = 50;

function storage(): Storage | undefined {
  try {
    return typeof localStorage === 'undefined' ? undefined : localStorage;
  } catch {
    return undefined; // storage disabled (private mode, policy): play on without history
  }
}

function isPastGame(value: unknown): value is PastGame {
  const game = value as PastGame;
  return (
    !!game &&
    typeof game.finishedAt === 'string' &&
    typeof game.scenarioId === 'string' &&
    typeof game.seed === 'number' &&
    typeof game.balancedScore === 'number' &&
    typeof game.profitCents === 'number'
  );
}

export function loadPastGames(store: Storage | undefined = storage()): PastGame[] {
  try {
    const parsed: unknown = JSON.parse(store?.getItem(KEY) ?? '[]');
    return Array.isArray(parsed) ? parsed.filter(isPastGame) : [];
  } catch {
    return [];
  }
}

export function savePastGame(game: PastGame, store: Storage | undefined = storage()): PastGame[] {
  const games = [game, ...loadPastGames(store)].slice(0, MAX_GAMES);
  try {
    store?.setItem(KEY, JSON.stringify(games));
  } catch {
    // full or disabled storage: the game still ends normally
  }
  return games;
}

/** The best balanced score per scenario and game length. */
export function personalBests(games: readonly PastGame[]): PastGame[] {
  const best = new Map<string, PastGame>();
  for (const game of games) {
    const key = `${game.scenarioId}/${game.length}`;
    const current = best.get(key);
    if (!current || game.balancedScore > current.balancedScore) best.set(key, game);
  }
  return [...best.values()].sort((a, b) => a.scenarioName.localeCompare(b.scenarioName) || a.length.localeCompare(b.length));
}

const TUTORIAL_KEY = 'ttc.tutorialSeen.v1';

export function tutorialSeen(store: Storage | undefined = storage()): boolean {
  return store?.getItem(TUTORIAL_KEY) === 'yes';
}

export function markTutorialSeen(store: Storage | undefined = storage()): void {
  try {
    store?.setItem(TUTORIAL_KEY, 'yes');
  } catch {
    // ignore: the tutorial is offered again next time
  }
}
