import type { HostSettings, Plan } from '@ttc/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectOk, type TestClient } from '../test-support/classroom-client.js';
import { ManualTime, playHoursUntil } from '../test-support/manual-time.js';
import { TestRig } from '../test-support/test-rig.js';
import type { RunningServer } from '../test-support/test-server.js';

const rig = new TestRig();
let running: RunningServer;
/** The server's own time: the test plays the hours to the planning phase instead of waiting for them. */
const time = new ManualTime();

beforeAll(async () => {
  running = await rig.server(undefined, {}, { time });
});

afterAll(() => rig.close());

const client = (): Promise<TestClient> => rig.client(running.url);

const settings: HostSettings = {
  scenarioId: 'office-supplies',
  rounds: 2,
  ticksPerRound: 4,
  teamCount: 2,
  tickMs: 100,
  botsForEmptyTeams: true,
  seed: 9,
};

const plan = (hires: number): Plan => ({ build: [], retire: [], premiumPrices: {}, optionPrices: {}, hires, restPercent: 0 });

/** Hosts a class of two teams with two players each and plays it to the first planning phase. */
async function classInPlanning() {
  const facilitator = await client();
  const hosted = expectOk(await facilitator.send({ type: 'host', settings }));
  const seats = [];
  for (const name of ['Ada', 'Grace', 'Alan', 'Edsger']) {
    const player = await client();
    const joined = expectOk(await player.send({ type: 'join', joinCode: hosted.joinCode, name }));
    seats.push({ player, name, token: joined.token, team: joined.team });
  }
  expectOk(await facilitator.send({ type: 'start' }));
  await playHoursUntil(time, settings.tickMs, facilitator, (message) => message.phase === 'planning');
  return { facilitator, sessionId: hosted.sessionId, key: hosted.facilitatorKey, seats };
}

describe('shared planning', () => {
  it('shows a proposal to every teammate and to nobody else; a member who attaches later sees it; next round clears it', async () => {
    const { facilitator, seats } = await classInPlanning();
    const [ada, other, teammate] = [
      seats[0],
      seats.find((seat) => seat.team !== seats[0]?.team),
      seats.find((seat, index) => index > 0 && seat.team === seats[0]?.team),
    ];
    if (!ada || !other || !teammate) throw new Error('expected two teams of two');
    expectOk(await ada.player.send({ type: 'proposePlan', plan: plan(1) }));
    const seen = await teammate.player.next('planProposed');
    expect(seen).toMatchObject({ team: ada.team, by: 'Ada', plan: { hires: 1 } });
    // A newer proposal replaces the older one for a member who attaches afterwards.
    expectOk(await ada.player.send({ type: 'proposePlan', plan: plan(2) }));
    const late = await client();
    expectOk(await late.send({ type: 'attach', token: teammate.token }));
    const resent = await late.next('planProposed');
    expect(resent.plan.hires).toBe(2);
    expect(late.updates.filter((message) => message.type === 'planProposed')).toHaveLength(1);
    expect(other.player.updates.some((message) => message.type === 'planProposed')).toBe(false);

    expectOk(await teammate.player.send({ type: 'commitPlan', plan: plan(2) }));
    const refused = await ada.player.send({ type: 'proposePlan', plan: plan(0) });
    expect(refused).toMatchObject({ ok: false, error: { code: 'plan-committed' } });
    expectOk(await facilitator.send({ type: 'nextRound' }));
    const fresh = await client();
    expectOk(await fresh.send({ type: 'attach', token: teammate.token }));
    await fresh.next('board');
    expect(fresh.updates.some((message) => message.type === 'planProposed')).toBe(false);
  });

  it('refuses a proposal during operations', async () => {
    const facilitator = await client();
    const hosted = expectOk(await facilitator.send({ type: 'host', settings: { ...settings, tickMs: 60_000 } }));
    const player = await client();
    expectOk(await player.send({ type: 'join', joinCode: hosted.joinCode, name: 'Ada' }));
    expectOk(await facilitator.send({ type: 'start' }));
    expect(await player.send({ type: 'proposePlan', plan: plan(1) })).toMatchObject({ ok: false, error: { code: 'wrong-phase' } });
  });
});
