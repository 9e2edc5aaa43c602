import { createServer } from 'node:net';
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

export default defineConfig({
  testDir: 'e2e',
  testMatch: /.*\.e2e\.ts/,
  timeout: 180_000,
  expect: { timeout: 20_000 },
  workers: 1,
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
    env: { PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn', STATIC_DIR: new URL('./dist/', import.meta.url).pathname },
    reuseExistingServer: false,
    timeout: 60_000,
  },
});
