// What the slowest deliveries of a load run met on their way (bench/load.ts --explain-tail).
// A delivery is late when a process on its path stops: the server (its garbage collection) or
// the load generator, whose event loop must run to see a broadcast arrive. Times are wall-clock
// milliseconds (performance.timeOrigin + performance.now()), comparable between the processes.
import { PerformanceObserver } from 'node:perf_hooks';

/** A stretch of time in which a process did nothing else. */
export interface Pause {
  start: number;
  ms: number;
}

export interface Delivery {
  /** When the decision was sent (wall clock). */
  sent: number;
  ms: number;
}

/** A gap this long between the generator's 1 ms timer callbacks counts as a stall. */
const STALL_MS = 5;

/** Records this process's garbage collections (wall clock) until `stop` is called. */
export function recordCollections(): { pauses: Pause[]; stop: () => void } {
  const pauses: Pause[] = [];
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) pauses.push({ start: performance.timeOrigin + entry.startTime, ms: entry.duration });
  });
  observer.observe({ entryTypes: ['gc'] });
  return { pauses, stop: () => observer.disconnect() };
}

/** Records the generator's own collections and every stall of its event loop until stopped. */
export function recordGeneratorPauses(): () => { collections: Pause[]; stalls: Pause[] } {
  const collections = recordCollections();
  const stalls: Pause[] = [];
  let last = performance.now();
  const beat = setInterval(() => {
    const now = performance.now();
    if (now - last > STALL_MS) stalls.push({ start: performance.timeOrigin + last, ms: now - last });
    last = now;
  }, 1);
  return () => {
    clearInterval(beat);
    collections.stop();
    return { collections: collections.pauses, stalls };
  };
}

const overlaps = (delivery: Delivery, pauses: Pause[]): boolean =>
  pauses.some((pause) => pause.start < delivery.sent + delivery.ms && delivery.sent < pause.start + pause.ms);

export interface TailAttribution {
  late: number;
  thresholdMs: number;
  serverCollection: number;
  generatorStall: number;
  generatorCollection: number;
  both: number;
  neither: number;
}

/** Of the deliveries at or above `thresholdMs`: how many overlapped a pause of each process. */
export function attributeTail(
  deliveries: Delivery[],
  thresholdMs: number,
  server: Pause[],
  generator: { collections: Pause[]; stalls: Pause[] },
): TailAttribution {
  const late = deliveries.filter((delivery) => delivery.ms >= thresholdMs);
  const result: TailAttribution = {
    late: late.length,
    thresholdMs,
    serverCollection: 0,
    generatorStall: 0,
    generatorCollection: 0,
    both: 0,
    neither: 0,
  };
  for (const delivery of late) {
    const inServer = overlaps(delivery, server);
    const inGeneratorCollection = overlaps(delivery, generator.collections);
    const inGenerator = inGeneratorCollection || overlaps(delivery, generator.stalls);
    if (inServer) result.serverCollection++;
    if (inGenerator) result.generatorStall++;
    if (inGeneratorCollection) result.generatorCollection++;
    if (inServer && inGenerator) result.both++;
    if (!inServer && !inGenerator) result.neither++;
  }
  return result;
}
