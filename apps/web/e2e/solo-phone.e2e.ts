import { expect, type Locator, type Page, test } from '@playwright/test';
import { expectNoSeriousAxeViolations, expectPhoneFriendly, openPhone, PHONE, reaches, settled, snapPhone } from './class-checks';
import { SCREENS } from './support';

// Solo practice on a phone, by touch: the set-up, the class's phone board and planning screens
// playing a game in the browser (its clock paused, sped up and stopped when the page is hidden),
// every kind of answer, an option built between rounds and offered once live, and the summary
// at the end beside the benchmark bots. Each screen is checked for axe-core's serious violations
// and for text, controls and width a phone can use, and saved upright, sideways and small.

const SEED = '7';

/** Besides snapPhone's sizes: a common small phone upright, 360×740, saved and checked as well. */
async function snapSmallPhone(phone: Page, name: string): Promise<void> {
  await phone.setViewportSize({ width: 360, height: 740 });
  await settled(phone);
  await phone.screenshot({ path: `${SCREENS}/phone-${name}-360x740.png` });
  await expectPhoneFriendly(phone, `${name} at 360×740`);
  await phone.setViewportSize(PHONE);
  await settled(phone);
}

const board = (phone: Page) => ({
  cards: phone.getByRole('list', { name: /Waiting demands/ }).getByRole('button'),
  bar: phone.getByRole('region', { name: 'The selected demand and your answer' }),
  clock: phone.locator('#phone-clock'),
  pause: phone.getByRole('group', { name: 'Clock' }).getByRole('button', { name: /Pause|Resume/ }),
  speed: phone.getByRole('group', { name: 'Clock' }).getByRole('button', { name: /^Speed/ }),
});

/** Sets the clock running or paused, by tapping its button, and waits until the clock line says so. */
async function setPaused(phone: Page, paused: boolean): Promise<void> {
  const { pause, clock } = board(phone);
  if ((await pause.textContent())?.includes(paused ? 'Pause' : 'Resume')) await pause.tap();
  await expect(pause).toHaveText(paused ? '▶ Resume' : '❚❚ Pause');
  await expect(clock).toHaveText(paused ? /· paused$/ : /· ×\d$/);
}

/** Runs the clock until at least one customer waits, then pauses it. */
async function customerWaiting(phone: Page): Promise<void> {
  const { cards } = board(phone);
  if ((await cards.count()) === 0) {
    await setPaused(phone, false);
    await expect.poll(() => cards.count(), { timeout: 60_000 }).toBeGreaterThan(0);
  }
  await setPaused(phone, true);
}

/** Taps the first waiting card and the answer named, and waits for the log to say it was made. */
async function answer(phone: Page, card: Locator, label: string): Promise<void> {
  const { bar } = board(phone);
  await card.tap();
  await expect(card).toHaveAttribute('aria-pressed', 'true');
  const customer = (await bar.locator('.phone-selected strong').first().textContent()) ?? '';
  expect(customer).not.toBe('');
  await bar.getByRole('button', { name: new RegExp(`^${label}`) }).tap();
  await expect(phone.getByRole('log')).toContainText(new RegExp(`${customer}, [^:]+: ${label}\\.`));
  await expect(bar.locator('.phone-outcome')).toBeVisible();
}

/** In a round with an option live: pauses on each new customer until one can be offered the option, and offers it. */
async function offerAnOption(phone: Page): Promise<void> {
  const { cards, bar } = board(phone);
  const option = bar.getByRole('button', { name: /^Offer option/ });
  for (;;) {
    await customerWaiting(phone);
    for (let index = 0; index < (await cards.count()); index++) {
      await cards.nth(index).tap();
      if (await option.isEnabled()) {
        await answer(phone, cards.nth(index), 'Offer option');
        return;
      }
    }
    // None of these can use an option: let the next customers arrive.
    const waiting = await cards.count();
    await setPaused(phone, false);
    await expect.poll(() => cards.count(), { timeout: 60_000 }).not.toBe(waiting);
    expect(await phone.locator('body').getAttribute('data-screen'), 'the game ended before a customer could be offered an option').toBe(
      'operations',
    );
  }
}

