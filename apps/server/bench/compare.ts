// Our server against the bare relay under the same load, in alternating runs (a script, not a
// test). Run from apps/server:
//   npx tsx --conditions=source bench/compare.ts --sessions 100 [--runs 5] [--seconds 20] [--tick-ms 1000]
// p99 varies a lot from run to run on a shared machine, so a single run of each says little:
// this runs bench/load.ts relay, server, relay, server, … so that both meet the same
// conditions, prints every run (with how much else ran on the machine meanwhile) and the
// median p99 of each.
import { spawnSync } from 'node:child_process';
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: {
    sessions: { type: 'string', default: '100' },
    clients: { type: 'string', default: '30' },
    seconds: { type: 'string', default: '20' },
    'tick-ms': { type: 'string', default: '1000' },
    runs: { type: 'string', default: '5' },
    /** Passed on to bench/load.ts: the generator decodes every message in full (the old way). */
    'full-parse': { type: 'boolean', default: false },
  },
});
const RUNS = Number(values.runs);

interface Run {
  mode: 'server' | 'relay';
  decisions: number;
  teammatesP50: number;
  teammatesP99: number;
  ackP99: number;
  serverCpuPercent: number;
  serverRssMb: number;
  generatorCpuPercent: number;
  otherCpuPercent: number;
  cpuWaitPercent: number;
}

function runOnce(mode: Run['mode']): Run {
  const script = new URL('./load.ts', import.meta.url).pathname;
  // The generator gets a larger young generation (docs/performance.md): fewer of its scavenges
  // land between a broadcast arriving and the moment it is timed.
  const args = ['--max-semi-space-size=64', '--import', 'tsx', '--conditions=source', script, '--json', '--mode', mode];
  for (const name of ['sessions', 'clients', 'seconds', 'tick-ms'] as const) args.push(`--${name}`, values[name]);
  if (values['full-parse']) args.push('--full-parse');
  const result = spawnSync(process.execPath, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  const line = result.stdout.split('\n').find((text) => text.startsWith('{'));
  if (result.status !== 0 || !line) throw new Error(`load.ts --mode ${mode} failed (${result.status}):\n${result.stdout}`);
  return JSON.parse(line) as Run;
}

const median = (numbers: number[]): number => {
  const sorted = [...numbers].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[middle] ?? Number.NaN) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
};
const ms = (value: number): string => value.toFixed(1).padStart(6);
const pct = (value: number): string => `${value.toFixed(0).padStart(3)} %`;

console.log(`${values.sessions} sessions × ${values.clients} clients, ${values.seconds} s a run, a tick every ${values['tick-ms']} ms`);
console.log('run  target  decisions  teammates p50 / p99   ack p99   server CPU  memory  generator CPU  other CPU  CPU wait');
const runs: Run[] = [];
for (let index = 0; index < RUNS; index++) {
  for (const mode of ['relay', 'server'] as const) {
    const run = runOnce(mode);
    runs.push(run);
    console.log(
      `${String(index + 1).padStart(3)}  ${mode.padEnd(6)}  ${String(run.decisions).padStart(9)}  ${ms(run.teammatesP50)} / ${ms(run.teammatesP99)} ms  ${ms(run.ackP99)} ms  ${pct(run.serverCpuPercent)}      ${run.serverRssMb.toFixed(0).padStart(4)} MB  ${pct(run.generatorCpuPercent)}          ${pct(run.otherCpuPercent)}      ${pct(run.cpuWaitPercent)}`,
    );
  }
}
const p99s = (mode: Run['mode']): number[] => runs.filter((run) => run.mode === mode).map((run) => run.teammatesP99);
const server = median(p99s('server'));
const relay = median(p99s('relay'));
console.log(
  `median p99 decision → teammates: server ${server.toFixed(1)} ms, bare relay ${relay.toFixed(1)} ms, ratio ${(server / relay).toFixed(1)}×`,
);
console.log(
  `  server runs: ${p99s('server')
    .map((value) => value.toFixed(1))
    .join(', ')} ms`,
);
console.log(
  `  relay runs:  ${p99s('relay')
    .map((value) => value.toFixed(1))
    .join(', ')} ms`,
);
