import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Browser, chromium, expect, type Page, test } from '@playwright/test';
// @ts-expect-error: a plain JavaScript helper shared with the install script
import { CHROMIUM_ARGS, findChromium } from '../scripts/chromium-path.mjs';
import { LARGE, onScreen, SCREENS, SMALL, status } from './support';

// A trainer's laptop on a classroom network: learners open http://<laptop name>:PORT, not
// localhost. Browsers exempt localhost from upgrade-insecure-requests, so only a LAN-like name
// shows whether the page loads over plain HTTP. Chromium resolves "classroom.lan" to this
// machine, and the server here is started by the test with a trainer passcode and its own
// database.

const LAN_NAME = 'classroom.lan';
const PASSCODE = 'lan-party';
const PHONE = { width: 390, height: 844 };

let server: ChildProcess;
let browser: Browser;
let origin: string;
let output = '';

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

test.beforeAll(async () => {
  const port = await freePort();
  origin = `http://${LAN_NAME}:${port}`;
  server = spawn(
    process.execPath,
    ['--import', 'tsx', '--conditions=source', new URL('../../server/src/index.ts', import.meta.url).pathname],
    {
      env: {
        ...process.env,
        PORT: String(port),
        HOST: '127.0.0.1',
        PUBLIC_URL: origin,
        HOST_PASSCODE: PASSCODE,
        DATABASE_PATH: join(mkdtempSync(join(tmpdir(), 'ttc-lan-')), 'sessions.db'),
        STATIC_DIR: new URL('../dist/', import.meta.url).pathname,
        LOG_LEVEL: 'warn',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the server did not start:\n${output}`)), 60_000);
    const collect = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('is running at')) {
        clearTimeout(timer);
        resolve();
      }
    };
    server.stdout?.on('data', collect);
    server.stderr?.on('data', collect);
    server.once('exit', (code) => reject(new Error(`the server exited with ${code}:\n${output}`)));
  });
  browser = await chromium.launch({
    executablePath: findChromium(),
    args: [...CHROMIUM_ARGS, `--host-resolver-rules=MAP ${LAN_NAME} 127.0.0.1`],
  });
});

test.afterAll(async () => {
  await browser?.close();
  if (server && server.exitCode === null) {
    const exited = new Promise((resolve) => server.once('exit', resolve));
    server.kill('SIGTERM');
    await exited;
  }
});

/** A page of its own (another laptop) that records every request the browser could not make. */
async function lanPage(path: string, viewport = SMALL): Promise<{ page: Page; failures: string[] }> {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  const failures: string[] = [];
  page.on('requestfailed', (request) => failures.push(`${request.url()}: ${request.failure()?.errorText}`));
  page.on('console', (message) => {
    if (message.type() === 'error') failures.push(`console: ${message.text()}`);
  });
  await page.goto(`${origin}${path}`);
  return { page, failures };
}

test('over plain HTTP on a LAN name, the trainer hosts with the passcode and a learner joins by code', async () => {
  test.setTimeout(180_000);

  // ——— The trainer: the game loads (its scripts came over http), and the host form asks for the passcode ———
  const trainer = await lanPage('/');
  await onScreen(trainer.page, 'title');
  expect(trainer.page.url()).toMatch(new RegExp(`^http://${LAN_NAME}:`));
  await trainer.page.keyboard.press('h');
  await onScreen(trainer.page, 'host');
  const passcode = trainer.page.getByLabel('Trainer passcode');
  await expect(passcode).toBeVisible();
  for (const size of [SMALL, LARGE, PHONE]) {
    await trainer.page.setViewportSize(size);
    await trainer.page.screenshot({ path: `${SCREENS}/lan-host-passcode-${size.width}.png`, fullPage: true });
  }
  await trainer.page.setViewportSize(SMALL);

  const host = trainer.page.getByRole('button', { name: 'Host the class' });
  await host.click();
  await expect(trainer.page.getByText('Enter the trainer passcode.')).toBeVisible();
  await expect(passcode).toBeFocused();
  await passcode.fill('not-the-passcode');
  await host.click();
  await expect(trainer.page.getByText('That is not the trainer passcode')).toBeVisible();
  await trainer.page.screenshot({ path: `${SCREENS}/lan-host-wrong-passcode-1280.png` });
  await passcode.fill(PASSCODE);
  await host.click();
  await onScreen(trainer.page, 'lobby');
  const code = ((await trainer.page.locator('#join-code').textContent()) ?? '').replace(/\s/g, '');
  expect(code).toMatch(/^[A-Z0-9]{6}$/);

  // ——— A learner on a phone types the code (a phone's first visit opens the join form) ———
  const learner = await lanPage('/', PHONE);
  await onScreen(learner.page, 'join');
  await learner.page.getByLabel('Join code').fill(code);
  await learner.page.getByLabel('Your name').fill('Ada');
  await learner.page.keyboard.press('Enter');
  await onScreen(learner.page, 'waiting');
  await expect(learner.page.getByRole('heading', { name: 'You are in Team 1' })).toBeVisible();
  await learner.page.screenshot({ path: `${SCREENS}/lan-learner-waiting-390.png`, fullPage: true });
  await expect(trainer.page.locator('#lobby-headcount')).toContainText('1 learner');
  await expect(status(trainer.page)).not.toContainText('could not');

  // Nothing was fetched over https or blocked on the way.
  expect(trainer.failures).toEqual([]);
  expect(learner.failures).toEqual([]);
});
