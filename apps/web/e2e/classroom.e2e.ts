import { readFileSync } from 'node:fs';
import { type Browser, expect, type Page, test } from '@playwright/test';
import { LARGE, log, onScreen, openPage, SMALL, snapBoth, status } from './support';

// A live class: one trainer and four learners, each in their own browser context, against the
// real server. Assertions read what people see: visible text, headings, buttons, and the
// role="status" / role="log" regions a screen reader would announce.

/** A learner joins from the title screen with the code typed in. */
async function joinByCode(browser: Browser, code: string, name: string, viewport = SMALL): Promise<Page> {
  const page = await openPage(browser, '/', viewport);
  await onScreen(page, 'title');
  await page.keyboard.press('j');
  await onScreen(page, 'join');
  await page.getByLabel('Join code').fill(code);
  await page.getByLabel('Your name').fill(name);
  await page.keyboard.press('Enter');
  await onScreen(page, 'waiting');
  return page;
}

/** Decides waiting demands with the given keys for a while (the board is a canvas: keys only). */
async function decideSome(page: Page, keys: string[], decisions: number): Promise<void> {
  let made = 0;
  for (let attempt = 0; made < decisions && attempt < 200; attempt++) {
    const text = (await status(page).textContent()) ?? '';
    if (/Operations/.test(text) && !/Waiting demands 0\b/.test(text)) {
      await page.keyboard.press(keys[made % keys.length] as string);
      made++;
    }
    await page.waitForTimeout(250);
  }
  expect(made).toBe(decisions);
}

