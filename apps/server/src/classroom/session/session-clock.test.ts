import { afterAll, describe, expect, it } from 'vitest';
import { SqliteSessionStore } from '../../storage/sqlite-session-store.js';
import { expectOk } from '../../test-support/classroom-client.js';
import { gatedStore } from '../../test-support/gated-store.js';
import { ManualTime } from '../../test-support/manual-time.js';
import { TestRig } from '../../test-support/test-rig.js';
import { temporaryDatabase } from '../../test-support/test-server.js';

// The clock runs on injected time: these tests move the hours themselves instead of waiting.

const rig = new TestRig();
afterAll(() => rig.close());

const settings = { scenarioId: 'shoe-store', rounds: 1, ticksPerRound: 24, teamCount: 1, tickMs: 60_000, botsForEmptyTeams: true, seed: 2 };

async function runningClass() {
  const databasePath = temporaryDatabase();
  const store = gatedStore(new SqliteSessionStore(databasePath, 'process'));
  const time = new ManualTime();
  const running = await rig.server(databasePath, {}, { store, time });
  const hosted = await rig.host(running.url, settings);
  expectOk(await hosted.facilitator.send({ type: 'start' }));
  return { ...hosted, store, time };
}

describe('the session clock', () => {
  it('ticks once per tickMs of its own time, the first after part of an hour, and stands while paused', async () => {
    const { facilitator, time } = await runningClass();
    await time.advance(0.75 * settings.tickMs);
    expect((await facilitator.next('session', (message) => message.tick === 1)).tick).toBe(1);
    await time.advance(3 * settings.tickMs);
    expect((await facilitator.next('session', (message) => message.tick === 4)).tick).toBe(4);
    expectOk(await facilitator.send({ type: 'pause' }));
    await time.advance(10 * settings.tickMs);
    expect(facilitator.latest('session')).toMatchObject({ tick: 4, paused: true });
    expectOk(await facilitator.send({ type: 'resume' }));
    await time.advance(settings.tickMs);
    expect((await facilitator.next('session', (message) => message.tick === 5 && !message.paused)).tick).toBe(5);
  });

  it('retries a tick whose write fails after 0.5, 1 and 2 s, tells the facilitator once, and says when it runs on', async () => {
    const { facilitator, store, time } = await runningClass();
    const busy = () => Object.assign(new Error('database is locked'), { code: 'SQLITE_BUSY' });
    const held = store.hold();
    await time.advance(0.75 * settings.tickMs);
    await held;
    store.fail(busy());
    const retrying = await facilitator.next('notice', (message) => message.code === 'storage-retrying');
    expect(retrying.message).toMatch(/clock is held.*SQLITE_BUSY/);
    // Each retry comes exactly when due: 0.5 s, then 1 s, then 2 s after the failure before it.
    for (const wait of [500, 1000]) {
      const again = store.hold();
      await time.advance(wait - 1);
      expect(facilitator.latest('session')?.tick).toBe(0);
      await time.advance(1);
      await again;
      store.fail(busy());
      // The failure reaches the clock, which sets its next try.
      await new Promise((resolve) => setImmediate(resolve));
    }
    await time.advance(1999);
    expect(facilitator.latest('session')?.tick).toBe(0);
    await time.advance(1);
    await facilitator.next('notice', (message) => message.code === 'storage-recovered');
    expect((await facilitator.next('session', (message) => message.tick === 1)).tick).toBe(1);
    expect(facilitator.updates.filter((message) => message.type === 'notice' && message.code === 'storage-retrying')).toHaveLength(1);
  });
});
