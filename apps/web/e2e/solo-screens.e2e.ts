import { expect, type Page, test } from '@playwright/test';
import { expectAccessible } from './axe';
import { LARGE, log, nextFrames, onScreen, SCREENS, SMALL, startFastSoloGame, status } from './support';

// Every solo screen, as a keyboard and screen-reader user meets it: axe finds nothing critical
// or serious, and each is saved at 1280×720 and 1920×1080 — including a crowded queue with an
// event banner — for a person to look at.

const screen = (page: Page) => page.locator('#screen');
const focus = (page: Page) => page.locator('#focus');
const board = (page: Page) => page.locator('#board-details');

async function snap(page: Page, name: string): Promise<void> {
  const own = page.viewportSize() ?? SMALL;
  for (const size of [SMALL, LARGE]) {
    await page.setViewportSize(size);
    await nextFrames(page);
    await page.screenshot({ path: `${SCREENS}/solo-${name}-${size.width}.png` });
  }
  await page.setViewportSize(own);
  await nextFrames(page);
}

async function waiting(page: Page): Promise<number> {
  const text = (await board(page).textContent()) ?? '';
  return Number(/Waiting demands (\d+)/.exec(text)?.[1] ?? 0);
}

test.use({ viewport: SMALL });

test('title, set-up, tutorial, help, pause menu and a crowded board with an event pass axe and are captured', async ({ page }) => {
  test.setTimeout(240_000);
  await page.goto('/');
  await onScreen(page, 'title');
  await expect(status(page)).toContainText('Enter starts solo practice');
  await expectAccessible(page, 'title');
  await snap(page, 'title');

  await page.keyboard.press('Enter');
  await onScreen(page, 'setup');
  await expect(focus(page)).toContainText('Focus: Start game, key S, button');
  await expectAccessible(page, 'set-up');
  await snap(page, 'setup');

  await page.keyboard.press('s');
  await onScreen(page, 'operations');
  await expect(screen(page)).toContainText('Tutorial step 1 of 7');
  await expectAccessible(page, 'tutorial');
  await snap(page, 'tutorial');
  await page.keyboard.press('Escape');
  await expect(screen(page)).toContainText('Tutorial finished');

  await page.keyboard.press('?');
  await expect(screen(page)).toContainText('Keyboard shortcuts');
  await expectAccessible(page, 'help');
  await snap(page, 'help');
  await page.keyboard.press('Escape');
  await onScreen(page, 'operations');

  // A crowded board: the benchmark's scenario with three times the requests.
  await page.goto('/?bench');
  await onScreen(page, 'title');
  await page.evaluate(() => (window as unknown as { ttcBench: { startCrowdedGame(): void } }).ttcBench.startCrowdedGame());
  await onScreen(page, 'operations');
  // Ten to sixteen cards: the middle size, still with every card's spend and urgency.
  await expect.poll(() => waiting(page), { timeout: 60_000 }).toBeGreaterThanOrEqual(10);
  await page.keyboard.press('Space');
  await expect(status(page)).toContainText('Paused');
  await snap(page, 'operations-medium');
  await page.keyboard.press('Space');
  await page.keyboard.press('s');
  await page.keyboard.press('s');
  await expect.poll(() => waiting(page), { timeout: 60_000 }).toBeGreaterThanOrEqual(17);
  await page.keyboard.press('Space');
  await expect(status(page)).toContainText('Paused');
  // Every card keeps the spend; the selected card is said in full.
  await expect(focus(page)).toContainText(/Card \d+ of \d+: .+, spends .+\/round/);
  await expect(board(page)).toContainText('1 Accommodate:');
  await expectAccessible(page, 'operations');
  await snap(page, 'operations-crowded');

  await page.keyboard.press('Escape');
  await onScreen(page, 'pause-menu');
  await expect(screen(page)).toContainText('Paused. Back to the game: Escape');
  await expectAccessible(page, 'pause menu');
  await snap(page, 'pause-menu');
  await page.keyboard.press('Escape');
  await onScreen(page, 'operations');

  // Round 2 brings the key account's request for proposal: the banner stays until dismissed.
  await page.keyboard.press('Space');
  await onScreen(page, 'planning', 60_000);
  await expect(board(page)).toContainText(/requests? from/);
  await expectAccessible(page, 'planning');
  await snap(page, 'planning-crowded');
  await page.keyboard.press('c');
  await onScreen(page, 'operations');
  await expect(log(page)).toContainText('Event: Key account request for proposal', { timeout: 60_000 });
  await page.keyboard.press('Space');
  await expect(board(page)).toContainText('Key account request for proposal');
  await expectAccessible(page, 'operations with an event');
  await snap(page, 'operations-event');
  await page.keyboard.press('Enter');
  await expect(log(page)).toContainText('Event banner dismissed.');
  await expect(board(page)).not.toContainText('Key account request for proposal');
});

