import { expect, type Page, test } from '@playwright/test';
import { log, onScreen, pressAndHear, SCREENS, startFastSoloGame, status } from './support';

// A new player, keyboard only: title → set-up → tutorial → a whole short game → debrief →
// a new game. Assertions read what a screen reader would: the role="status" and role="log"
// regions and the screen announcements, never the game's internals.

async function snap(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `${SCREENS}/${name}.png` });
}

const screen = (page: Page) => page.locator('#screen');

/**
 * Plays the current round's operations with the keyboard until the round ends: a decision key
 * when the status says a customer waits (then waits to hear its outcome in the log), otherwise
 * waits for the status to change. Arrow keys are pressed as they come. The screen and the status
 * are read together, and a decision key is pressed only while operations still shows: the round
 * can end between any two steps.
 */
async function playRound(page: Page, round: number, keys: string[]): Promise<void> {
  await expect(status(page)).toContainText(`Round ${round} of 3. Operations`);
  let turn = 0;
  for (;;) {
    const { screen, text } = await page.evaluate(() => ({
      screen: document.body.dataset.screen,
      text: document.getElementById('status')?.textContent ?? '',
    }));
    if (screen !== 'operations') return;
    const key = keys[turn % keys.length] as string;
    if (/Waiting demands 0\b/.test(text))
      await page.waitForFunction(
        (before) => document.getElementById('status')?.textContent !== before || document.body.dataset.screen !== 'operations',
        text,
      );
    else if (key.startsWith('Arrow')) {
      await page.keyboard.press(key);
      turn++;
    } else if (await pressAndHear(page, key, 'operations')) turn++;
  }
}

test('a new player plays a whole short solo game with the keyboard only', async ({ page }) => {
  await page.goto('/');
  await onScreen(page, 'title');
  await snap(page, '01-title');
  await expect(screen(page)).toContainText('Solo practice');

  await page.keyboard.press('Enter');
  await onScreen(page, 'setup');
  await expect(screen(page)).toContainText('Guided first round on');
  // A seed typed by the player: two people can play the same game.
  for (let i = 0; i < 12 && !/Seed 0\./.test((await screen(page).textContent()) ?? ''); i++) await page.keyboard.press('Backspace');
  await expect(screen(page)).toContainText('Seed 0.');
  await page.keyboard.type('4242', { delay: 50 });
  await expect(screen(page)).toContainText('Seed 4242');
  await snap(page, '02-setup');
  await page.keyboard.press('s');

  await onScreen(page, 'operations');
  await expect(screen(page)).toContainText('Tutorial step 1 of 7');
  await snap(page, '03-tutorial');
  for (let step = 2; step <= 7; step++) {
    await page.keyboard.press('Enter');
    await expect(screen(page)).toContainText(`Tutorial step ${step} of 7`);
  }
  await page.keyboard.press('Enter');
  await expect(screen(page)).toContainText('Tutorial finished');

  // The keyboard help is one key away, and pausing holds the clock.
  await page.keyboard.press('?');
  await expect(screen(page)).toContainText('Keyboard shortcuts');
  await snap(page, '04-help');
  await page.keyboard.press('Escape');
  await onScreen(page, 'operations');
  await expect(screen(page)).toContainText('Operations, round 1 of 3');
  await page.keyboard.press('Space');
  await expect(status(page)).toContainText('Paused');
  await expect(log(page)).toContainText('Paused.');
  await page.keyboard.press('Space');
  await page.keyboard.press('s');
  await page.keyboard.press('s');
  await expect(status(page)).toContainText('Speed ×4');
  await expect(status(page)).not.toContainText('Waiting demands 0.', { timeout: 30_000 });
  await snap(page, '05-operations');

  // Round 1: premiums and one-offs, moving between cards with the arrows.
  await page.keyboard.press('2');
  await expect(log(page)).toContainText(/Premium\. You offered it at a premium/);
  await playRound(page, 1, ['2', 'ArrowRight', '1', '4']);

  await onScreen(page, 'planning');
  await expect(screen(page)).toContainText('Planning after round 1');
  await expect(status(page)).toContainText('Planning');
  await snap(page, '06-planning');
  // A decision key pressed as the round ended says why it did nothing.
  await page.keyboard.press('2');
  await expect(log(page)).toContainText('The round is over, so key 2 decides nothing');
  // Tab from "Commit" wraps to the first request's Build button; Enter adds it to the plan.
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await expect(status(page)).not.toContainText('Plan costs €0');
  await snap(page, '07-planning-with-build');
  await page.keyboard.press('c');
  await expect(log(page)).toContainText('Plan committed. Round 2 begins.');

  await onScreen(page, 'operations');
  await playRound(page, 2, ['3', '2', '4', 'ArrowDown', '1']);
  await onScreen(page, 'planning');
  await page.keyboard.press('c');
  await expect(log(page)).toContainText('Round 3 begins.');
  await playRound(page, 3, ['3', '2', '4']);

  await onScreen(page, 'debrief');
  await expect(status(page)).toContainText('Game over');
  for (const benchmark of ['Strategist', 'Always accommodate', 'Always no', 'Always premium', 'Random']) {
    await expect(screen(page)).toContainText(`${benchmark}: balanced score`);
  }
  await expect(screen(page)).toContainText('Lesson:');
  await expect(log(page)).toContainText(/Game over: you placed \d of 7/);
  await page.keyboard.press('3');
  await expect(log(page)).toContainText('The game is over, so key 3 decides nothing');
  await snap(page, '08-debrief');

  // Past games remember this one.
  await page.keyboard.press('Escape');
  await onScreen(page, 'title');
  await page.keyboard.press('p');
  await onScreen(page, 'past-games');
  await expect(screen(page)).toContainText('1 games');
  await snap(page, '09-past-games');
  await page.keyboard.press('Escape');
  await onScreen(page, 'title');

  // A new game from the title: the tutorial is no longer forced on a returning player.
  await page.keyboard.press('Enter');
  await onScreen(page, 'setup');
  await expect(screen(page)).toContainText('Guided first round off');
  await page.keyboard.press('s');
  await onScreen(page, 'operations');
  await expect(status(page)).toContainText('Round 1 of 3. Operations');
});

test('the debrief starts a new game with the same seed on Enter', async ({ page }) => {
  // A whole game at ×4 of the 4-second hour, every card answered and heard: on a loaded machine
  // this takes longer than the default three minutes.
  test.setTimeout(300_000);
  await startFastSoloGame(page);
  for (const round of [1, 2, 3]) {
    await playRound(page, round, ['4']);
    if (round < 3) {
      await onScreen(page, 'planning');
      await page.keyboard.press('c');
      await onScreen(page, 'operations');
    }
  }
  await onScreen(page, 'debrief');
  await expect(screen(page)).toContainText('Always no: balanced score');
  await page.keyboard.press('Enter');
  await onScreen(page, 'operations');
  await expect(status(page)).toContainText('Round 1 of 3. Operations. Hour 1 of 12');
});
