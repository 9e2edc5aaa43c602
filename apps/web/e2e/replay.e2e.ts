import { readFileSync } from 'node:fs';
import { expect, type Page, test } from '@playwright/test';
import { expectNoSeriousAxeViolations, hostClass, reaches, snapLaptop, statusLine } from './class-checks';
import { openPage, SMALL, startFastSoloGame } from './support';

// Replays, in a real browser against the real server: a short class played by bots, its replay
// opened from the past classes list, scrubbed, a key moment, a note that survives a reload, a
// read-only share link in a fresh browser, its revocation, and a solo game's replay file
// (exported from a solo debrief) opened as it is and tampered with. The list and the viewer
// pass axe-core. Hours are numbered as the console numbers them: "Round 1 · Hour 1 of 4" first.

const scrubber = (page: Page) => page.getByRole('slider', { name: 'Position in the session (hours)' });

test('a facilitator reviews a class: list, scrub, key moment, notes, share link, revocation', async ({ browser }) => {
  test.setTimeout(300_000);

  // ——— A short class: two teams, both played by bots, two rounds of four hours at 1 s an hour ———
  const trainer = await openPage(browser);
  const code = (await hostClass(trainer, { rounds: 2, hours: 4, teams: 2, secondsPerHour: 1 })).replace(' ', '');
  await trainer.getByRole('button', { name: /Start the session/ }).click();
  await reaches(trainer, 'console');
  await expect(statusLine(trainer)).toContainText('Planning after round 1 of 2', { timeout: 60_000 });
  await trainer.getByRole('button', { name: /Start next round/ }).click();
  await reaches(trainer, 'class-debrief');

  // ——— The past classes list, from the title screen ———
  await trainer.getByRole('button', { name: 'Back to title' }).click();
  await reaches(trainer, 'title');
  await trainer.keyboard.press('r');
  await reaches(trainer, 'past-classes');
  await expect(trainer.getByRole('heading', { name: 'Past classes and replays' })).toBeVisible();
  const row = trainer.getByRole('row').filter({ hasText: `code ${code}` });
  await expect(row).toContainText('Ended');
  await expect(row).toContainText('Team 1');
  await expect(row).toContainText('Team 2');
  await expectNoSeriousAxeViolations(trainer, 'the past classes list');
  await snapLaptop(trainer, 'replay', 'list');

  // ——— The viewer ———
  await trainer.getByRole('button', { name: `Open replay of class ${code}` }).click();
  await reaches(trainer, 'replay');
  await expect(trainer.getByRole('heading', { name: 'Replay', exact: true })).toBeVisible();
  await expect(trainer.locator('#replay-check')).toContainText('Verified against the live session');
  await expect(trainer.locator('#replay-time')).toContainText('Round 1 · Hour 1 of 4');
  await expectNoSeriousAxeViolations(trainer, 'the replay viewer');
  // Scrub: arrow keys on the slider move an hour at a time, the board and clock follow.
  await scrubber(trainer).focus();
  await trainer.keyboard.press('ArrowRight');
  await trainer.keyboard.press('ArrowRight');
  await trainer.keyboard.press('ArrowRight');
  await expect(trainer.locator('#replay-time')).toContainText('Round 1 · Hour 4 of 4');
  await expect(scrubber(trainer)).toHaveValue('3');
  // Play at ×16, started with a click: the rest of the class passes in a moment.
  await trainer.getByRole('heading', { name: 'Replay', exact: true }).focus();
  await trainer.keyboard.press('Home');
  await expect(trainer.locator('#replay-time')).toContainText('Round 1 · Hour 1 of 4');
  await trainer.getByRole('button', { name: '×16' }).click();
  await trainer.getByRole('button', { name: 'Play Space' }).click();
  await expect(statusLine(trainer)).toContainText('The end of the replay', { timeout: 10_000 });
  await expect(trainer.locator('#replay-time')).toContainText('Game over');
  // Jump back to a decision, then to the first key moment (a round's end counts as one).
  await trainer.keyboard.press(',');
  await expect(statusLine(trainer)).toContainText(/Decision, Team \d: Bot chose/);
  await trainer.keyboard.press('Home');
  await trainer.keyboard.press(']');
  await expect(statusLine(trainer)).toContainText(/Key moment, Team \d: |End of round 1/);
  await trainer.keyboard.press('.');
  await expect(statusLine(trainer)).toContainText(/Decision, Team \d: Bot chose/);
  const at = (await trainer.locator('#replay-time').textContent()) ?? '';
  // The decisions list: bots decided, filters narrow it.
  await trainer.locator('#decisions-team').selectOption({ label: 'Team 2' });
  const decisions = trainer.getByRole('list', { name: 'Decisions, oldest first' });
  await expect(decisions).toContainText('Team 2');
  await expect(decisions).not.toContainText('Team 1');
  await trainer.locator('#decisions-team').selectOption({ label: 'All teams' });
  // Board of the other team with a digit key.
  await trainer.getByRole('heading', { name: 'Replay', exact: true }).focus();
  await trainer.keyboard.press('2');
  await expect(trainer.getByRole('heading', { name: 'Team 2’s board' })).toBeVisible();

  // ——— A note at the current hour, kept on the server ———
  await trainer.keyboard.press('n');
  await expect(trainer.getByLabel(/New note/)).toBeFocused();
  await trainer.getByLabel(/New note/).fill('Team 2 said yes to everything here: watch the backlog.');
  await trainer.getByRole('button', { name: 'Add note' }).click();
  await expect(statusLine(trainer)).toContainText('Note added at');
  const notes = trainer.getByRole('list', { name: 'Notes by hour' });
  await expect(notes).toContainText('watch the backlog');
  expect(at).not.toBe('');
  // Edit it.
  await notes.getByRole('button', { name: /^Edit the note/ }).click();
  await trainer.getByLabel(/^Edit the note/).fill('Team 2 said yes to everything here: watch the backlog grow.');
  await trainer.getByRole('button', { name: 'Save note' }).click();
  await expect(notes).toContainText('watch the backlog grow.');
  await snapLaptop(trainer, 'replay', 'viewer');

  // Reload: back through the list, the note is still there.
  await trainer.reload();
  await reaches(trainer, 'title');
  await trainer.keyboard.press('r');
  await reaches(trainer, 'past-classes');
  await trainer.getByRole('button', { name: `Open replay of class ${code}` }).click();
  await reaches(trainer, 'replay');
  await expect(trainer.getByRole('list', { name: 'Notes by hour' })).toContainText('watch the backlog grow.');

  // ——— A share link, opened in a fresh browser: read-only ———
  await trainer.getByRole('button', { name: 'Create a share link' }).click();
  await expect(statusLine(trainer)).toContainText('Share link made');
  const url = await trainer.getByLabel('The new share link').inputValue();
  const token = new URL(url).searchParams.get('replay') ?? '';
  expect(token.length).toBeGreaterThanOrEqual(22);
  const guest = await openPage(browser, `/?replay=${token}`);
  await reaches(guest, 'replay');
  await expect(guest.getByText('Read-only link')).toBeVisible();
  await expect(guest.getByRole('list', { name: 'Notes by hour' })).toContainText('watch the backlog grow.');
  await expect(guest.getByRole('button', { name: 'Add note' })).toHaveCount(0);
  await expect(guest.getByRole('button', { name: /^Edit the note/ })).toHaveCount(0);
  await expect(guest.getByRole('button', { name: /^Delete the note/ })).toHaveCount(0);
  await expect(guest.getByRole('button', { name: 'Create a share link' })).toHaveCount(0);
  await expect(guest.locator('#replay-check')).toContainText('Verified against the live session');
  await guest.keyboard.press('End');
  await expect(guest.locator('#replay-time')).toContainText('Game over');
  await snapLaptop(guest, 'replay', 'share');

  // Revoking asks first; then the same link is refused.
  await trainer.getByRole('button', { name: /^Revoke the link/ }).click();
  const confirm = trainer.getByRole('group', { name: /^Revoke the link made .*\?$/ });
  await expect(confirm).toContainText('Whoever has it loses the replay');
  await expect(confirm.getByRole('button', { name: 'Yes, revoke' })).toBeFocused();
  await confirm.getByRole('button', { name: 'Keep it' }).click();
  await expect(trainer.getByRole('button', { name: /^Revoke the link/ })).toBeVisible();
  await trainer.getByRole('button', { name: /^Revoke the link/ }).click();
  await trainer.getByRole('button', { name: 'Yes, revoke' }).click();
  await expect(statusLine(trainer)).toContainText('Share link revoked');
  await guest.reload();
  await reaches(guest, 'replay');
  await expect(guest.getByRole('alert')).toContainText('withdrawn this replay link');

  // Delete the note: it leaves the list.
  await trainer.getByRole('button', { name: /^Delete the note/ }).click();
  await expect(statusLine(trainer)).toContainText('deleted');
  await expect(trainer.getByRole('list', { name: 'Notes by hour' })).toContainText('No notes yet.');
});

