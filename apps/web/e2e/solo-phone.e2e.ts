import { expect, test } from '@playwright/test';
import { expectNoSeriousAxeViolations, openPhone, reaches, settled, snapPhone } from './class-checks';

// Solo practice on a phone: the solo screens are the 1600×900 canvas, unreadable there, so a
// phone that taps "Solo practice" gets a page saying so (readable, by touch) and the way to what
// a phone does well, joining a class — and no game starts.

test('solo practice on a phone says it needs a bigger screen and offers to join a class', async ({ browser }) => {
  const phone = await openPhone(browser);
  await reaches(phone, 'join');
  await phone.getByRole('button', { name: /Back to title/ }).tap();
  await reaches(phone, 'title');
  // The canvas title's "Solo practice" button, tapped where it is drawn (y 226–284 of 900).
  // The canvas refits once it shows again after the join form.
  await expect.poll(async () => (await phone.locator('canvas').boundingBox())?.width ?? 0).toBeGreaterThan(300);
  const canvas = await phone.locator('canvas').boundingBox();
  if (!canvas) throw new Error('the title canvas is not shown');
  await phone.touchscreen.tap(canvas.x + canvas.width / 2, canvas.y + (canvas.height * 255) / 900);
  await reaches(phone, 'solo-needs-room');
  await expect(phone.getByRole('heading', { name: 'Solo practice needs a bigger screen' })).toBeVisible();
  await expect(phone.locator('#classroom').getByText(/tablet held sideways/)).toBeVisible();
  await snapPhone(phone, 'solo-needs-room');
  await expectNoSeriousAxeViolations(phone, 'the solo page on a phone');
  await phone.getByRole('button', { name: 'Join a class' }).tap();
  await reaches(phone, 'join');
  await settled(phone);
  await expect(phone.getByLabel('Join code')).toBeVisible();
});
