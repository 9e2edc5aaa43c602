import { createRequire } from 'node:module';
import { type Browser, expect, type Page } from '@playwright/test';
import { LARGE, openPage, SCREENS, SMALL } from './support';

// Checks the classroom tests make on what people see: axe-core's accessibility rules, text a
// learner can read on a phone, and controls a thumb can hit. Each reads the real page.

const axeSource = (createRequire(import.meta.url)('axe-core') as { source: string }).source;

/** Phones held upright and sideways: the sizes every learner screen is looked at in. */
export const PHONE = { width: 390, height: 844 };
export const PHONE_SIDEWAYS = { width: 844, height: 390 };
/** The smallest phone the learner screens are made for. */
export const SMALL_PHONE = { width: 360, height: 640 };

/**
 * Waits until the page shows a screen (`body[data-screen]`). Every screen, the canvas ones too,
 * listens to its keys before it marks itself, so nothing else needs waiting for.
 */
export async function reaches(page: Page, name: string, timeout = 60_000): Promise<void> {
  await expect(page.locator('body')).toHaveAttribute('data-screen', name, { timeout });
}

/** The regions a screen reader hears: the page's status line and its log of decisions. */
export const statusLine = (page: Page) => page.locator('#status');
export const decisionLog = (page: Page) => page.locator('#log');

/** Lets the page draw what a resize changed (two frames: layout, then paint; the canvas refits on the first). */
export async function settled(page: Page): Promise<void> {
  await page.evaluate(() => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve()))));
}

/** Saves the screen at 1280×720 and 1920×1080 as `<prefix>-<name>-<width>.png`, then goes back to the page's own size. */
export async function snapLaptop(page: Page, prefix: string, name: string): Promise<void> {
  const own = page.viewportSize() ?? SMALL;
  for (const size of [SMALL, LARGE]) {
    await page.setViewportSize(size);
    await page.evaluate(() => document.getElementById('classroom')?.scrollTo(0, 0));
    await settled(page);
    await page.screenshot({ path: `${SCREENS}/${prefix}-${name}-${size.width}.png` });
  }
  await page.setViewportSize(own);
  await settled(page);
}

/** What the host form is given: rounds, simulated hours a round, teams, and seconds a simulated hour. */
export interface ClassSettings {
  rounds: number;
  hours: number;
  teams: number;
  secondsPerHour: 1 | 2 | 3 | 4 | 5 | 10;
}

/** From the title screen, hosts a class with these settings; resolves with the code as the lobby shows it ("K7P XQ3"). */
export async function hostClass(trainer: Page, settings: ClassSettings): Promise<string> {
  await reaches(trainer, 'title');
  await trainer.keyboard.press('h');
  await reaches(trainer, 'host');
  await trainer.locator('#host-rounds').fill(String(settings.rounds));
  await trainer.locator('#host-hours').fill(String(settings.hours));
  await trainer.locator('#host-teams').fill(String(settings.teams));
  await trainer.locator('#host-pace').selectOption(String(settings.secondsPerHour));
  await trainer.getByRole('button', { name: 'Host the class' }).click();
  await reaches(trainer, 'lobby');
  const shown = (await trainer.locator('#join-code').textContent()) ?? '';
  expect(shown).toMatch(/^[A-Z0-9]{3} [A-Z0-9]{3}$/);
  return shown;
}

/** A phone in a browser context of its own: touch, a mobile viewport, no mouse expected. */
export async function openPhone(browser: Browser, url = '/'): Promise<Page> {
  const context = await browser.newContext({ viewport: PHONE, hasTouch: true, isMobile: true, deviceScaleFactor: 2 });
  const page = await context.newPage();
  await page.goto(url);
  return page;
}

/** A trainer's laptop. */
export async function openLaptop(browser: Browser, url = '/'): Promise<Page> {
  return openPage(browser, url, SMALL);
}

/**
 * Runs axe-core on the page and fails on any critical or serious violation, naming the rule and
 * the first elements concerned. axe is evaluated in the page (CSP allows no injected script tag).
 */
