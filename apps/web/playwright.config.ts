import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig } from '@playwright/test';
// @ts-expect-error: a plain JavaScript helper shared with the install script
import { CHROMIUM_ARGS, findChromium } from './scripts/chromium-path.mjs';

/** A free port on loopback for this run's real server. */
async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

const port = Number(process.env.E2E_PORT ?? (await freePort()));
process.env.E2E_PORT = String(port);
const database = process.env.E2E_DATABASE ?? join(mkdtempSync(join(tmpdir(), 'ttc-e2e-')), 'sessions.db');
process.env.E2E_DATABASE = database;

export default defineConfig({
  testDir: 'e2e',
  testMatch: /.*\.e2e\.ts/,
  // Whole games played in real time: on a shared 2-core machine a 3-round game took just over 3 min.
  timeout: 360_000,
  expect: { timeout: 20_000 },
  workers: 1,
  // No retries: a test that fails once has found something.
  retries: 0,
  reporter: [['list']],
  outputDir: 'test-results/artifacts',
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    viewport: { width: 1600, height: 900 },
    launchOptions: { executablePath: findChromium(), args: CHROMIUM_ARGS },
    trace: 'off',
  },
  webServer: {
    command: 'node --import tsx --conditions=source ../server/src/index.ts',
    url: `http://127.0.0.1:${port}/api/health`,
    env: {
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      STATIC_DIR: new URL('./dist/', import.meta.url).pathname,
      // A database of this run's own: classes left by earlier runs would count against the caps per address.
      DATABASE_PATH: database,
    },
    reuseExistingServer: false,
    timeout: 60_000,
  },
});
