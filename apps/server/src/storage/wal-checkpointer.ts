import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

/** How often the worker folds the write-ahead log back into the database. */
export const CHECKPOINT_INTERVAL_MS = 500;

/**
 * The size (in pages) at which the server's own connection still checkpoints, should the worker
 * be gone: about 40 MB of log, never reached while the worker runs.
 */
export const FALLBACK_AUTOCHECKPOINT_PAGES = 10_000;

/** What one checkpoint did, as SQLite's `wal_checkpoint` reports it. */
export interface CheckpointReport {
  busy: number;
  /** Pages in the write-ahead log. */
  log: number;
  /** Of those, pages now in the database file. */
  checkpointed: number;
}

/**
 * The worker: its own connection to the same file, a PASSIVE checkpoint every interval. A
 * passive checkpoint never waits for a lock and never holds up the server's writes; it copies
 * what it can and tries again next time. Written as a script string so that it runs the same
 * from the build, from sources under tsx and inside the tests.
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.path, { timeout: 0 });
const timer = setInterval(() => {
  try {
    const [report] = db.pragma('wal_checkpoint(PASSIVE)');
    parentPort.postMessage({ report });
  } catch (error) {
    parentPort.postMessage({ error: String(error && error.message || error) });
  }
}, workerData.intervalMs);
parentPort.on('message', () => {
  clearInterval(timer);
  db.close();
  parentPort.close();
});
`;

/**
 * SQLite's write-ahead log checkpoints, off the event loop. In WAL mode every commit appends to
 * the log, and the connection that commits past `wal_autocheckpoint` pages copies the log into
 * the database and syncs both files, inside that commit: with a hundred classes writing, that
 * was a 5–7 ms stall about twice a second on the one thread every learner waits on
 * (docs/performance.md). Here a worker thread with a connection of its own does it instead.
 * Nothing about durability changes: a commit is in the log, as before, when it returns.
 */
export class WalCheckpointer {
  private readonly worker: Worker;
  private readonly listeners = new Set<(report: CheckpointReport) => void>();
  private stopped: Promise<void> | undefined;
  private exited = false;

  constructor(path: string, onProblem: (message: string) => void, intervalMs = CHECKPOINT_INTERVAL_MS) {
    const driver = createRequire(import.meta.url).resolve('better-sqlite3');
    this.worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { path, driver, intervalMs } });
    this.worker.unref();
    // The first failure is reported, not every half second of a lasting one.
    let failing = false;
    this.worker.on('message', (message: { report?: CheckpointReport; error?: string }) => {
      if (message.error && !failing) onProblem(`a write-ahead log checkpoint failed: ${message.error}`);
      failing = message.error !== undefined;
      if (message.report) for (const listener of this.listeners) listener(message.report);
    });
    // Without the worker the server's connection checkpoints by itself again (the fallback size).
    this.worker.on('error', (error) => onProblem(`the checkpoint worker stopped: ${error.message}`));
    this.worker.once('exit', () => {
      this.exited = true;
    });
  }

  /** Calls `listener` after each checkpoint; returns the function that stops it. */
  onCheckpoint(listener: (report: CheckpointReport) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Closes the worker's connection and waits for the thread to end. */
  stop(): Promise<void> {
    this.stopped ??= new Promise<void>((resolve) => {
      if (this.exited) {
        resolve();
        return;
      }
      this.worker.once('exit', () => resolve());
      this.worker.postMessage('stop');
      // A worker that does not end promptly (stuck in a sync) is ended.
      setTimeout(() => void this.worker.terminate(), 2000).unref();
    });
    return this.stopped;
  }
}
