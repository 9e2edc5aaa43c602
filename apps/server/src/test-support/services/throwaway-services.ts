import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { freePort } from '../free-port.js';

/** A service this test run started, in a temporary directory, and stops at its end. */
export interface Throwaway {
  url: string;
  /** Where its files are, removed by stop(). */
  directory: string;
  stop(): Promise<void>;
}

/** Debian keeps PostgreSQL's server programs out of PATH, one folder per major version. */
export function postgresBinaries(): string | undefined {
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root) ? readdirSync(root).filter((version) => existsSync(join(root, version, 'bin', 'initdb'))) : [];
  const newest = versions.sort((a, b) => Number(b) - Number(a))[0];
  return newest === undefined ? undefined : join(root, newest, 'bin');
}

export function redisServerBinary(): string | undefined {
  return ['/usr/bin/redis-server', '/usr/local/bin/redis-server'].find((path) => existsSync(path));
}

/** PostgreSQL refuses to run as root: as root, its files and processes belong to Debian's postgres user. */
function postgresUser(): { uid: number; gid: number } | undefined {
  if (process.getuid?.() !== 0) return undefined;
  const entry = readFileSync('/etc/passwd', 'utf8')
    .split('\n')
    .map((line) => line.split(':'))
    .find((fields) => fields[0] === 'postgres');
  if (!entry)
    throw new Error(
      'PostgreSQL cannot run as root, and there is no "postgres" user to run it as (Debian\'s postgresql package makes one).',
    );
  return { uid: Number(entry[2]), gid: Number(entry[3]) };
}

function run(program: string, args: string[], user: { uid: number; gid: number } | undefined): void {
  const result = spawnSync(program, args, { encoding: 'utf8', ...(user ?? {}) });
  if (result.status !== 0) throw new Error(`${program} ${args.join(' ')} failed:\n${result.stdout}${result.stderr}`);
}

/**
 * A PostgreSQL cluster of its own: initdb in a temporary directory, the server on a free port
 * of 127.0.0.1 with trust login (nothing else can reach it), and a database "test". No fsync:
 * the data lives only as long as the test run.
 */
export async function startThrowawayPostgres(): Promise<Throwaway> {
  const bin = postgresBinaries();
  if (!bin) throw new Error('PostgreSQL is not installed (no /usr/lib/postgresql/*/bin/initdb).');
  const user = postgresUser();
  const dir = mkdtempSync(join(tmpdir(), 'ttc-postgres-'));
  if (user) chownSync(dir, user.uid, user.gid);
  const data = join(dir, 'data');
  const port = await freePort();
  run(join(bin, 'initdb'), ['-D', data, '-A', 'trust', '-U', 'postgres', '-E', 'UTF8', '--no-sync'], user);
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off`;
  run(join(bin, 'pg_ctl'), ['-D', data, '-l', join(dir, 'server.log'), '-o', options, '-w', 'start'], user);
  const stop = async () => {
    run(join(bin, 'pg_ctl'), ['-D', data, '-m', 'immediate', '-w', 'stop'], user);
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    const admin = new pg.Client({ connectionString: `postgres://postgres@127.0.0.1:${port}/postgres` });
    await admin.connect();
    await admin.query('CREATE DATABASE test');
    await admin.end();
  } catch (error) {
    await stop();
    throw error;
  }
  return { url: `postgres://postgres@127.0.0.1:${port}/test`, directory: dir, stop };
}

/** A Redis of its own on a free port of 127.0.0.1, keeping nothing on disk. */
export async function startThrowawayRedis(): Promise<Throwaway> {
  const binary = redisServerBinary();
  if (!binary) throw new Error('redis-server is not installed.');
  const dir = mkdtempSync(join(tmpdir(), 'ttc-redis-'));
  const port = await freePort();
  const child: ChildProcess = spawn(
    binary,
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let output = '';
  await new Promise<void>((resolve, reject) => {
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('Ready to accept connections')) resolve();
    });
    child.stderr?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    void exited.then(() => reject(new Error(`redis-server ended at start:\n${output}`)));
  });
  return {
    url: `redis://127.0.0.1:${port}`,
    directory: dir,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
