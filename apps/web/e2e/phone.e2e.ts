import { expect, test } from '@playwright/test';
import { expectNoSeriousAxeViolations, hostClass, openLaptop, openPhone, reaches, snapPhone, statusLine } from './class-checks';

// A learner on a phone, by touch alone: joins with the code typed as the projector shows it
// ("443 cn7", with its space, in lower case), waits, decides cards by tapping them and an
// answer, proposes and commits the team's plan, and reads the debrief. Every screen is checked
// for text under 14 px, controls under 44 px, sideways scrolling and axe-core's serious
// violations, and saved upright (390×844) and sideways (844×390).

test('a learner plays a class on a phone, by touch', async ({ browser }) => {
  test.setTimeout(300_000);

  // ——— The trainer hosts a short class on a laptop: one team, two rounds of six hours ———
  const trainer = await openLaptop(browser);
  const shown = await hostClass(trainer, { rounds: 2, hours: 6, teams: 1, secondsPerHour: 2 });

  // ——— Joining: the code as the projector shows it, in lower case; a wrong character is named ———
  const phone = await openPhone(browser);
  // The canvas title is too small for a thumb: a phone's first visit opens the join form.
  await reaches(phone, 'join');
  await snapPhone(phone, 'join');
  await expectNoSeriousAxeViolations(phone, 'the join screen on a phone');
  await phone.getByLabel('Join code').tap();
  await phone.getByLabel('Join code').fill(`${shown.slice(0, 6)}o`);
  await phone.getByLabel('Your name').fill('Ada');
  await phone.getByRole('button', { name: 'Join the class' }).tap();
  await expect(phone.locator('#join-code-error')).toContainText('“O”, the 6th character, is never in a join code');
  await phone.getByLabel('Join code').fill(shown.toLowerCase());
  await phone.getByRole('button', { name: 'Join the class' }).tap();
  await reaches(phone, 'waiting');
  await expect(phone.getByRole('heading', { name: 'You are in Team 1' })).toBeVisible();
  await snapPhone(phone, 'waiting');
  await expectNoSeriousAxeViolations(phone, 'the waiting room on a phone');

  // ——— Operations: tap a card, tap an answer ———
  await trainer.getByRole('button', { name: /Start the session/ }).click();
  await reaches(trainer, 'console');
  await reaches(phone, 'operations');
  await expect(phone.getByRole('heading', { name: 'Team 1' })).toBeVisible();
  await expect(phone.getByText('you are Ada', { exact: true })).toBeVisible();
  const cards = phone.getByRole('list', { name: /Waiting demands/ }).getByRole('button');
  // Two demands waiting: one to answer now, one to try while the class is paused.
  await expect.poll(() => cards.count(), { timeout: 30_000 }).toBeGreaterThanOrEqual(2);
  // Hold the clock still so the cards stay while they are looked at and answered.
  await trainer.locator('#console-speed').selectOption({ label: '20 s per hour' });
  await cards.first().tap();
  await expect(cards.first()).toHaveAttribute('aria-pressed', 'true');
  const bar = phone.getByRole('region', { name: 'The selected demand and your answer' });
  // The previews arrive: each answer says what it would probably do.
  await expect(bar.getByRole('button', { name: /Gentle no/ })).toContainText('loyalty');
  await snapPhone(phone, 'board');
  await expectNoSeriousAxeViolations(phone, 'the board on a phone');
  const customer = (await bar.locator('.phone-selected strong').first().textContent()) ?? '';
  await bar.getByRole('button', { name: /Gentle no/ }).tap();
  await expect(bar.locator('.phone-outcome')).toContainText('You said a gentle no');
  await expect(phone.getByRole('log')).toContainText(`${customer}, `);
  await phone.getByText('Team decisions').tap();
  await expect(phone.locator('.phone-feed')).toContainText(`You: ${customer}`);
  await snapPhone(phone, 'board-feedback');
  // A reload on the phone: the same seat, the board, and the team's feed rebuilt by the server.
  await phone.reload();
  await reaches(phone, 'operations');
  await phone.getByText('Team decisions').tap();
  await expect(phone.locator('.phone-feed')).toContainText(`You: ${customer}`);

  // Paused by the trainer: the phone says so, and an answer is refused with the reason.
  await trainer.getByRole('button', { name: /^Pause/ }).click();
  await expect(phone.locator('.phone-paused')).toContainText('Paused by your trainer');
  await cards.first().tap();
  await bar.getByRole('button', { name: /Accommodate/ }).tap();
  await expect(bar.locator('.phone-outcome')).toContainText('Your trainer has paused the class: decide again when it resumes.');
  // An event for the team: a banner under the figures, until the learner closes it.
  await trainer.locator('#inject-event').selectOption({ label: 'Flu season' });
  await trainer.getByRole('button', { name: 'Inject event' }).click();
  const event = phone.getByRole('alert').filter({ hasText: 'Flu season' });
  await expect(event).toBeVisible();
  await snapPhone(phone, 'board-paused');
  await event.getByRole('button', { name: 'OK' }).tap();
  await expect(event).toBeHidden();
  await trainer.getByRole('button', { name: /^Resume/ }).click();
  await trainer.locator('#console-speed').selectOption({ label: '0.5 s per hour' });

  // ——— Planning: build an option, raise a price, propose, commit ———
  await reaches(phone, 'planning');
  await expect(phone.getByText('Planning after round 1 of 2')).toBeVisible();
  const firstRow = phone.locator('.phone-plan-row').first();
  await firstRow.getByRole('button', { name: /^Build an option/ }).tap();
  await expect(firstRow.getByRole('button', { name: 'Cancel the build' })).toBeVisible();
  const price = firstRow.locator('.stepper-value').first();
  const before = await price.textContent();
  await firstRow.getByRole('button', { name: /^Raise: Premium price/ }).tap();
  await expect(price).not.toHaveText(before ?? '');
  await snapPhone(phone, 'planning');
  await expectNoSeriousAxeViolations(phone, 'planning on a phone');
  await phone.getByRole('button', { name: 'Propose to team' }).tap();
  await expect(phone.getByText('Proposed to your team')).toBeVisible();
  await phone.getByRole('button', { name: 'Commit team plan' }).tap();
  await expect(phone.locator('.phone-bar .phone-committed')).toContainText('Plan committed by you');
  await snapPhone(phone, 'planning-committed');
  await expect(trainer.locator('#console-plans')).toContainText('All 1 teams have committed their plan.');

  // ——— Round 2, then the trainer ends the class: the debrief on the phone ———
  await trainer.locator('#console-speed').selectOption({ label: '20 s per hour' });
  await trainer.getByRole('button', { name: /Start next round/ }).click();
  await reaches(phone, 'operations');
  await expect(phone.locator('#phone-clock')).toContainText('Round 2 of 2');
  await trainer.getByRole('button', { name: /End session/ }).click();
  await trainer.getByRole('button', { name: 'Yes, end the session' }).click();
  await reaches(phone, 'class-debrief');
  await expect(phone.getByRole('heading', { name: /Your team: Team 1/ })).toBeVisible({ timeout: 30_000 });
  await expect(statusLine(phone)).toContainText('Class debrief');
  await snapPhone(phone, 'debrief');
  await expectNoSeriousAxeViolations(phone, 'the debrief on a phone');
  // Further down: the standings beside the benchmarks, and a chart that scrolls sideways in its panel.
  await phone.getByRole('heading', { name: 'Final standings' }).scrollIntoViewIfNeeded();
  await expect(phone.getByRole('table').first()).toContainText('Strategist');
  await snapPhone(phone, 'debrief-standings', false);
  await phone.getByRole('heading', { name: 'Profit over time' }).scrollIntoViewIfNeeded();
  await snapPhone(phone, 'debrief-chart', false);
});