test('a whole short solo game on a phone, by touch', async ({ browser }) => {
  test.setTimeout(300_000);
  const phone = await openPhone(browser);
  // A phone's first visit opens the join form, which offers solo practice too (the canvas title
  // is a few pixels high on a phone).
  await reaches(phone, 'join');
  await phone.getByRole('region', { name: 'Solo practice' }).getByRole('button', { name: 'Solo practice' }).tap();
  await reaches(phone, 'solo-setup');
  await phone.getByRole('button', { name: 'Back to title' }).tap();
  await reaches(phone, 'title');
  // The canvas title's "Solo practice" button, tapped where it is drawn (y 226–284 of 900).
  // The canvas refits once it shows again after the join form.
  await expect.poll(async () => (await phone.locator('canvas').boundingBox())?.width ?? 0).toBeGreaterThan(300);
  const canvas = await phone.locator('canvas').boundingBox();
  if (!canvas) throw new Error('the title canvas is not shown');
  await phone.touchscreen.tap(canvas.x + canvas.width / 2, canvas.y + (canvas.height * 255) / 900);

  // ——— Set-up: business, a short game, a seed ———
  await reaches(phone, 'solo-setup');
  await expect(phone.getByRole('heading', { name: 'Solo practice' })).toBeVisible();
  const business = phone.getByLabel('Business');
  const scenarioName = (await business.locator('option:checked').textContent()) ?? '';
  await expect(phone.getByLabel('Length').locator('option')).toHaveText(['Short: 3 rounds of 12 hours', /^Full: \d+ rounds of \d+ hours$/]);
  await phone.getByLabel('Length').selectOption('short');
  await phone.getByLabel('Seed').fill('12x');
  await phone.getByRole('button', { name: 'Start game' }).tap();
  await expect(phone.locator('#solo-seed-error')).toContainText('whole number');
  await phone.getByLabel('Seed').fill(SEED);
  await snapPhone(phone, 'solo-setup');
  await snapSmallPhone(phone, 'solo-setup');
  await expectNoSeriousAxeViolations(phone, 'the solo set-up on a phone');
  await phone.getByRole('button', { name: 'Start game' }).tap();

  // ——— Round 1: the clock, pausing, and each answer available before any option is built ———
  await reaches(phone, 'operations');
  const { cards, clock, speed, pause } = board(phone);
  await expect(phone.getByRole('heading', { name: scenarioName })).toBeVisible();
  await expect(phone.getByText(`solo · seed ${SEED}`)).toBeVisible();
  await expect(clock).toContainText('Round 1 of 3');
  await expect(clock).toHaveText(/· ×1$/);
  // No team in solo play: no team's feed.
  await expect(phone.getByText('Team decisions')).toHaveCount(0);
  await speed.tap();
  await speed.tap();
  await expect(speed).toHaveText('Speed ×4');
  await expect(clock).toHaveText(/· ×4$/);
  await customerWaiting(phone);
  // Paused at ×4 (a second an hour): the hour must not move while the screen is checked and answered.
  const pausedAt = await clock.textContent();
  await cards.first().tap();
  await expect(board(phone).bar.getByRole('button', { name: /^Gentle no/ })).toContainText('loyalty');
  await snapPhone(phone, 'solo-board');
  await snapSmallPhone(phone, 'solo-board');
  await expectNoSeriousAxeViolations(phone, 'the solo board on a phone');
  // The screenshots at three sizes and axe took far more than one second: paused, the hour stood still.
  expect((await clock.textContent())?.match(/Hour \d+/)?.[0]).toBe(pausedAt?.match(/Hour \d+/)?.[0]);
  // A price and the hours are offered before the option is built: the option's answer waits.
  await expect(board(phone).bar.getByRole('button', { name: /^Offer option/ })).toBeDisabled();
  // The keyboard too: P resumes and pauses (the clock group's button says what it does now).
  await phone.keyboard.press('p');
  await expect(pause).toHaveText('❚❚ Pause');
  await phone.keyboard.press('p');
  await expect(pause).toHaveText('▶ Resume');
  // The page hidden (another app, the screen off): the running game pauses itself.
  await setPaused(phone, false);
  await phone.evaluate(() => {
    Object.defineProperty(document, 'hidden', { configurable: true, get: () => true });
    document.dispatchEvent(new Event('visibilitychange'));
  });
  await expect(pause).toHaveText('▶ Resume');
  await expect(phone.getByRole('log')).toContainText('Paused while the page was hidden');
  await phone.evaluate(() => {
    Object.defineProperty(document, 'hidden', { configurable: true, get: () => false });
    document.dispatchEvent(new Event('visibilitychange'));
  });
  for (const label of ['Accommodate', 'Premium', 'Gentle no']) {
    await customerWaiting(phone);
    await answer(phone, cards.first(), label);
  }
  await expect(clock).toContainText('Round 1 of 3');
  await snapPhone(phone, 'solo-board-feedback');
  await setPaused(phone, false);

  // ——— Planning: build the option for each of the two most frequent requests, then commit ———
  await reaches(phone, 'planning');
  await expect(phone.getByText('Planning after round 1 of 3', { exact: true })).toBeVisible();
  await expect(phone.getByRole('button', { name: 'Propose to team' })).toHaveCount(0);
  const rows = phone.locator('.phone-plan-row');
  for (const index of [0, 1]) {
    await rows
      .nth(index)
      .getByRole('button', { name: /^Build an option/ })
      .tap();
    await expect(rows.nth(index).getByRole('button', { name: 'Cancel the build' })).toBeVisible();
  }
  await expect(phone.locator('.phone-plan-cost summary')).toContainText('cash after');
  await snapPhone(phone, 'solo-planning');
  await snapSmallPhone(phone, 'solo-planning');
  await expectNoSeriousAxeViolations(phone, 'solo planning on a phone');
  await phone.getByRole('button', { name: 'Commit and start round 2' }).tap();

  // ——— Round 2 (and 3 if need be): an option is offered once it is live ———
  await reaches(phone, 'operations');
  await expect(clock).toContainText('Round 2 of 3');
  await expect(speed).toHaveText('Speed ×4');
  await offerAnOption(phone);
  await setPaused(phone, false);
  // Between rounds 2 and 3 (when the option took round 2 to be offered): commit as it stands.
  await expect(async () => {
    const screen = await phone.locator('body').getAttribute('data-screen');
    if (screen === 'planning') await phone.getByRole('button', { name: /^Commit and start round/ }).tap();
    expect(await phone.locator('body').getAttribute('data-screen')).toBe('solo-end');
  }).toPass({ timeout: 120_000 });

  // ——— The end: your figures, the benchmarks on your seed, and the ways on ———
  await expect(phone.getByRole('heading', { name: 'Game over' })).toBeVisible();
  await expect(phone.getByText(`${scenarioName} · seed ${SEED}`)).toBeVisible();
  const figures = phone.locator('.phone-end-figures');
  for (const label of ['Profit', 'Staff exhaustion', 'Customer loyalty', 'Balanced score']) await expect(figures).toContainText(label);
  const standings = phone.locator('.phone-end-rows li');
  await expect(standings).toHaveCount(7);
  await expect(phone.locator('.phone-end-rows')).toContainText('Strategist');
  await expect(phone.locator('.phone-end-rows li.you')).toContainText('You');
  await expect(phone.locator('#status')).toContainText('Game over');
  await snapPhone(phone, 'solo-end');
  await snapSmallPhone(phone, 'solo-end');
  await expectNoSeriousAxeViolations(phone, 'the solo summary on a phone');
  await phone.getByRole('button', { name: 'Play again (same seed)' }).scrollIntoViewIfNeeded();
  await snapPhone(phone, 'solo-end-actions', false);
  await phone.getByRole('button', { name: 'Play again (same seed)' }).tap();
  await reaches(phone, 'operations');
  await expect(clock).toContainText('Round 1 of 3');
  await expect(phone.getByText(`solo · seed ${SEED}`)).toBeVisible();
  // Leaving mid-game keeps it: paused, back to the title, and the title offers to resume it.
  await setPaused(phone, true);
  const keptAt = (await clock.textContent())?.match(/Hour \d+/)?.[0] ?? '';
  await phone.getByRole('button', { name: 'Back to title' }).tap();
  await reaches(phone, 'title');
  expect(await phone.evaluate(() => localStorage.getItem('ttc.soloGame.v1') !== null)).toBe(true);
  // "Resume your game" is now the title's first entry, where "Solo practice" was: the kept game, paused.
  await expect.poll(async () => (await phone.locator('canvas').boundingBox())?.width ?? 0).toBeGreaterThan(300);
  const title = await phone.locator('canvas').boundingBox();
  if (!title) throw new Error('the title canvas is not shown');
  await phone.touchscreen.tap(title.x + title.width / 2, title.y + (title.height * 255) / 900);
  await reaches(phone, 'operations');
  await expect(pause).toHaveText('▶ Resume');
  await expect(clock).toContainText(`Round 1 of 3 · ${keptAt}`);
  await expect(phone.getByText(`solo · seed ${SEED}`)).toBeVisible();
});
