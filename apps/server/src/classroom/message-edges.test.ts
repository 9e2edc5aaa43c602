import { MAX_FRAME_BYTES, MAX_MESSAGE_BYTES, type ServerReply } from '@ttc/protocol';
import { afterAll, describe, expect, it } from 'vitest';
import { codeOf, expectOk, TestClient } from '../test-support/classroom-client.js';
import { TestRig } from '../test-support/test-rig.js';

const rig = new TestRig();
const loose: TestClient[] = [];
afterAll(async () => {
  for (const client of loose) client.close();
  await rig.close();
});

/** A client that does not reconnect by itself: what the server closes stays closed. */
function oneShot(url: string): TestClient {
  const client = new TestClient(url, { reconnection: false });
  loose.push(client);
  return client;
}

function disconnectReason(client: TestClient): Promise<string> {
  return new Promise((resolve) => client.socket.once('disconnect', (reason) => resolve(reason)));
}

describe('flooders', () => {
  it('are answered rate-limited for a while, then get "closing" and are disconnected; others are unaffected', async () => {
    const { url } = await rig.server(undefined, { MESSAGE_RATE: '5', MESSAGE_BURST: '10', FLOOD_DISCONNECT_AFTER: '30' });
    const neighbour = await rig.client(url);
    const flooder = oneShot(url);
    await flooder.connected();
    const gone = disconnectReason(flooder);
    const replies: ServerReply[] = [];
    for (let index = 0; index < 300 && flooder.socket.connected; index++)
      flooder.socket.emit('message', { type: 'start' }, (reply: ServerReply) => replies.push(reply));
    expect(await gone).toBe('io server disconnect');
    const closing = await flooder.next('closing');
    expect(closing.error).toMatchObject({ code: 'rate-limited', message: expect.stringMatching(/^Closed: this connection kept sending/) });
    expect(replies.filter((reply) => codeOf(reply) === 'rate-limited').length).toBeGreaterThanOrEqual(25);
    expect(codeOf(await neighbour.send({ type: 'start' }))).toBe('not-attached');
  });
});

describe('connections per address', () => {
  it('are capped: the one over the cap is refused at connect with a reason; a closed one frees its place', async () => {
    const { url } = await rig.server(undefined, { MAX_CONNECTIONS_PER_ADDRESS: '3' });
    const open = [oneShot(url), oneShot(url), oneShot(url)];
    await Promise.all(open.map((client) => client.connected()));
    const fourth = oneShot(url);
    await expect(fourth.connected()).rejects.toThrow(/^too-many-connections: 3 connections from one address/);
    open[0]?.close();
    // The server notices the close on its own schedule: try again until it has.
    let admitted = false;
    for (let attempt = 0; attempt < 50 && !admitted; attempt++) {
      const again = oneShot(url);
      admitted = await again.connected().then(
        () => true,
        () => false,
      );
    }
    expect(admitted).toBe(true);
  });
});

describe('message edges', () => {
  it('the size limit counts bytes of JSON, not characters', async () => {
    const { url } = await rig.server();
    const client = await rig.client(url);
    // 3000 characters, but 9000 bytes of UTF-8: over the limit.
    const euros = await client.send({ type: 'join', joinCode: 'ACDEFG', name: '€'.repeat(3000) });
    expect(codeOf(euros)).toBe('too-large');
    expect(euros.ok === false && euros.error.message).toMatch(
      new RegExp(`limited to ${MAX_MESSAGE_BYTES} bytes of JSON; this one has 90\\d\\d`),
    );
    // The same number of plain letters is under it, and gets the name check instead.
    expect(codeOf(await client.send({ type: 'join', joinCode: 'ACDEFG', name: 'e'.repeat(3000) }))).toBe('bad-message');
  });

  it('a frame up to 64 KB gets a typed too-large; a larger one closes the connection (documented) and the server runs on', async () => {
    const { url } = await rig.server();
    const client = oneShot(url);
    await client.connected();
    const big = await client.send({ type: 'join', joinCode: 'ACDEFG', name: 'x'.repeat(MAX_FRAME_BYTES - 1000) });
    expect(codeOf(big)).toBe('too-large');
    const closed = disconnectReason(client);
    client.socket.emit('message', { type: 'join', joinCode: 'ACDEFG', name: 'x'.repeat(MAX_FRAME_BYTES + 1000) });
    expect(await closed).toMatch(/^transport (close|error)$/);
    const other = await rig.client(url);
    expect(codeOf(await other.send({ type: 'start' }))).toBe('not-attached');
  });

  it('a message with no payload, null, or no acknowledgement gets a typed answer', async () => {
    const { url } = await rig.server();
    const client = await rig.client(url);
    const empty = (await client.socket.timeout(3000).emitWithAck('message')) as ServerReply;
    expect(empty).toMatchObject({ ok: false, error: { code: 'bad-message', message: expect.stringMatching(/message is empty/) } });
    const nothing = (await client.socket.timeout(3000).emitWithAck('message', null)) as ServerReply;
    expect(codeOf(nothing)).toBe('bad-message');

    client.socket.emit('message', { type: 'start' });
    const refused = await client.next('refused', (message) => message.event === 'message');
    expect(refused.error).toMatchObject({ code: 'bad-message', message: expect.stringMatching(/acknowledgement callback/) });
    client.socket.emit('explode', { now: true });
    const unknown = await client.next('refused', (message) => message.event === 'explode');
    expect(unknown.error.message).toMatch(/Unknown event "explode"/);
    expectOk(
      await client.send({
        type: 'host',
        settings: { scenarioId: 'office-supplies', rounds: 1, ticksPerRound: 6, teamCount: 1, tickMs: 60_000, botsForEmptyTeams: true },
      }),
    );
  });
});
