// Simulation benchmark: games per second for one strategist team over a whole game, and the
// time to replay a 6-team game to its last tick. Run: npm run bench -w @ttc/sim
import { cpus } from 'node:os';
import { createStrategy, DEFAULT_SCENARIO_ID, findScenario, gameLogOf, playGame, replayLog, stateHash } from '@ttc/sim';

const scenario = findScenario(DEFAULT_SCENARIO_ID);
if (!scenario) throw new Error('default scenario missing');

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[sorted.length >> 1] ?? 0;
}

// Warm up the JIT so we measure steady state, as a long balance run or a server would see it.
for (let seed = 0; seed < 200; seed++) playGame({ scenario, seed }, [createStrategy('strategist')]);

const gamesPerSecond: number[] = [];
for (let sample = 0; sample < 5; sample++) {
  const games = 400;
  const started = performance.now();
  for (let seed = 0; seed < games; seed++) playGame({ scenario, seed: 1000 + sample * games + seed }, [createStrategy('strategist')]);
  gamesPerSecond.push(games / ((performance.now() - started) / 1000));
}

const sixTeams = playGame({ scenario, seed: 7, teams: 6 }, [
  createStrategy('strategist'),
  createStrategy('always-accommodate'),
  createStrategy('always-no'),
  createStrategy('always-premium'),
  createStrategy('random', 7),
  createStrategy('strategist'),
]);
const log = gameLogOf(sixTeams.game, sixTeams.commands);
const expectedHash = stateHash(sixTeams.game.state);
const replayMs: number[] = [];
for (let sample = 0; sample < 30; sample++) {
  const started = performance.now();
  const replayed = replayLog(log);
  replayMs.push(performance.now() - started);
  if (!replayed.ok || stateHash(replayed.game.state) !== expectedHash) throw new Error('replay diverged');
}

console.log(`node ${process.version}, ${cpus()[0]?.model ?? 'unknown CPU'}, one core`);
console.log(`scenario ${scenario.id}: ${scenario.rounds} rounds x ${scenario.ticksPerRound} ticks`);
console.log(
  `strategist, one team, whole game: median ${median(gamesPerSecond).toFixed(0)} games/s (samples: ${gamesPerSecond.map((value) => value.toFixed(0)).join(', ')})`,
);
console.log(
  `replay of a 6-team game (${log.commands.length} commands) to its last tick: median ${median(replayMs).toFixed(2)} ms, max ${Math.max(...replayMs).toFixed(2)} ms`,
);
