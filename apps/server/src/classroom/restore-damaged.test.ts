import { type HostSettings, serverReadinessSchema } from '@ttc/protocol';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { codeOf, expectOk } from '../test-support/classroom-client.js';
import { TestRig } from '../test-support/test-rig.js';
import { temporaryDatabase } from '../test-support/test-server.js';

const rig = new TestRig();
afterAll(() => rig.close());

const bots: HostSettings = {
  scenarioId: 'office-supplies',
  rounds: 2,
  ticksPerRound: 24,
  teamCount: 2,
  tickMs: 100,
  botsForEmptyTeams: true,
  seed: 4,
};

describe('a damaged session record at start', () => {
  it('is set aside and marked for its facilitator; the server starts and runs every other session', async () => {
    const databasePath = temporaryDatabase();
    const first = await rig.server(databasePath);
    const damaged = await rig.host(first.url, bots);
    const healthy = await rig.host(first.url, bots);
    const waiting = await rig.host(first.url, bots);
    for (const hosted of [damaged, healthy]) expectOk(await hosted.facilitator.send({ type: 'start' }));
    await damaged.facilitator.next('session', (message) => message.tick >= 3);
    await healthy.facilitator.next('session', (message) => message.tick >= 3);
    await first.server.close();

    // One logged command that no longer applies (as a rule changed between versions would do).
    const db = new Database(databasePath);
    db.prepare('UPDATE command_log SET command = ? WHERE session_id = ? AND seq = 1').run(
      JSON.stringify({ type: 'decide', team: 0, demandId: 99_999, decision: 'no' }),
      damaged.sessionId,
    );
    db.close();

    const second = await rig.server(databasePath);
    const ready = serverReadinessSchema.parse(await (await fetch(`${second.url}/api/ready`)).json());
    expect(ready).toMatchObject({ status: 'ready', setAside: [damaged.sessionId], sessions: { lobby: 1, running: 1 } });

    // Its facilitator is told what happened; a wrong key learns nothing.
    const trainer = await rig.client(second.url);
    const refused = await trainer.send({ type: 'attachFacilitator', sessionId: damaged.sessionId, facilitatorKey: damaged.key });
    expect(codeOf(refused)).toBe('session-damaged');
    expect(refused.ok === false && refused.error.message).toMatch(
      /could not be resumed.*logged command 1 no longer applies.*record is kept/,
    );
    const stranger = await trainer.send({ type: 'attachFacilitator', sessionId: damaged.sessionId, facilitatorKey: waiting.key });
    expect(codeOf(stranger)).toBe('unknown-session');
    // Its record is still there to read.
    expect((await fetch(`${second.url}/api/sessions/${damaged.sessionId}/log?key=${damaged.key}`)).status).toBe(200);

    // The others came back: the running one ticks on, the waiting one can start.
    const healthyAgain = await rig.client(second.url);
    expectOk(await healthyAgain.send({ type: 'attachFacilitator', sessionId: healthy.sessionId, facilitatorKey: healthy.key }));
    const resumedAt = healthyAgain.latest('session')?.tick ?? 0;
    await healthyAgain.next('session', (message) => message.tick > resumedAt);
    const waitingAgain = await rig.client(second.url);
    expectOk(await waitingAgain.send({ type: 'attachFacilitator', sessionId: waiting.sessionId, facilitatorKey: waiting.key }));
    expectOk(await waitingAgain.send({ type: 'start' }));

    // The mark is in the database too, for whoever looks at it later.
    await second.server.close();
    const check = new Database(databasePath, { readonly: true });
    const marked = check.prepare('SELECT damaged FROM sessions WHERE id = ?').get(damaged.sessionId) as { damaged: string | null };
    check.close();
    expect(marked.damaged).toMatch(/no longer applies/);
  });
});