test('a solo game exported from its debrief opens in the viewer; a tampered copy is refused', async ({ page }) => {
  test.setTimeout(240_000);
  await page.setViewportSize(SMALL);
  // A short solo game at ×4, nobody deciding: the clock runs it to its end.
  await startFastSoloGame(page);
  await expect(statusLine(page)).toContainText('Speed ×4');
  for (let round = 1; round <= 2; round++) {
    await reaches(page, 'planning');
    await page.keyboard.press('c');
    // Wait for the next round to start, or the loop would find this planning screen again.
    await reaches(page, 'operations');
  }
  await reaches(page, 'debrief');
  const download = page.waitForEvent('download');
  await page.keyboard.press('e');
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^tame-the-chaos-solo-[a-z0-9-]+-\d+\.json$/);
  const path = await file.path();
  const text = readFileSync(path, 'utf8');
  await expect(statusLine(page)).toContainText('Replay file saved');

  // The trainer's side: the list screen opens the file.
  await page.keyboard.press('Escape');
  await reaches(page, 'title');
  await page.keyboard.press('r');
  await reaches(page, 'past-classes');
  const input = page.getByLabel('Open a solo replay file');

  // A tampered copy first: one decision changed, or the recorded hash changed.
  const data = JSON.parse(text) as { commands: { type: string }[]; finalHash: string };
  const tick = data.commands.findIndex((command) => command.type === 'tick');
  const tampered = { ...data, commands: data.commands.filter((_, index) => index !== tick) };
  await input.setInputFiles({ name: 'tampered.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(tampered)) });
  await expect(page.locator('#solo-file-error')).toContainText('This replay file has been altered');
  const rehashed = { ...data, finalHash: '0123456789abcdef' };
  await input.setInputFiles({ name: 'rehashed.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(rehashed)) });
  await expect(page.locator('#solo-file-error')).toHaveText(
    'This replay file has been altered: replaying it does not end in the state it records.',
  );
  await input.setInputFiles({ name: 'notes.json', mimeType: 'application/json', buffer: Buffer.from('{"hello": "world"}') });
  await expect(page.locator('#solo-file-error')).toContainText('This file is not a Tame the Chaos replay file.');
  await input.setInputFiles({ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from('{ not json') });
  await expect(page.locator('#solo-file-error')).toContainText('it is not JSON text');
  await expect(page.getByRole('heading', { name: 'Past classes and replays' })).toBeVisible();

  // The file as exported.
  await input.setInputFiles({ name: file.suggestedFilename(), mimeType: 'application/json', buffer: Buffer.from(text) });
  await reaches(page, 'replay');
  await expect(page.getByText(/Solo replay file/)).toBeVisible();
  // The file replays to its own record, which proves nothing about who played it: it says just that.
  await expect(page.locator('#replay-check')).toHaveText('Replays to the result it records');
  await expect(page.getByRole('button', { name: 'Add note' })).toHaveCount(0);
  await page.keyboard.press('End');
  await expect(page.locator('#replay-time')).toContainText('Game over');
  await expect(page.getByRole('list', { name: 'Decisions, oldest first' })).toContainText('Nobody (unanswered)');
  await page.keyboard.press('Home');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expect(page.locator('#replay-time')).toContainText('Round 1 · Hour 3 of 12');
  await snapLaptop(page, 'replay', 'solo');
  await page.keyboard.press('Escape');
  await reaches(page, 'past-classes');
});
