import { readFileSync } from 'node:fs';
import { type Browser, expect, type Page, test, type WebSocketRoute } from '@playwright/test';
import { decisionLog, expectNoSeriousAxeViolations, reaches, snapLaptop, statusLine } from './class-checks';
import { LARGE, openPage, SMALL } from './support';

// A live class: one trainer and four learners, each in their own browser context, against the
// real server. Assertions read what people see: visible text, headings, buttons, and the
// status and log regions a screen reader would announce. Every HTML screen passes axe-core.

const LONG_NAME = 'EdsgerWybeDijkstraVandermonde';

/** A learner joins from the title screen with the code typed as the projector shows it: "k7p xq3". */
async function joinByCode(browser: Browser, shownCode: string, name: string, viewport = SMALL): Promise<Page> {
  const page = await openPage(browser, '/', viewport);
  await reaches(page, 'title');
  await page.keyboard.press('j');
  await reaches(page, 'join');
  await page.getByLabel('Join code').fill(shownCode.toLowerCase());
  await page.getByLabel('Your name').fill(name);
  await page.keyboard.press('Enter');
  await reaches(page, 'waiting');
  return page;
}

/** The number of demands the board says are waiting (its status line: "Waiting demands 4"). */
async function waiting(page: Page): Promise<number> {
  return Number(/Waiting demands (\d+)/.exec((await statusLine(page).textContent()) ?? '')?.[1] ?? 0);
}

/**
 * Decides waiting demands with the given keys (the board is a canvas: keys only). Each press
 * waits for a card to be there, and for the answer (or its refusal) to reach the log.
 */
async function decideSome(page: Page, keys: string[], decisions: number): Promise<void> {
  for (let made = 0; made < decisions; made++) {
    await expect.poll(() => waiting(page), { timeout: 60_000 }).toBeGreaterThan(0);
    const before = await decisionLog(page).locator('li').count();
    await page.keyboard.press(keys[made % keys.length] as string);
    await expect.poll(() => decisionLog(page).locator('li').count()).toBeGreaterThan(before);
  }
}

