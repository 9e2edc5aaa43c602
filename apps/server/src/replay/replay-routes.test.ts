import {
  createdShareLinkSchema,
  type HostSettings,
  notesResponseSchema,
  replayBundleSchema,
  replayNoteSchema,
  sessionSummariesResponseSchema,
  shareLinksResponseSchema,
} from '@ttc/protocol';
import { afterAll, describe, expect, it } from 'vitest';
import { expectOk } from '../test-support/classroom-client.js';
import { TestRig } from '../test-support/test-rig.js';
import type { RunningServer } from '../test-support/test-server.js';

const rig = new TestRig();
afterAll(() => rig.close());

const server = (databasePath?: string) => rig.server(databasePath);

const settings: HostSettings = {
  scenarioId: 'office-supplies',
  rounds: 2,
  ticksPerRound: 4,
  teamCount: 2,
  tickMs: 100,
  botsForEmptyTeams: true,
  seed: 5,
};

async function host(running: RunningServer, played = true) {
  const { facilitator, sessionId, key } = await rig.host(running.url, settings);
  if (played) {
    expectOk(await facilitator.send({ type: 'start' }));
    await facilitator.next('session', (message) => message.phase === 'planning', 20_000);
    expectOk(await facilitator.send({ type: 'end' }));
  }
  return { facilitator, sessionId, key };
}

function send(url: string, method: string, body?: unknown, headers: Record<string, string> = {}) {
  return fetch(url, {
    method,
    headers: { 'content-type': 'application/json', ...headers },
    ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
  });
}

describe('facilitator notes pinned to ticks', () => {
  it('are added, listed by tick, edited and deleted with the facilitator key, and survive a restart', async () => {
    const first = await server();
    const { sessionId, key } = await host(first);
    const notes = (base: string) => `${base}/api/sessions/${sessionId}/notes`;

    const added = await send(`${notes(first.url)}?key=${key}`, 'POST', { tick: 3, text: '  Team 2 refuses everything  ' });
    expect(added.status).toBe(201);
    const note = replayNoteSchema.parse(await added.json());
    expect(note).toMatchObject({ tick: 3, text: 'Team 2 refuses everything', updatedAt: null });
    // The key also works as a header.
    const second = await send(notes(first.url), 'POST', { tick: 1, text: 'calm start' }, { 'x-facilitator-key': key });
    expect(second.status).toBe(201);
    const early = replayNoteSchema.parse(await second.json());

    const edited = await send(`${notes(first.url)}/${note.id}?key=${key}`, 'PATCH', { text: 'Team 2 says no', tick: 4 });
    expect(edited.status).toBe(200);
    expect(replayNoteSchema.parse(await edited.json())).toMatchObject({ id: note.id, tick: 4, text: 'Team 2 says no' });
    expect((await send(`${notes(first.url)}/${early.id}?key=${key}`, 'DELETE')).status).toBe(204);
    expect((await send(`${notes(first.url)}/${early.id}?key=${key}`, 'DELETE')).status).toBe(404);
    expect((await send(`${notes(first.url)}/nope?key=${key}`, 'PATCH', { tick: 1 })).status).toBe(404);
    await first.server.close();

    const again = await server(first.databasePath);
    const listed = await fetch(`${notes(again.url)}?key=${key}`);
    expect(listed.status).toBe(200);
    const { notes: kept } = notesResponseSchema.parse(await listed.json());
    expect(kept).toHaveLength(1);
    expect(kept[0]).toMatchObject({ id: note.id, tick: 4, text: 'Team 2 says no' });
    expect(kept[0]?.updatedAt).toEqual(expect.any(String));
  });

  it('refuses malformed bodies with a 400 that says what is wrong, and wrong keys with a 404', async () => {
    const running = await server();
    const { sessionId, key } = await host(running, false);
    const url = `${running.url}/api/sessions/${sessionId}/notes?key=${key}`;
    const refusal = async (method: string, body: unknown, target = url) => {
      const response = await send(target, method, body);
      return { status: response.status, body: (await response.json()) as { error: string; message: string } };
    };
    expect(await refusal('POST', { tick: 2, text: '   ' })).toEqual({
      status: 400,
      body: { error: 'bad-request', message: 'text: A note needs some text.' },
    });
    expect((await refusal('POST', { tick: 2, text: 'x'.repeat(501) })).body.message).toBe('text: A note is at most 500 characters.');
    expect((await refusal('POST', { tick: 1.5, text: 'half' })).body.message).toBe('tick: The tick must be a whole number.');
    expect((await refusal('POST', { tick: 9, text: 'late' })).body.message).toBe('tick: this session has 8 ticks.');
    expect((await refusal('POST', { tick: 2, text: 'ok', colour: 'red' })).status).toBe(400);
    expect((await refusal('POST', '{"tick": 2,')).body).toEqual({ error: 'bad-request', message: 'The body is not valid JSON.' });
    expect((await refusal('POST', { tick: 2, text: 'x'.repeat(40_000) })).status).toBe(413);
    const added = replayNoteSchema.parse(await (await send(url, 'POST', { tick: 2, text: 'fine' })).json());
    const patchUrl = `${running.url}/api/sessions/${sessionId}/notes/${added.id}?key=${key}`;
    expect((await refusal('PATCH', {}, patchUrl)).body.message).toBe('Give a new tick, a new text or both.');
    const wrongKey = await refusal('POST', { tick: 2, text: 'x' }, `${running.url}/api/sessions/${sessionId}/notes?key=not-the-key`);
    expect(wrongKey).toEqual({ status: 404, body: { error: 'unknown-session', message: 'No session with that id and facilitator key.' } });
    expect((await fetch(`${running.url}/api/sessions/${sessionId}/notes`)).status).toBe(404);
  });
});