test('a short game to its debrief: axe on planning, debrief and past games; Space keeps the debrief', async ({ page }) => {
  test.setTimeout(240_000);
  await startFastSoloGame(page);
  await expect(status(page)).toContainText('Round 1 of 3. Operations. Hour 1 of 12');
  // Waiting for customers: the status speaks when the first card arrives, not every hour.
  await expect(status(page)).not.toContainText('Waiting demands 0', { timeout: 30_000 });
  await page.keyboard.press('2');
  await expect(log(page)).toContainText(/Premium\. /);
  await onScreen(page, 'planning', 60_000);
  await expect(status(page)).toContainText(/Round 1 of 3\. Planning\. Profit .+\. Exhaustion \d+\. Loyalty \d+/);
  await expectAccessible(page, 'planning');
  await snap(page, 'planning');

  // Build on the first request: the focus stays on that row's button, now "Cancel build".
  await page.keyboard.press('Tab');
  const buildFocus = ((await focus(page).textContent()) ?? '').replace(/^Focus: /, '');
  const request = /^Build [^:]+: (.+), button$/.exec(buildFocus)?.[1] ?? '';
  expect(request).not.toBe('');
  await page.keyboard.press('Enter');
  await expect(focus(page)).toHaveText(`Focus: Cancel build: ${request}, button`);
  await expect(board(page)).toContainText(`Build "${request}"`);
  // The premium's +: focus stays on the same row's +, so a second Enter raises the same price.
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await expect(focus(page)).toContainText(`Focus: raise the premium for ${request}, now `);
  await page.keyboard.press('Enter');
  await expect(focus(page)).toContainText(`Focus: raise the premium for ${request}, now `);
  const once = (await focus(page).textContent()) ?? '';
  await page.keyboard.press('Enter');
  await expect(focus(page)).not.toHaveText(once);
  await expect(focus(page)).toContainText(`Focus: raise the premium for ${request}, now `);
  await expect(board(page)).toContainText(`Premium “${request}”: `);
  await snap(page, 'planning-with-build');
  await page.keyboard.press('c');
  await expect(log(page)).toContainText('Plan committed. Round 2 begins.');

  for (const round of [2, 3]) {
    await onScreen(page, 'operations');
    await expect(status(page)).toContainText(`Round ${round} of 3. Operations`);
    if (round === 3) break;
    await onScreen(page, 'planning', 60_000);
    await page.keyboard.press('c');
  }
  await onScreen(page, 'debrief', 90_000);
  await expect(status(page)).toContainText('Game over');
  await expectAccessible(page, 'debrief');
  await snap(page, 'debrief');
  // Space is not "play again": the debrief stays, and the player hears why.
  await page.keyboard.press('Space');
  await expect(log(page)).toContainText('Space does nothing on the debrief');
  await expect(page.locator('body')).toHaveAttribute('data-screen', 'debrief');
  await expect(screen(page)).toContainText('Lesson:');

  await page.keyboard.press('Escape');
  await onScreen(page, 'title');
  await expect(screen(page)).not.toContainText('Resume your game');
  await page.keyboard.press('p');
  await onScreen(page, 'past-games');
  await expectAccessible(page, 'past games');
  await snap(page, 'past-games');
});

test('Esc opens the pause menu; a reload keeps the game and the title resumes it where it stood', async ({ page }) => {
  test.setTimeout(120_000);
  await startFastSoloGame(page);
  await expect(status(page)).not.toContainText('Waiting demands 0', { timeout: 30_000 });
  await page.keyboard.press('4');
  await expect(log(page)).toContainText('Gentle no.');
  // A key with nothing to do says why.
  await page.keyboard.press('Enter');
  await expect(log(page)).toContainText('Enter does nothing here');

  await page.keyboard.press('Escape');
  await onScreen(page, 'pause-menu');
  await expect(focus(page)).toContainText('Focus: Back to the game, key Esc, button');
  await page.keyboard.press('Escape');
  await onScreen(page, 'operations');
  await page.keyboard.press('Space');
  await expect(status(page)).toContainText('Paused');
  const situation = (await board(page).textContent())?.replace(/^.*?Situation/, '').replace(/Staff.*$/, '') ?? '';
  expect(situation).toMatch(/Hour \d+ of 12/);

  await page.reload();
  await onScreen(page, 'title');
  await expect(screen(page)).toContainText('Resume your game');
  await expect(status(page)).toContainText('is kept at round 1');
  await page.keyboard.press('Enter');
  await onScreen(page, 'operations');
  await expect(log(page)).toContainText('Game resumed: round 1 of 3');
  await expect(status(page)).toContainText('Paused');
  // Rebuilt from its log: the same hour, figures, queue and backlog as before the reload.
  await expect(board(page)).toContainText(situation);

  // Back to the title from the menu keeps the game too.
  await page.keyboard.press('Escape');
  await onScreen(page, 'pause-menu');
  await page.keyboard.press('t');
  await onScreen(page, 'title');
  await expect(screen(page)).toContainText('Resume your game');
});
