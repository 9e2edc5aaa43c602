// Checkpoint hashing as a classroom session does it: a 5-team game of 12 rounds × 16 hours (the
// load of issue 17), hashed after every command that marks a key moment or ends a round, once
// with the whole-state hash and once with the carried-on checkpoint hash, in the same run.
// Run: npm run bench -w @ttc/sim
import {
  applyCommand,
  type Command,
  checkpointHash,
  createGame,
  createStrategy,
  DEFAULT_SCENARIO_ID,
  findScenario,
  type Game,
  type GameState,
  type StrategyName,
  stateHash,
  stepWithStrategies,
} from '@ttc/sim';

const scenario = findScenario(DEFAULT_SCENARIO_ID);
if (!scenario) throw new Error('default scenario missing');

function moments(game: Game): number {
  return game.state.teams.reduce((sum, team) => sum + team.keyMoments.length, 0);
}

/** The commands of a whole game, and the positions a session would record a checkpoint at. */
function playedGame(seed: number): { commands: Command[]; checkpointAt: Set<number> } {
  const game = createGame({ scenario: scenario as NonNullable<typeof scenario>, seed, teams: 5, rounds: 12, ticksPerRound: 16 });
  const names: StrategyName[] = ['strategist', 'always-accommodate', 'always-no', 'always-premium', 'strategist'];
  const strategies = names.map((name) => createStrategy(name));
  const commands: Command[] = [];
  const checkpointAt = new Set<number>();
  while (game.state.phase !== 'ended') {
    const before = { moments: moments(game), phase: game.state.phase };
    stepWithStrategies(game, strategies, commands);
    if (moments(game) > before.moments || (before.phase === 'operations' && game.state.phase !== 'operations'))
      checkpointAt.add(commands.length);
  }
  return { commands, checkpointAt };
}

/** Replays the game and hashes at each checkpoint; returns the milliseconds spent hashing. */
function hashAlong(played: ReturnType<typeof playedGame>, seed: number, hash: (state: GameState) => string): { ms: number; count: number } {
  const game = createGame({ scenario: scenario as NonNullable<typeof scenario>, seed, teams: 5, rounds: 12, ticksPerRound: 16 });
  let ms = 0;
  let count = 0;
  played.commands.forEach((command, index) => {
    applyCommand(game, command);
    if (!played.checkpointAt.has(index + 1)) return;
    const started = performance.now();
    hash(game.state);
    ms += performance.now() - started;
    count++;
  });
  return { ms, count };
}

const games = [1, 2, 3, 4, 5].map((seed) => ({ seed, played: playedGame(seed) }));
// Warm both up.
for (const { seed, played } of games.slice(0, 2)) {
  hashAlong(played, seed, stateHash);
  hashAlong(played, seed, checkpointHash);
}
const totals = { whole: 0, carried: 0, count: 0 };
for (let round = 0; round < 3; round++)
  for (const { seed, played } of games) {
    const whole = hashAlong(played, seed, stateHash);
    const carried = hashAlong(played, seed, checkpointHash);
    totals.whole += whole.ms;
    totals.carried += carried.ms;
    totals.count += whole.count;
  }
console.log(
  `checkpoint hashes over 5 whole 5-team games ×3 (${totals.count} hashes): whole-state ${(totals.whole / totals.count).toFixed(3)} ms each, carried-on ${(totals.carried / totals.count).toFixed(3)} ms each (${(totals.whole / totals.carried).toFixed(1)}× less time)`,
);
