import { type ChildProcess, spawn } from 'node:child_process';
import { tmpdir } from 'node:os';
import { temporaryDatabase } from './test-server.js';

const sourceEntry = new URL('../index.ts', import.meta.url).pathname;

export interface ChildServer {
  child: ChildProcess;
  /** Everything the process printed so far, stdout and stderr together. */
  output(): string;
  /** Resolves with the exit code (or the signal's name) once the process has ended. */
  exited: Promise<number | string>;
}

/**
 * The real entry point (`src/index.ts` through tsx, as in development) in a process of its own,
 * as a trainer would start it. `env` adds to the test's environment; `uid` runs it as another
 * user (a root test that needs a read-only file).
 */
export function spawnServer(env: Record<string, string>, options: { uid?: number; entry?: string; args?: string[] } = {}): ChildServer {
  const args = options.args ?? ['--import', 'tsx', '--conditions=source', options.entry ?? sourceEntry];
  const child = spawn(process.execPath, args, {
    // A database of its own unless the test names one: no test touches the default data/tame-the-chaos.db.
    env: { ...process.env, HOST: '127.0.0.1', STATIC_DIR: tmpdir(), LOG_LEVEL: 'silent', DATABASE_PATH: temporaryDatabase(), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    ...(options.uid === undefined ? {} : { uid: options.uid, gid: options.uid }),
  });
  let printed = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    printed += chunk.toString();
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    printed += chunk.toString();
  });
  const exited = new Promise<number | string>((resolve) => child.once('exit', (code, signal) => resolve(code ?? signal ?? 'unknown')));
  return { child, output: () => printed, exited };
}

/** Resolves once the server says it is running; rejects with its output if it ends first. */
export function untilRunning(server: ChildServer, timeoutMs = 30_000): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the server did not start:\n${server.output()}`)), timeoutMs);
    const check = () => {
      if (!server.output().includes('is running at')) return;
      clearTimeout(timer);
      resolve();
    };
    server.child.stdout?.on('data', check);
    check();
    void server.exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`the server exited with ${code}:\n${server.output()}`));
    });
  });
}

/** Ends a child server that is still running, and waits for it to be gone. */
export async function stopServer(server: ChildServer, signal: NodeJS.Signals = 'SIGKILL'): Promise<void> {
  if (server.child.exitCode === null && server.child.signalCode === null) server.child.kill(signal);
  await server.exited;
}
