import { test } from '@playwright/test';

// Browser benchmarks (figures, not pass/fail): time to the first playable frame, and frame
// times with 30+ demand cards on screen. Run: npm run bench -w @ttc/web

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

test('first playable frame', async ({ browser }) => {
  const samples: number[] = [];
  for (let run = 0; run < 10; run++) {
    const context = await browser.newContext({ viewport: { width: 1600, height: 900 } });
    const page = await context.newPage();
    await page.goto('/');
    await page.waitForFunction(() => performance.getEntriesByName('ttc:title').length > 0, null, { timeout: 30_000 });
    // Title shown means Phaser booted, the scenarios loaded and the first interactive frame is up.
    samples.push(await page.evaluate(() => performance.getEntriesByName('ttc:title')[0]?.startTime ?? Number.NaN));
    await context.close();
  }
  console.log(
    `first playable frame (navigation → title screen), 10 cold loads: median ${median(samples).toFixed(0)} ms, min ${Math.min(...samples).toFixed(0)} ms, max ${Math.max(...samples).toFixed(0)} ms`,
  );
});

test('frame times with 30 cards on screen', async ({ page }) => {
  await page.goto(`/?bench${process.env.RENDERER ? `&renderer=${process.env.RENDERER}` : ''}`);
  await page.waitForFunction(() => document.body.dataset.screen === 'title');
  await page.waitForFunction(() => 'ttcBench' in window);
  await page.evaluate(() => (window as unknown as { ttcBench: { startCrowdedGame(): void } }).ttcBench.startCrowdedGame());
  await page.waitForFunction(() => document.body.dataset.screen === 'operations');
  await page.keyboard.press('s');
  await page.keyboard.press('s');
  // The board's text mirror has the live count (the status region speaks only when the queue turns).
  await page.waitForFunction(
    () => /Waiting demands (3\d|[4-9]\d)\b/.test(document.getElementById('board-details')?.textContent ?? ''),
    null,
    {
      timeout: 90_000,
    },
  );
  await page.keyboard.press('s'); // back to ×1: the clock keeps running while we measure
  const frames = await page.evaluate(
    () =>
      new Promise<number[]>((resolve) => {
        const deltas: number[] = [];
        let last = performance.now();
        const started = last;
        const step = (now: number) => {
          deltas.push(now - last);
          last = now;
          if (now - started < 5000) requestAnimationFrame(step);
          else resolve(deltas.slice(1));
        };
        requestAnimationFrame(step);
      }),
  );
  const waiting = await page.locator('#board-details').textContent();
  const renderer = await page.evaluate(() => (window as unknown as { ttcBench: { renderer(): string } }).ttcBench.renderer());
  await page.screenshot({ path: 'test-results/screens/bench-30-cards.png' });
  const sorted = [...frames].sort((a, b) => a - b);
  const p99 = sorted[Math.floor(sorted.length * 0.99)] ?? 0;
  console.log(
    `${renderer} renderer, frames with ${/Waiting demands (\d+)/.exec(waiting ?? '')?.[1]} cards waiting, 5 s: ${frames.length} frames, ${(frames.length / 5).toFixed(1)} fps, median ${median(frames).toFixed(1)} ms, p99 ${p99.toFixed(1)} ms, max ${Math.max(...frames).toFixed(1)} ms, frames over 33 ms: ${frames.filter((delta) => delta > 33).length}`,
  );
});