test('a trainer runs a class: four learners in two teams, a pause, an event, a reload, an early end, the debrief, the export and the replay', async ({
  browser,
}) => {
  test.setTimeout(480_000);

  // ——— The trainer hosts from the title screen: the fields filled, then Enter ———
  // The trainer's connection to the server runs through a switch, to cut it for a while later on.
  const trainerContext = await browser.newContext({ viewport: SMALL, acceptDownloads: true });
  const trainer = await trainerContext.newPage();
  const line: { cut: boolean; open: WebSocketRoute[] } = { cut: false, open: [] };
  await trainer.routeWebSocket(/\/socket\.io\//, (socket) => {
    if (line.cut) {
      void socket.close();
      return;
    }
    socket.connectToServer();
    line.open.push(socket);
  });
  await trainer.goto('/');
  await reaches(trainer, 'title');
  await trainer.keyboard.press('h');
  await reaches(trainer, 'host');
  await expect(trainer.getByRole('heading', { name: 'Host a class' })).toBeVisible();
  await expect(trainer.locator('#host-scenario option')).not.toHaveCount(0);
  await expectNoSeriousAxeViolations(trainer, 'the host form');
  await snapLaptop(trainer, 'class', 'host');
  await trainer.locator('#host-rounds').fill('3');
  // 16 hours at 3 s: round 1 must outlast the decisions below and the pause that follows them (at 8
  // hours, 24 s, a loaded machine once reached the round's end first, and no card waited for the pause).
  await trainer.locator('#host-hours').fill('16');
  await trainer.locator('#host-teams').fill('2');
  await trainer.locator('#host-pace').selectOption('3');
  // Enter hosts wherever the focus is, as the button says (a click elsewhere took it off the form).
  await trainer.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await trainer.keyboard.press('Enter');
  await reaches(trainer, 'lobby');
  const shown = (await trainer.locator('#join-code').textContent()) ?? '';
  expect(shown).toMatch(/^[A-Z0-9]{3} [A-Z0-9]{3}$/);
  const code = shown.replace(' ', '');
  // This test server listens on 127.0.0.1 only: the lobby says learners cannot open its localhost link, and what to do.
  await expect(trainer.locator('#lobby-lan')).toContainText('Learners’ devices cannot open this link');
  await expect(trainer.locator('#lobby-lan')).toContainText('PUBLIC_URL=');

  // ——— Four learners join: two with the code typed as shown, two with the link ———
  const ada = await joinByCode(browser, shown, 'Ada');
  await expectNoSeriousAxeViolations(ada, 'the waiting room');
  await snapLaptop(ada, 'class', 'waiting');
  const grace = await joinByCode(browser, shown, 'Grace');
  const alan = await openPage(browser, `/?join=${code}`, LARGE);
  await reaches(alan, 'join');
  await expect(alan.getByLabel('Join code')).toHaveValue(shown);
  await expectNoSeriousAxeViolations(alan, 'the join screen');
  // An empty name and a name already taken get clear messages.
  await alan.getByRole('button', { name: 'Join the class' }).click();
  await expect(alan.getByText('Enter your name')).toBeVisible();
  await alan.getByLabel('Your name').fill('ada');
  await alan.keyboard.press('Enter');
  await expect(alan.getByText('already called')).toBeVisible();
  await alan.setViewportSize(SMALL);
  await snapLaptop(alan, 'class', 'join');
  await alan.setViewportSize(LARGE);
  await alan.getByLabel('Your name').fill('Alan');
  await alan.keyboard.press('Enter');
  await reaches(alan, 'waiting');
  const edsger = await openPage(browser, `/?join=${code}`);
  await reaches(edsger, 'join');
  // The longest name a learner may choose, in one word: it must not push the standings' Score away.
  await edsger.getByLabel('Your name').fill(LONG_NAME);
  await edsger.keyboard.press('Enter');
  await reaches(edsger, 'waiting');

  // Balanced joining: Ada and Alan in Team 1, Grace and Edsger in Team 2.
  await expect(ada.getByRole('heading', { name: 'You are in Team 1' })).toBeVisible();
  await expect(grace.getByRole('heading', { name: 'You are in Team 2' })).toBeVisible();
  await expect(trainer.locator('#lobby-headcount')).toContainText('4 learners in 2 teams');
  await expectNoSeriousAxeViolations(trainer, 'the lobby');
  await snapLaptop(trainer, 'class', 'lobby');

  // The trainer swaps Alan and Grace: Ada with Grace, Alan with Edsger.
  await trainer.getByLabel('Team for Alan').selectOption({ label: 'Team 2' });
  await expect(statusLine(trainer)).toContainText('Alan moved to Team 2.');
  await trainer.getByLabel('Team for Grace').selectOption({ label: 'Team 1' });
  await expect(statusLine(trainer)).toContainText('Grace moved to Team 1.');
  await expect(alan.getByRole('heading', { name: 'You are in Team 2' })).toBeVisible();
  await expect(grace.getByRole('heading', { name: 'You are in Team 1' })).toBeVisible();
  await expect(decisionLog(alan)).toContainText('Your trainer moved you to Team 2.');
  await expect(ada.getByRole('list', { name: 'Your team' })).toContainText('Grace');

  // ——— Start: every learner gets the team's board ———
  await trainer.getByRole('button', { name: /Start the session/ }).click();
  await reaches(trainer, 'console');
  for (const learner of [ada, grace, alan, edsger]) await reaches(learner, 'operations');
  await expect(statusLine(ada)).toContainText('Round 1 of 3. Operations');

  // Decisions from both teams; teammates see who made them.
  await Promise.all([decideSome(ada, ['2', '1', '4'], 2), decideSome(alan, ['1', '4'], 2)]);
  await Promise.all([decideSome(grace, ['4', '2'], 1), decideSome(edsger, ['2'], 1)]);
  await expect(decisionLog(ada)).toContainText(/Grace: .+ — /);
  await expect(decisionLog(edsger)).toContainText(/Alan: .+ — /);
  await expect(trainer.getByRole('log')).toContainText(/Team 1: (Ada|Grace) chose/);

  // The trainer pauses: the learners' clocks follow, and a decision now is refused with the reason.
  await expect.poll(() => waiting(ada), { timeout: 60_000 }).toBeGreaterThan(0);
  await trainer.getByRole('button', { name: /^Pause/ }).click();
  await expect(statusLine(ada)).toContainText('Paused by your trainer');
  await expect(statusLine(trainer)).toContainText('Paused');
  await ada.keyboard.press('4');
  await expect(decisionLog(ada)).toContainText('Your trainer has paused the class: decide again when it resumes.');
  await expectNoSeriousAxeViolations(trainer, 'the console');
  await snapLaptop(trainer, 'class', 'console');

  // The trainer's network drops: the banner takes a strip of its own above the console, covering
  // neither the countdown nor End session; the console comes back by itself.
  line.cut = true;
  for (const socket of line.open.splice(0)) await socket.close();
  const banner = trainer.locator('#connection-banner');
  await expect(banner).toContainText('Connection lost — reconnecting…');
  const bannerBottom = await banner.evaluate((element) => element.getBoundingClientRect().bottom);
  for (const [what, covered] of [
    ['the countdown', trainer.locator('#console-countdown')],
    ['End session', trainer.getByRole('button', { name: 'End session…' })],
    ['the clock', trainer.locator('#console-clock')],
  ] as const)
    expect(await covered.evaluate((element) => element.getBoundingClientRect().top), `${what} below the banner`).toBeGreaterThanOrEqual(
      bannerBottom,
    );
  await snapLaptop(trainer, 'class', 'console-reconnecting');
  line.cut = false;
  await expect(banner).toBeHidden({ timeout: 30_000 });
  await expect(statusLine(trainer)).toContainText('Paused');
  await snapLaptop(ada, 'class', 'learner-board');

  // An event injected into Team 2 only: Alan and Edsger hear it, Ada and Grace do not.
  await trainer.locator('#inject-event').selectOption({ label: 'Flu season' });
  await trainer.locator('#inject-target').selectOption({ label: 'Team 2' });
  await trainer.getByRole('button', { name: 'Inject event' }).click();
  await expect(statusLine(trainer)).toContainText('Event injected: Flu season into Team 2');
  await expect(decisionLog(alan)).toContainText('Event: Flu season');
  await expect(decisionLog(edsger)).toContainText('Event: Flu season');

  // A learner reloads mid-round: the same seat, the team's board, and the team's latest decisions.
  await edsger.reload();
  await reaches(edsger, 'operations');
  await expect(decisionLog(edsger)).toContainText(`You are ${LONG_NAME}, in Team 2.`);
  await expect(decisionLog(edsger)).toContainText(/Your team’s latest decisions: .*Alan: .+ — /);
  await expect(statusLine(edsger)).toContainText('Round 1 of 3. Operations');
  await expect(decisionLog(ada)).not.toContainText('Event: Flu season');
  await expect(decisionLog(grace)).not.toContainText('Event: Flu season');

  // The projector's leaderboard, ranked and anonymised.
  await trainer.keyboard.press('p');
  await reaches(trainer, 'projector');
  await expect(trainer.getByRole('table', { name: 'Leaderboard' })).toContainText('Team 2');
  await trainer.keyboard.press('1');
  await expect(statusLine(trainer)).toContainText('Leaderboard ranked by profit');
  await expectNoSeriousAxeViolations(trainer, 'the projector view');
  await snapLaptop(trainer, 'class', 'projector');
  await trainer.keyboard.press('a');
  await expect(statusLine(trainer)).toContainText('anonymised');
  await expect(trainer.getByRole('table', { name: 'Leaderboard' })).not.toContainText('Team 2');
  await trainer.keyboard.press('Escape');
  await reaches(trainer, 'console');

  // Resume, faster: the rest of the round at one second an hour.
  await trainer.getByRole('button', { name: /^Resume/ }).click();
  await trainer.locator('#console-speed').selectOption({ label: '1 s per hour' });
  await expect(statusLine(ada)).toContainText('Pace 1 s per hour');

  // ——— Planning, shared by each team ———
  for (const learner of [ada, grace, alan, edsger]) await reaches(learner, 'planning');
  await expect(trainer.locator('#console-countdown')).toContainText('Planning');
  await ada.keyboard.press('p');
  await expect(decisionLog(ada)).toContainText('You proposed:');
  await expect(decisionLog(grace)).toContainText('Ada proposes:');
  await snapLaptop(grace, 'class', 'learner-planning');
  await grace.keyboard.press('c');
  await expect(decisionLog(ada)).toContainText('Plan committed by Grace');
  // Team 2 is still planning: the console names it and asks before starting without it.
  await expect(trainer.locator('#console-plans')).toContainText('1 of 2 teams have committed their plan.');
  await trainer.getByRole('button', { name: /Start next round/ }).click();
  const question = trainer.getByRole('group', { name: 'Start the next round?' });
  await expect(question).toContainText('Team 2 has not committed a plan');
  await expect(question.getByRole('button', { name: 'Yes, start round 2' })).toBeFocused();
  await snapLaptop(trainer, 'class', 'next-round-question');
  await question.getByRole('button', { name: /Wait/ }).click();
  await expect(question).toHaveCount(0);
  await expect(trainer.locator('#console-countdown')).toContainText('Planning');
  await alan.keyboard.press('c');
  await expect(decisionLog(edsger)).toContainText('Plan committed by Alan');
  await expect(trainer.locator('#console-plans')).toContainText('All 2 teams have committed their plan.');
  await snapLaptop(trainer, 'class', 'dashboard');
  await trainer.locator('#console-speed').selectOption({ label: '3 s per hour' });
  // Every team is ready: the round starts at once.
  await trainer.getByRole('button', { name: /Start next round/ }).click();

  // ——— Round 2: an event for every team, a few decisions, then the trainer ends it early ———
  for (const learner of [ada, grace, alan, edsger]) await reaches(learner, 'operations');
  await expect(statusLine(ada)).toContainText('Round 2 of 3. Operations');
  await trainer.locator('#inject-event').selectOption({ label: 'Price war' });
  await trainer.locator('#inject-target').selectOption({ label: 'All teams' });
  await trainer.getByRole('button', { name: 'Inject event' }).click();
  await expect(statusLine(trainer)).toContainText('Event injected: Price war into all teams');
  await Promise.all([decideSome(grace, ['1', '2'], 2), decideSome(edsger, ['4', '2'], 2)]);
  await expect(trainer.locator('#console-clock')).toContainText(/Round 2 of 3 · Hour ([3-9]|1[0-6]) of 16/, { timeout: 60_000 });
  await trainer.getByRole('button', { name: /End session/ }).click();
  await trainer.getByRole('button', { name: 'Yes, end the session' }).click();
  await reaches(trainer, 'class-debrief');
  await expect(trainer.getByRole('heading', { name: 'Class debrief' })).toBeVisible();
  await expect(statusLine(trainer)).toContainText('Strategist benchmark', { timeout: 30_000 });
  await expect(trainer.getByText('ended early by the trainer')).toBeVisible();
  const standings = trainer.getByRole('table').first();
  for (const name of ['Team 1', 'Team 2', 'Strategist', 'Always accommodate', 'Always no', LONG_NAME])
    await expect(standings).toContainText(name);
  // The Score column stays inside the standings, beside the long name.
  const panelRight = await trainer.locator('section.standings').evaluate((element) => element.getBoundingClientRect().right);
  for (const cell of await standings.locator('td.score').all())
    expect(await cell.evaluate((element) => element.getBoundingClientRect().right)).toBeLessThanOrEqual(panelRight);
  await expect(trainer.getByRole('heading', { name: 'Discussion prompts' })).toBeVisible();
  await expect(trainer.getByRole('heading', { name: 'Profit over time' })).toBeVisible();
  await expectNoSeriousAxeViolations(trainer, 'the class debrief');
  await snapLaptop(trainer, 'class', 'debrief');

  // Every learner reaches the debrief, their own team first.
  for (const learner of [ada, grace, alan, edsger]) await reaches(learner, 'class-debrief');
  await expect(ada.getByRole('heading', { name: /Your team: Team 1/ })).toBeVisible({ timeout: 30_000 });
  await expect(alan.getByRole('heading', { name: /Your team: Team 2/ })).toBeVisible({ timeout: 30_000 });
  await snapLaptop(alan, 'class', 'learner-debrief');

  // ——— The exports: the round cut short is in, money is money, the files share one name ———
  const csvDownload = trainer.waitForEvent('download');
  await trainer.getByRole('link', { name: 'Export CSV' }).click();
  const csvFile = await csvDownload;
  expect(csvFile.suggestedFilename()).toBe(`tame-the-chaos-class-${code}-results.csv`);
  const lines = readFileSync(await csvFile.path(), 'utf8')
    .trim()
    .split('\n');
  const header = (lines[0] ?? '').split(',');
  expect(header.slice(0, 9)).toEqual(['kind', 'team', 'name', 'players', 'round', 'roundComplete', 'hoursPlayed', 'currency', 'profit']);
  const cells = (line: string) => Object.fromEntries(header.map((column, index) => [column, line.split(',')[index] ?? '']));
  const teamRows = lines
    .slice(1)
    .map(cells)
    .filter((row) => row.kind === 'team');
  expect(teamRows.map((row) => `${row.name} ${row.round} ${row.roundComplete}`).sort()).toEqual([
    'Team 1 1 true',
    'Team 1 2 false',
    'Team 2 1 true',
    'Team 2 2 false',
  ]);
  expect(teamRows.find((row) => row.name === 'Team 1')?.players).toBe('Ada; Grace');
  for (const row of teamRows) expect(row.profit).toMatch(/^-?\d+(\.\d{1,2})?$/);
  expect(
    lines
      .slice(1)
      .map(cells)
      .filter((row) => row.kind === 'benchmark' && row.round === '2'),
  ).toHaveLength(6); // the six benchmarks, idle included
  const jsonDownload = trainer.waitForEvent('download');
  await trainer.getByRole('link', { name: 'Export JSON' }).click();
  const jsonFile = await jsonDownload;
  expect(jsonFile.suggestedFilename()).toBe(`tame-the-chaos-class-${code}-results.json`);
  const results = JSON.parse(readFileSync(await jsonFile.path(), 'utf8')) as { endedEarly: boolean; rows: unknown[] };
  expect(results.endedEarly).toBe(true);
  expect(results.rows).toHaveLength(lines.length - 1);

  // ——— The replay: it matches what was played; ▶ Play by click; ] reaches every team's moment ———
  await trainer.getByRole('button', { name: 'Open the replay' }).click();
  await reaches(trainer, 'replay');
  await expect(trainer.locator('#replay-check')).toContainText('Verified against the live session', { timeout: 30_000 });
  await trainer.getByRole('button', { name: 'Play Space' }).click();
  await expect(statusLine(trainer)).toContainText('Playing at ×1');
  await expect(trainer.locator('#replay-time')).not.toContainText('Round 1 · Hour 1 of 16');
  await trainer.getByRole('button', { name: 'Pause Space' }).click();
  await expect(statusLine(trainer)).toContainText('Paused at');
  // The price war reached both teams at one moment: each team's key moment is a stop of its own.
  await trainer.getByRole('heading', { name: 'Replay', exact: true }).focus();
  await trainer.keyboard.press('Home');
  const heard: string[] = [];
  for (let step = 0; step < 40; step++) {
    const before = (await statusLine(trainer).textContent()) ?? '';
    await trainer.keyboard.press(']');
    await expect(statusLine(trainer)).not.toHaveText(before);
    const now = (await statusLine(trainer).textContent()) ?? '';
    if (now.startsWith('No key moment after')) break;
    heard.push(now);
  }
  for (const team of ['Team 1', 'Team 2']) expect(heard.some((line) => line.startsWith(`Key moment, ${team}: Price war`))).toBe(true);
  expect(heard.some((line) => line.startsWith('Key moment, Team 2: Flu season'))).toBe(true);
});