test('a trainer runs a class: four learners in two teams, two rounds, an event, a reload, the debrief and the export', async ({
  browser,
}) => {
  test.setTimeout(480_000);

  // ——— The trainer hosts from the title screen ———
  const trainer = await openPage(browser);
  await onScreen(trainer, 'title');
  await trainer.keyboard.press('h');
  await onScreen(trainer, 'host');
  await expect(trainer.getByRole('heading', { name: 'Host a class' })).toBeVisible();
  await trainer.locator('#host-rounds').fill('3');
  await trainer.locator('#host-hours').fill('8');
  await trainer.locator('#host-teams').fill('2');
  await trainer.locator('#host-pace').selectOption('3');
  await trainer.getByRole('button', { name: 'Host the class' }).click();
  await onScreen(trainer, 'lobby');
  const code = ((await trainer.locator('#join-code').textContent()) ?? '').replace(/\s/g, '');
  expect(code).toMatch(/^[A-Z0-9]{6}$/);

  // ——— Four learners join: two with the code, two with the link ———
  const ada = await joinByCode(browser, code, 'Ada');
  const grace = await joinByCode(browser, code, 'Grace');
  const alan = await openPage(browser, `/?join=${code}`, LARGE);
  await onScreen(alan, 'join');
  await expect(alan.getByLabel('Join code')).toHaveValue(code);
  // An empty name and a name already taken get clear messages.
  await alan.getByRole('button', { name: 'Join the class' }).click();
  await expect(alan.getByText('Enter your name')).toBeVisible();
  await alan.getByLabel('Your name').fill('ada');
  await alan.keyboard.press('Enter');
  await expect(alan.getByText('already called')).toBeVisible();
  await alan.getByLabel('Your name').fill('Alan');
  await alan.keyboard.press('Enter');
  await onScreen(alan, 'waiting');
  const edsger = await openPage(browser, `/?join=${code}`);
  await onScreen(edsger, 'join');
  await edsger.getByLabel('Your name').fill('Edsger');
  await edsger.keyboard.press('Enter');
  await onScreen(edsger, 'waiting');

  // Balanced joining: Ada and Alan in Team 1, Grace and Edsger in Team 2.
  await expect(ada.getByRole('heading', { name: 'You are in Team 1' })).toBeVisible();
  await expect(grace.getByRole('heading', { name: 'You are in Team 2' })).toBeVisible();
  await expect(trainer.locator('#lobby-headcount')).toContainText('4 learners in 2 teams');
  await snapBoth(trainer, 'class', 'lobby');

  // The trainer swaps Alan and Grace: Ada with Grace, Alan with Edsger.
  await trainer.getByLabel('Team for Alan').selectOption({ label: 'Team 2' });
  await expect(status(trainer)).toContainText('Alan moved to Team 2.');
  await trainer.getByLabel('Team for Grace').selectOption({ label: 'Team 1' });
  await expect(status(trainer)).toContainText('Grace moved to Team 1.');
  await expect(alan.getByRole('heading', { name: 'You are in Team 2' })).toBeVisible();
  await expect(grace.getByRole('heading', { name: 'You are in Team 1' })).toBeVisible();
  await expect(log(alan)).toContainText('Your trainer moved you to Team 2.');
  await expect(ada.getByRole('list', { name: 'Your team' })).toContainText('Grace');

  // ——— Start: every learner gets the team's board ———
  await trainer.getByRole('button', { name: /Start the session/ }).click();
  await onScreen(trainer, 'console');
  for (const learner of [ada, grace, alan, edsger]) await onScreen(learner, 'operations');
  await expect(status(ada)).toContainText('Round 1 of 3. Operations');

  // Decisions from both teams; teammates see who made them.
  await Promise.all([decideSome(ada, ['2', '1', '4'], 2), decideSome(alan, ['1', '4'], 2)]);
  await Promise.all([decideSome(grace, ['4', '2'], 1), decideSome(edsger, ['2'], 1)]);
  await expect(log(ada)).toContainText(/Grace: .+ — /);
  await expect(log(edsger)).toContainText(/Alan: .+ — /);
  await expect(trainer.getByRole('log')).toContainText(/Team 1: (Ada|Grace) chose/);

  // The trainer pauses: the learners' clocks follow. What follows happens mid-round.
  await trainer.getByRole('button', { name: /^Pause/ }).click();
  await expect(status(ada)).toContainText('Paused by your trainer');
  await expect(status(trainer)).toContainText('Paused');
  await snapBoth(trainer, 'class', 'console');
  await snapBoth(ada, 'class', 'learner-board');

  // An event injected into Team 2 only: Alan and Edsger hear it, Ada and Grace do not.
  await trainer.locator('#inject-event').selectOption({ label: 'Flu season' });
  await trainer.locator('#inject-target').selectOption({ label: 'Team 2' });
  await trainer.getByRole('button', { name: 'Inject event' }).click();
  await expect(status(trainer)).toContainText('Event injected: Flu season into Team 2');
  await expect(log(alan)).toContainText('Event: Flu season');
  await expect(log(edsger)).toContainText('Event: Flu season');

  // A learner reloads mid-round and is back in the same seat, on the team's board.
  await edsger.reload();
  await onScreen(edsger, 'operations');
  await expect(log(edsger)).toContainText('You are Edsger, in Team 2.');
  await expect(status(edsger)).toContainText('Round 1 of 3. Operations');
  await expect(log(ada)).not.toContainText('Event: Flu season');
  await expect(log(grace)).not.toContainText('Event: Flu season');

  // The projector's leaderboard, ranked and anonymised.
  await trainer.keyboard.press('p');
  await onScreen(trainer, 'projector');
  await expect(trainer.getByRole('table', { name: 'Leaderboard' })).toContainText('Team 2');
  await trainer.keyboard.press('1');
  await expect(status(trainer)).toContainText('Leaderboard ranked by profit');
  await snapBoth(trainer, 'class', 'projector');
  await trainer.keyboard.press('a');
  await expect(status(trainer)).toContainText('anonymised');
  await expect(trainer.getByRole('table', { name: 'Leaderboard' })).not.toContainText('Team 2');
  await trainer.keyboard.press('Escape');
  await onScreen(trainer, 'console');

  // Resume, faster: the rest of the round at one second an hour.
  await trainer.getByRole('button', { name: /^Resume/ }).click();
  await trainer.locator('#console-speed').selectOption({ label: '1 s per hour' });
  await expect(status(ada)).toContainText('Pace 1 s per hour');

  // ——— Planning, shared by each team ———
  for (const learner of [ada, grace, alan, edsger]) await onScreen(learner, 'planning');
  await expect(trainer.locator('#console-countdown')).toContainText('Planning');
  await ada.keyboard.press('p');
  await expect(log(ada)).toContainText('You proposed:');
  await expect(log(grace)).toContainText('Ada proposes:');
  await snapBoth(grace, 'class', 'learner-planning');
  await grace.keyboard.press('c');
  await expect(log(ada)).toContainText('Plan committed by Grace');
  await alan.keyboard.press('c');
  await expect(log(edsger)).toContainText('Plan committed by Alan');
  await expect(trainer.locator('#console-plans')).toContainText('All 2 teams have committed their plan.');
  await snapBoth(trainer, 'class', 'dashboard');
  await trainer.locator('#console-speed').selectOption({ label: '3 s per hour' });
  await trainer.getByRole('button', { name: /Start next round/ }).click();

  // ——— Round 2 ———
  for (const learner of [ada, grace, alan, edsger]) await onScreen(learner, 'operations');
  await expect(status(ada)).toContainText('Round 2 of 3. Operations');
  await Promise.all([decideSome(grace, ['1', '2'], 2), decideSome(edsger, ['4', '2'], 2)]);
  await trainer.locator('#console-speed').selectOption({ label: '1 s per hour' });
  for (const learner of [ada, grace, alan, edsger]) await onScreen(learner, 'planning');
  await expect(status(trainer)).toContainText('Planning after round 2 of 3');

  // ——— The trainer ends the class ———
  await trainer.getByRole('button', { name: /End session/ }).click();
  await trainer.getByRole('button', { name: 'Yes, end the session' }).click();
  await onScreen(trainer, 'class-debrief');
  await expect(trainer.getByRole('heading', { name: 'Class debrief' })).toBeVisible();
  await expect(status(trainer)).toContainText('Strategist benchmark', { timeout: 30_000 });
  const standings = trainer.getByRole('table').first();
  for (const name of ['Team 1', 'Team 2', 'Strategist', 'Always accommodate', 'Always no']) await expect(standings).toContainText(name);
  await expect(trainer.getByRole('heading', { name: 'Discussion prompts' })).toBeVisible();
  await expect(trainer.getByRole('heading', { name: 'Profit over time' })).toBeVisible();
  await snapBoth(trainer, 'class', 'debrief');

  // Every learner reaches the debrief, their own team first.
  for (const learner of [ada, grace, alan, edsger]) await onScreen(learner, 'class-debrief');
  await expect(ada.getByRole('heading', { name: /Your team: Team 1/ })).toBeVisible({ timeout: 30_000 });
  await expect(alan.getByRole('heading', { name: /Your team: Team 2/ })).toBeVisible({ timeout: 30_000 });
  await snapBoth(alan, 'class', 'learner-debrief');

  // The CSV export: a header and one row per team and round played.
  const download = trainer.waitForEvent('download');
  await trainer.getByRole('link', { name: 'Export CSV' }).click();
  const file = await (await download).path();
  const lines = readFileSync(file, 'utf8').trim().split('\n');
  expect(lines[0]).toMatch(/^team,teamName,round,/);
  expect(
    lines
      .slice(1)
      .map((line) => line.split(',').slice(1, 3).join(' '))
      .sort(),
  ).toEqual(['Team 1 1', 'Team 1 2', 'Team 2 1', 'Team 2 2']);

  // From the debrief, the trainer opens the class's replay: it matches what was played.
  await trainer.getByRole('button', { name: 'Open the replay' }).click();
  await onScreen(trainer, 'replay');
  await expect(trainer.locator('#replay-check')).toContainText('Verified against the live session', { timeout: 30_000 });
});