describe('read-only share links', () => {
  it('open one session’s replay with its notes and checkpoints, and nothing else', async () => {
    const running = await server();
    const { sessionId, key } = await host(running);
    const other = await host(running, false);
    await send(`${running.url}/api/sessions/${sessionId}/notes?key=${key}`, 'POST', { tick: 2, text: 'look here' });

    const createdResponse = await send(`${running.url}/api/sessions/${sessionId}/shares?key=${key}`, 'POST');
    expect(createdResponse.status).toBe(201);
    const created = createdShareLinkSchema.parse(await createdResponse.json());
    // 128+ random bits, URL-safe; the link opens the web viewer.
    expect(created.token).toMatch(/^[A-Za-z0-9_-]{32,}$/);
    expect(created.url.endsWith(`/?replay=${created.token}`)).toBe(true);

    const opened = await fetch(`${running.url}/api/replays/${created.token}`);
    expect(opened.status).toBe(200);
    const bundle = replayBundleSchema.parse(await opened.json());
    expect(bundle.access).toBe('share');
    expect(bundle.log.sessionId).toBe(sessionId);
    expect(bundle.notes.map((note) => note.text)).toEqual(['look here']);
    expect(bundle.checkpoints.at(-1)?.reason).toBe('session-end');
    const asFacilitator = replayBundleSchema.parse(
      await (await fetch(`${running.url}/api/sessions/${sessionId}/replay?key=${key}`)).json(),
    );
    expect(asFacilitator).toEqual({ ...bundle, access: 'facilitator' });

    // The token is no key and no seat: it writes nothing and opens nothing else.
    const token = created.token;
    expect((await send(`${running.url}/api/sessions/${sessionId}/notes?key=${token}`, 'POST', { tick: 1, text: 'x' })).status).toBe(404);
    expect(
      (await send(`${running.url}/api/sessions/${sessionId}/notes`, 'POST', { tick: 1, text: 'x' }, { 'x-facilitator-key': token })).status,
    ).toBe(404);
    expect((await send(`${running.url}/api/sessions/${sessionId}/shares?key=${token}`, 'POST')).status).toBe(404);
    expect((await fetch(`${running.url}/api/sessions/${sessionId}/log?token=${token}`)).status).toBe(404);
    expect((await fetch(`${running.url}/api/sessions/${sessionId}/replay?key=${token}`)).status).toBe(404);
    expect((await fetch(`${running.url}/api/sessions/${other.sessionId}/replay?key=${token}`)).status).toBe(404);
    expect((await fetch(`${running.url}/api/sessions/${other.sessionId}/log?token=${token}`)).status).toBe(404);
    // One character changed, always to a different one (a token may already end in the letter used).
    const altered = `${token.slice(0, -1)}${token.endsWith('x') ? 'y' : 'x'}`;
    expect((await fetch(`${running.url}/api/replays/${altered}`)).status).toBe(404);
    expect(((await (await fetch(`${running.url}/api/replays/${token}`)).json()) as { log: { sessionId: string } }).log.sessionId).toBe(
      sessionId,
    );
  });

  it('a revoked link stops working with a clear message; only its own facilitator can revoke it', async () => {
    const running = await server();
    const { facilitator, sessionId, key } = await host(running, false);
    const other = await host(running, false);
    const shares = `${running.url}/api/sessions/${sessionId}/shares`;
    const first = createdShareLinkSchema.parse(await (await send(`${shares}?key=${key}`, 'POST')).json());
    const second = createdShareLinkSchema.parse(await (await send(`${shares}?key=${key}`, 'POST')).json());
    expect(first.token).not.toBe(second.token);
    // Made while the session is still open, a link waits for its end, like a player's token.
    const early = await fetch(`${running.url}/api/replays/${first.token}`);
    expect(early.status).toBe(403);
    expect(await early.json()).toEqual({ error: 'session-running', message: 'This replay opens once the session has ended.' });
    expectOk(await facilitator.send({ type: 'end' }));

    // Another session's facilitator cannot revoke it, not even through their own session.
    expect((await send(`${shares}/${first.id}?key=${other.key}`, 'DELETE')).status).toBe(404);
    expect((await send(`${running.url}/api/sessions/${other.sessionId}/shares/${first.id}?key=${other.key}`, 'DELETE')).status).toBe(404);
    expect((await fetch(`${running.url}/api/replays/${first.token}`)).status).toBe(200);

    expect((await send(`${shares}/${first.id}?key=${key}`, 'DELETE')).status).toBe(204);
    const revoked = await fetch(`${running.url}/api/replays/${first.token}`);
    expect(revoked.status).toBe(410);
    expect(await revoked.json()).toEqual({
      error: 'link-revoked',
      message: 'The facilitator has withdrawn this replay link: ask them for a new one.',
    });
    expect((await fetch(`${running.url}/api/replays/${second.token}`)).status).toBe(200);
    const { links } = shareLinksResponseSchema.parse(await (await fetch(`${shares}?key=${key}`)).json());
    expect(links.map((link) => [link.id, link.revokedAt === null])).toEqual([
      [first.id, false],
      [second.id, true],
    ]);
    expect(JSON.stringify(links)).not.toContain(first.token);
    expect((await fetch(`${running.url}/api/replays/not-a-token`)).status).toBe(404);
  });
});

