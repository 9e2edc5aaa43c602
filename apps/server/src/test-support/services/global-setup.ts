import { spawnSync } from 'node:child_process';
import type { TestProject } from 'vitest/node';
import { postgresProblem, redisProblem } from './service-probes.js';
import { postgresBinaries, redisServerBinary, startThrowawayPostgres, startThrowawayRedis, type Throwaway } from './throwaway-services.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The PostgreSQL the tests use; each test file works in schemas of its own there. */
    databaseUrl: string;
    /** The Redis the tests use (kept ready for the socket.io adapter). */
    redisUrl: string;
  }
}

export const DEFAULT_DATABASE_URL = 'postgres://127.0.0.1:5432/test';
export const DEFAULT_REDIS_URL = 'redis://127.0.0.1:6379';
const INSTALL = 'sudo apt-get update && sudo apt-get install -y postgresql redis-server';

/**
 * Installs Debian's packages for the services that are missing when running as root, as the
 * browser tests do for Chromium; otherwise stops with the exact command to run.
 */
function ensureInstalled(packages: string[]): void {
  if (packages.length === 0) return;
  if (process.getuid?.() !== 0)
    throw new Error(
      `The server tests need ${packages.join(' and ')}, which are not installed. Install them, then run npm test again:\n  ${INSTALL}`,
    );
  console.log(`Installing Debian's ${packages.join(' and ')} for the server tests (apt-get install -y)…`);
  for (const args of [['update'], ['install', '-y', '--no-install-recommends', ...packages]]) {
    const result = spawnSync('apt-get', args, { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
    if (result.status !== 0) throw new Error(`apt-get ${args.join(' ')} failed. Run it yourself: ${INSTALL.replaceAll('sudo ', '')}`);
  }
}

interface Service {
  name: string;
  variable: 'TEST_DATABASE_URL' | 'TEST_REDIS_URL';
  fallback: string;
  problem(url: string): Promise<string | undefined>;
  installed(): boolean;
  debianPackage: string;
  start(): Promise<Throwaway>;
}

const SERVICES: Service[] = [
  {
    name: 'PostgreSQL',
    variable: 'TEST_DATABASE_URL',
    fallback: DEFAULT_DATABASE_URL,
    problem: postgresProblem,
    installed: () => postgresBinaries() !== undefined,
    debianPackage: 'postgresql',
    start: startThrowawayPostgres,
  },
  {
    name: 'Redis',
    variable: 'TEST_REDIS_URL',
    fallback: DEFAULT_REDIS_URL,
    problem: redisProblem,
    installed: () => redisServerBinary() !== undefined,
    debianPackage: 'redis-server',
    start: startThrowawayRedis,
  },
];

/**
 * Finds PostgreSQL and Redis for the server tests: TEST_DATABASE_URL and TEST_REDIS_URL, or the
 * services on their usual ports. When nothing answers at a default, it starts a throwaway
 * instance in a temporary directory on a free port (installing the package first as root) and
 * stops it when the run ends. A URL given explicitly that does not answer stops the run.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const started: Throwaway[] = [];
  const urls: string[] = [];
  const absent: Service[] = [];
  for (const service of SERVICES) {
    const url = process.env[service.variable] || service.fallback;
    const problem = await service.problem(url);
    if (problem && process.env[service.variable])
      throw new Error(`${service.variable} is set to ${url}, but ${service.name} does not answer there: ${problem}`);
    if (problem) console.log(`${service.name} does not answer at ${url} (${problem}): starting a throwaway one for this run.`);
    urls.push(url);
    if (problem) absent.push(service);
  }
  ensureInstalled(absent.filter((service) => !service.installed()).map((service) => service.debianPackage));
  const stopAll = async () => {
    for (const throwaway of started.reverse()) await throwaway.stop();
  };
  try {
    for (const service of absent) {
      const throwaway = await service.start();
      started.push(throwaway);
      urls[SERVICES.indexOf(service)] = throwaway.url;
    }
  } catch (error) {
    await stopAll();
    throw error;
  }
  project.provide('databaseUrl', urls[0] as string);
  project.provide('redisUrl', urls[1] as string);
  return stopAll;
}
