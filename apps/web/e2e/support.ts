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
 * On the screen `on`, presses a key that this screen answers in the decision log (a decision, or
 * the reason a key is refused) and waits for that answer — or for the screen to change, when the
 * key ended it or the screen moved on by itself while the key travelled.
 *
 * Returns false without pressing when `on` is no longer showing. The screen and the count of log
 * lines are read together just before the press: a screen read later than the caller's own check
 * could already be the next one (the round ended), where the key may be answered by nothing at all
 * (a digit on planning), and the wait would never end. A wait that still gets no answer fails after
 * `timeout`, naming the key and the screen, instead of running into the test's own time-out.
 */
export async function pressAndHear(page: Page, key: string, on: string, timeout = 30_000): Promise<boolean> {
  const before = await page.evaluate(() => {
    const list = document.getElementById('log-list');
    if (!list) throw new Error('pressAndHear: the page has no #log-list');
    const counted = window as unknown as { ttcLogAdded?: number; ttcLogList?: Element; ttcLogObserver?: MutationObserver };
    // Lines added to the log list the page shows now; a list put in its place is watched in turn.
    if (counted.ttcLogList !== list) {
      counted.ttcLogObserver?.disconnect();
      counted.ttcLogAdded ??= 0;
      counted.ttcLogList = list;
      counted.ttcLogObserver = new MutationObserver((records) => {
        for (const record of records) counted.ttcLogAdded = (counted.ttcLogAdded ?? 0) + record.addedNodes.length;
      });
      counted.ttcLogObserver.observe(list, { childList: true });
    }
    return { count: counted.ttcLogAdded ?? 0, screen: document.body.dataset.screen ?? '' };
  });
  if (before.screen !== on) return false;
  await page.keyboard.press(key);
  try {
    await page.waitForFunction(
      ([count, name]) =>
        (window as unknown as { ttcLogAdded: number }).ttcLogAdded > (count as number) || document.body.dataset.screen !== name,
      [before.count, on] as const,
      { polling: 100, timeout },
    );
  } catch (error) {
    const now = await page.evaluate(() => ({
      screen: document.body.dataset.screen,
      last: document.getElementById('log-list')?.lastElementChild?.textContent ?? '(empty log)',
    }));
    throw new Error(
      `Key ${key} pressed on the ${on} screen got no answer in the log within ${timeout} ms and the screen did not change ` +
        `(screen now ${now.screen}; last log line: "${now.last}")`,
      { cause: error },
    );
  }
  return true;
}