describe('past sessions (POST /api/sessions/summaries)', () => {
  it('summarises the sessions whose keys are right, from the live game or, after a restart, from the record', async () => {
    const first = await server();
    const ended = await host(first);
    const lobby = await host(first, false);
    const url = (running: RunningServer) => `${running.url}/api/sessions/summaries`;
    const body = {
      sessions: [
        { sessionId: ended.sessionId, key: ended.key },
        { sessionId: lobby.sessionId, key: ended.key },
        { sessionId: lobby.sessionId, key: lobby.key },
        { sessionId: 'no-such-session', key: lobby.key },
        { sessionId: ended.sessionId, key: ended.key },
      ],
    };
    const response = await send(url(first), 'POST', body);
    expect(response.status).toBe(200);
    const { sessions } = sessionSummariesResponseSchema.parse(await response.json());
    expect(sessions.map((summary) => summary.sessionId)).toEqual([ended.sessionId, lobby.sessionId]);
    const [done, waiting] = sessions;
    expect(done).toMatchObject({
      scenarioId: 'office-supplies',
      scenarioName: expect.any(String),
      status: 'ended',
      teamCount: 2,
      rounds: 2,
      ticksPerRound: 4,
      round: 1,
      phase: 'planning',
    });
    expect(done?.teams.map((team) => team.name)).toEqual(['Team 1', 'Team 2']);
    expect(done?.teams[0]?.profitCents).not.toBe(0);
    expect(waiting).toMatchObject({ status: 'lobby', round: 1, phase: 'operations' });
    await first.server.close();

    const again = await server(first.databasePath);
    const rebuilt = sessionSummariesResponseSchema.parse(await (await send(url(again), 'POST', body)).json());
    expect(rebuilt.sessions).toEqual(sessions);
  });

  it('refuses a malformed or too long list with a 400 that says why', async () => {
    const running = await server();
    const url = `${running.url}/api/sessions/summaries`;
    const refusal = async (body: unknown) => (await (await send(url, 'POST', body)).json()) as { error: string; message: string };
    const many = Array.from({ length: 51 }, (_, index) => ({ sessionId: `s${index}`, key: 'k' }));
    expect(await refusal({ sessions: many })).toEqual({ error: 'bad-request', message: 'sessions: At most 50 sessions at a time.' });
    expect((await refusal({ sessions: [{ sessionId: 's' }] })).message).toBe(
      'sessions.0.key: Each session needs its facilitator key as a string.',
    );
    expect((await refusal({})).message).toBe('sessions: Send { sessions: [{ sessionId, key }, …] }.');
    expect((await send(url, 'POST', { sessions: [] })).status).toBe(200);
  });
});
