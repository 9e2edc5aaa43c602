// Preloaded into the server child by `bench/load.ts --explain-tail` (our server and the bare
// relay alike): records every garbage collection of the child with its wall-clock start, and
// writes them as JSON to GC_PROBE_OUT when the child stops, so the load generator can tell
// whether its slowest deliveries met a pause in the server.
import { writeFileSync } from 'node:fs';
import { recordCollections } from './tail-attribution.js';

const out = process.env.GC_PROBE_OUT;
const { pauses } = recordCollections();

const write = (): void => {
  if (out) writeFileSync(out, JSON.stringify(pauses));
};
process.on('exit', write);
process.on('SIGTERM', () => {
  write();
  // The bare relay has no shutdown of its own: end it as SIGTERM would have.
  if (process.listenerCount('SIGTERM') === 1) process.exit(0);
});