export async function expectNoSeriousAxeViolations(page: Page, where: string): Promise<void> {
  const violations = await page.evaluate(async (source) => {
    if (!(window as unknown as { axe?: unknown }).axe) new Function(source)();
    const axe = (window as unknown as { axe: { run: (context: unknown, options: unknown) => Promise<{ violations: AxeViolation[] }> } })
      .axe;
    interface AxeViolation {
      id: string;
      impact: string | null;
      help: string;
      nodes: { target: unknown[]; failureSummary?: string }[];
    }
    // The page's shared decision log (#log, in index.html) belongs to the solo screens' own axe checks.
    const result = await axe.run({ exclude: [['#log']] }, { resultTypes: ['violations'] });
    return result.violations
      .filter((violation) => violation.impact === 'critical' || violation.impact === 'serious')
      .map((violation) => ({
        rule: violation.id,
        impact: violation.impact,
        help: violation.help,
        nodes: violation.nodes.slice(0, 3).map((node) => `${JSON.stringify(node.target)} ${node.failureSummary ?? ''}`),
      }));
  }, axeSource);
  expect(violations, `axe-core on ${where}`).toEqual([]);
}

/**
 * What a learner on a phone must get: no text under 14 CSS px, nothing wider than the screen,
 * every button, link and field at least 44 px high. Reads every visible element of the screen.
 */
export async function expectPhoneFriendly(page: Page, where: string): Promise<void> {
  const problems = await page.evaluate(() => {
    const found: string[] = [];
    const root = document.getElementById('classroom');
    if (!root) return ['no classroom screen'];
    const visible = (element: Element) => {
      const box = element.getBoundingClientRect();
      const style = getComputedStyle(element);
      return box.width > 0 && box.height > 0 && style.visibility !== 'hidden' && style.display !== 'none';
    };
    const name = (element: Element) =>
      `${element.tagName.toLowerCase()}${element.className ? `.${String(element.className).split(' ')[0]}` : ''} “${(element.textContent ?? '').trim().slice(0, 30)}”`;
    for (const element of root.querySelectorAll('*')) {
      if (!visible(element)) continue;
      const ownText = [...element.childNodes].some((node) => node.nodeType === Node.TEXT_NODE && (node.textContent ?? '').trim() !== '');
      if (ownText) {
        // SVG text scales with its drawing: its size times the drawing's scale on screen.
        const scale = element instanceof SVGGraphicsElement ? (element.getScreenCTM()?.a ?? 1) : 1;
        const size = Number.parseFloat(getComputedStyle(element).fontSize) * scale;
        if (size < 13.95) found.push(`${name(element)} is ${size.toFixed(1)} px`);
      }
      if (element.matches('button, a.button, input:not([type="checkbox"]):not([type="range"]), select, summary')) {
        const box = element.getBoundingClientRect();
        if (box.height < 43.5) found.push(`${name(element)} is only ${Math.round(box.height)} px high`);
      }
    }
    const scroller = document.scrollingElement;
    if (root.scrollWidth > root.clientWidth + 1 || (scroller && scroller.scrollWidth > window.innerWidth + 1))
      found.push(`the page is ${root.scrollWidth} px wide on a ${root.clientWidth} px screen`);
    return found.slice(0, 12);
  });
  expect(problems, `phone check on ${where}`).toEqual([]);
}

/**
 * Saves the screen upright and sideways as `phone-<name>-390x844.png` and `…-844x390.png` (and
 * on the smallest phone, 360×640), checking each, then stands the phone up again.
 */
export async function snapPhone(page: Page, name: string, check = true): Promise<void> {
  for (const size of [PHONE, PHONE_SIDEWAYS, SMALL_PHONE]) {
    await page.setViewportSize(size);
    await settled(page);
    await page.screenshot({ path: `${SCREENS}/phone-${name}-${size.width}x${size.height}.png` });
    if (check) await expectPhoneFriendly(page, `${name} at ${size.width}×${size.height}`);
  }
  await page.setViewportSize(PHONE);
}
