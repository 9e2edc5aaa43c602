import { expect, type Page, test } from '@playwright/test';
import { log, onScreen, SCREENS, status } from './support';

// The lesson, felt: a player who presses nothing during operations (and commits an empty plan
// between rounds) sees every customer give up, hears it in the log, and is placed by the debrief
// below the strategist and below always saying no, with a lesson about ignoring, not declining.
// Seed 11 of the short office-supplies game: the team that did nothing scores below always-no
// there (the simulation's balance test guarantees that on at least 90 % of seeds, not all).

const SEED = '11';
const screen = (page: Page) => page.locator('#screen');

/** A benchmark's (or your) balanced score as the debrief's text says it: "Always no: balanced score 61.2, …". */
async function scoreOf(page: Page, name: string): Promise<number> {
  const text = (await screen(page).textContent()) ?? '';
  const match = new RegExp(`${name}: balanced score (\\d+\\.\\d)`).exec(text);
  if (!match) throw new Error(`no score for ${name} in the debrief`);
  return Number(match[1]);
}

test('a short solo game where nothing is pressed ends below the strategist and always-no, with the lesson about ignoring', async ({
  page,
}) => {
  await page.goto('/');
  await onScreen(page, 'title');
  await page.evaluate(() => localStorage.setItem('ttc.tutorialSeen.v1', 'yes'));
  await page.keyboard.press('Enter');
  await onScreen(page, 'setup');
  // The scenarios are listed by file name (boutique hotel, office supplies, …); focus starts on Start:
  // up past the guided round, feedback, the seed, the two lengths and the last two scenarios.
  for (let i = 0; i < 8; i++) await page.keyboard.press('ArrowUp');
  await page.keyboard.press('Enter');
  await expect(screen(page)).toContainText('Scenario Office supplies call centre. Short game, 3 rounds of 12 hours.');
  for (let i = 0; i < 12 && !/Seed 0\./.test((await screen(page).textContent()) ?? ''); i++) await page.keyboard.press('Backspace');
  await page.keyboard.type(SEED, { delay: 50 });
  await expect(screen(page)).toContainText(`Seed ${SEED}.`);
  await page.keyboard.press('s');

  await onScreen(page, 'operations');
  await page.keyboard.press('s');
  await page.keyboard.press('s');
  await expect(status(page)).toContainText('Speed ×4');
  // Nobody answers: the first card to run out is said in the log, as it happens.
  await expect(log(page)).toContainText(/Ignored: .+ gave up waiting on .+\. Loyalty −\d+\.\d\./, { timeout: 60_000 });
  for (const round of [1, 2]) {
    await onScreen(page, 'planning', 60_000);
    await expect(screen(page)).toContainText(`Planning after round ${round}`);
    await page.keyboard.press('c');
    await expect(log(page)).toContainText(`Round ${round + 1} begins.`);
    await onScreen(page, 'operations');
  }

  await onScreen(page, 'debrief', 60_000);
  await expect(status(page)).toContainText('Game over');
  await expect(screen(page)).toContainText('Idle (did nothing): balanced score');
  const you = await scoreOf(page, 'You');
  expect(you).toBe(await scoreOf(page, 'Idle \\(did nothing\\)'));
  expect(you).toBeLessThan(await scoreOf(page, 'Strategist'));
  expect(you).toBeLessThan(await scoreOf(page, 'Always no'));
  await expect(screen(page)).toContainText('Lesson: Every customer waited and gave up: nobody answered any card.');
  await expect(screen(page)).toContainText('Ignoring a customer costs more loyalty than a gentle no');
  await expect(screen(page)).not.toContainText('Declining most requests');
  await page.screenshot({ path: `${SCREENS}/idle-debrief.png` });
});
