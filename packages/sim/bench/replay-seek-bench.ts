// Replay seeking benchmark: a 6-team game over the scenario's full length (6 rounds of 16 ticks),
// played by strategies, indexed once; then 1,000 seeks to random ticks in random order, each
// giving an independent copy of the game at that tick. Target: p99 ≤ 10 ms.
// A missed target is reported, not failed: on a shared machine the tail is mostly other load.
// Run: npm run bench -w @ttc/sim (after the simulation benchmark) or
//      npx tsx --conditions=source packages/sim/bench/replay-seek-bench.ts
import { cpus } from 'node:os';
import { createReplayIndex, createStrategy, DEFAULT_SCENARIO_ID, findScenario, playGame, RandomStream, stateHash } from '@ttc/sim';

const scenario = findScenario(DEFAULT_SCENARIO_ID);
if (!scenario) throw new Error('default scenario missing');

const setup = { scenario, seed: 11, teams: 6 };
const played = playGame(setup, [
  createStrategy('strategist'),
  createStrategy('always-accommodate'),
  createStrategy('always-no'),
  createStrategy('always-premium'),
  createStrategy('random', 11),
  createStrategy('strategist'),
]);

function percentile(values: number[], share: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(share * sorted.length) - 1)] ?? 0;
}

const indexStarted = performance.now();
const index = createReplayIndex(setup, played.commands);
const indexMs = performance.now() - indexStarted;
if (stateHash(index.gameAt(index.length).state) !== stateHash(played.game.state)) throw new Error('the index diverged');

// A seeded stream picks the ticks, so every run seeks to the same places.
const picks = RandomStream.seeded(5, 'arrivals');
for (let warm = 0; warm < 200; warm++) index.stateAt(picks.int(0, index.lastTick));
const seekMs: number[] = [];
// CPU time too: on a shared machine the wall-clock tail is mostly waiting for a core.
const cpuMs: number[] = [];
for (let sample = 0; sample < 1000; sample++) {
  const tick = picks.int(0, index.lastTick);
  const cpuStarted = process.cpuUsage();
  const started = performance.now();
  const state = index.stateAt(tick);
  seekMs.push(performance.now() - started);
  const cpu = process.cpuUsage(cpuStarted);
  cpuMs.push((cpu.user + cpu.system) / 1000);
  if (state.globalTick !== tick) throw new Error(`seek to ${tick} landed on ${state.globalTick}`);
}

const p99 = percentile(seekMs, 0.99);
console.log(`node ${process.version}, ${cpus()[0]?.model ?? 'unknown CPU'}, one core`);
console.log(
  `replay index of a 6-team game (${index.length} commands, ${index.lastTick} ticks, ${index.snapshotCount} snapshots): built in ${indexMs.toFixed(1)} ms`,
);
console.log(
  `CPU time of a seek (whole process, GC threads included): median ${percentile(cpuMs, 0.5).toFixed(3)} ms, p99 ${percentile(cpuMs, 0.99).toFixed(3)} ms`,
);
console.log(
  `seek to a random tick (1,000 seeks, wall clock): median ${percentile(seekMs, 0.5).toFixed(3)} ms, p99 ${p99.toFixed(3)} ms, max ${Math.max(...seekMs).toFixed(3)} ms (target p99 ≤ 10 ms: ${p99 <= 10 ? 'met' : 'missed'})`,
);
