import { type Browser, expect, type Page } from '@playwright/test';

// What the end-to-end tests share: waiting for a screen, the regions a screen reader hears,
// fresh browser contexts, and screenshots at the two sizes every screen must fit.

export const SCREENS = 'test-results/screens';
export const SMALL = { width: 1280, height: 720 };
export const LARGE = { width: 1920, height: 1080 };

export const status = (page: Page) => page.getByRole('status');
export const log = (page: Page) => page.getByRole('log');

/**
 * Waits until the page shows a screen (`body[data-screen]`) and listens to keys
 * (`body[data-ready]`: a canvas screen sets it after its first frame, an HTML screen at once).
 */
export async function onScreen(page: Page, name: string, timeout = 60_000): Promise<void> {
  await expect(page.locator('body')).toHaveAttribute('data-screen', name, { timeout });
  await expect(page.locator('body')).toHaveAttribute('data-ready', name, { timeout });
}

/** Saves the screen at 1280×720 and at 1920×1080 as `<prefix>-<name>-<width>.png`, then goes back to the page's own size. */
export async function snapBoth(page: Page, prefix: string, name: string): Promise<void> {
  const own = page.viewportSize() ?? SMALL;
  for (const size of [SMALL, LARGE]) {
    await page.setViewportSize(size);
    await page.evaluate(() => document.getElementById('classroom')?.scrollTo(0, 0));
    await nextFrames(page);
    await page.screenshot({ path: `${SCREENS}/${prefix}-${name}-${size.width}.png` });
  }
  await page.setViewportSize(own);
}

/** Two animation frames: the page (and the canvas) have been laid out and drawn at the new size. */
export async function nextFrames(page: Page): Promise<void> {
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
}

/** A page in a browser context of its own: another person on another computer. */
export async function openPage(browser: Browser, url = '/', viewport = SMALL): Promise<Page> {
  const context = await browser.newContext({ viewport, acceptDownloads: true });
  const page = await context.newPage();
  await page.goto(url);
  return page;
}

/**
 * From the title, starts a solo game with the defaults and the tutorial already seen, and sets
 * the clock to ×4: a game nobody has to play through hour by hour.
 */
export async function startFastSoloGame(page: Page): Promise<void> {
  await page.goto('/');
  await onScreen(page, 'title');
  await page.evaluate(() => localStorage.setItem('ttc.tutorialSeen.v1', 'yes'));
  await page.keyboard.press('Enter');
  await onScreen(page, 'setup');
  await page.keyboard.press('s');
  await onScreen(page, 'operations');
  await page.keyboard.press('s');
  await page.keyboard.press('s');
}

/**
 * Presses a key that is answered in the decision log (a decision, or the reason a key is
 * refused) and waits for that answer — or for the screen to change, when the key ended it.
 */
export async function pressAndHear(page: Page, key: string): Promise<void> {
  await page.evaluate(() => {
    const list = document.getElementById('log-list');
    const counted = window as unknown as { ttcLogAdded?: number; ttcLogObserver?: MutationObserver };
    if (!list || counted.ttcLogObserver) return;
    counted.ttcLogAdded = 0;
    counted.ttcLogObserver = new MutationObserver((records) => {
      for (const record of records) counted.ttcLogAdded = (counted.ttcLogAdded ?? 0) + record.addedNodes.length;
    });
    counted.ttcLogObserver.observe(list, { childList: true });
  });
  const before = await page.evaluate(() => (window as unknown as { ttcLogAdded: number }).ttcLogAdded);
  const screen = await page.locator('body').getAttribute('data-screen');
  await page.keyboard.press(key);
  await page.waitForFunction(
    ([count, name]) =>
      (window as unknown as { ttcLogAdded: number }).ttcLogAdded > (count as number) || document.body.dataset.screen !== name,
    [before, screen] as const,
    // Polled on a timer, not on animation frames: a frame-polled wait once never saw the debrief open.
    { polling: 100 },
  );
}
