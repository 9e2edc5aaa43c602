import type { HostSettings, ServerMessage } from '@ttc/protocol';
import { afterAll, describe, expect, it } from 'vitest';
import { codeOf, expectOk } from '../test-support/classroom-client.js';
import { TestRig } from '../test-support/test-rig.js';

const rig = new TestRig();
afterAll(() => rig.close());

const settings: HostSettings = {
  scenarioId: 'office-supplies',
  rounds: 2,
  ticksPerRound: 6,
  teamCount: 2,
  tickMs: 60_000,
  botsForEmptyTeams: true,
};

describe('join codes behind one address (a school NAT)', () => {
  it('a classmate with the right code joins at once after ten wrong codes from the same address', async () => {
    const { url } = await rig.server();
    const { joinCode } = await rig.host(url, settings);
    const typist = await rig.client(url);
    for (let attempt = 0; attempt < 10; attempt++)
      expect(codeOf(await typist.send({ type: 'join', joinCode: 'XXXXXX', name: `Typo ${attempt}` }))).toBe('unknown-join-code');
    const classmate = await rig.client(url);
    expectOk(await classmate.send({ type: 'join', joinCode, name: 'Ada' }));
  });

  it('past the burst, guesses from the address wait their turn instead of being refused, and a right code still gets in', async () => {
    const { url } = await rig.server(undefined, { JOIN_GUESS_BURST: '5', JOIN_GUESSES_PER_MINUTE: '60' });
    const { joinCode } = await rig.host(url, settings);
    const guesser = await rig.client(url);
    for (let attempt = 0; attempt < 5; attempt++)
      expect(codeOf(await guesser.send({ type: 'join', joinCode: 'XXXXXX', name: 'Guess' }))).toBe('unknown-join-code');

    // The bucket is empty: four more guesses from four sockets are answered about a second apart.
    const guessers = await Promise.all(Array.from({ length: 4 }, () => rig.client(url)));
    const answeredAt: number[] = [];
    const guesses = guessers.map((socket) =>
      socket.send({ type: 'join', joinCode: 'YYYYYY', name: 'Guess' }, 20_000).then((reply) => {
        answeredAt.push(Date.now());
        return reply;
      }),
    );
    // A socket gets one join at a time: a second one while the first waits is refused at once.
    const impatient = await guessers[0]?.send({ type: 'join', joinCode: 'WWWWWW', name: 'Guess' });
    expect(impatient && codeOf(impatient)).toBe('rate-limited');
    // A learner with the right code queues behind them and is seated, not refused.
    const learner = await rig.client(url);
    const seated = learner.send({ type: 'join', joinCode, name: 'Grace' }, 20_000);
    const codes = (await Promise.all(guesses)).map(codeOf);
    expect(codes).toEqual(['unknown-join-code', 'unknown-join-code', 'unknown-join-code', 'unknown-join-code']);
    // A second a guess: the first may use what refilled while the sockets connected, the other
    // three each wait for a new one (3 s apart in all; the margin is for a loaded machine's delivery).
    const spread = Math.max(...answeredAt) - Math.min(...answeredAt);
    expect(spread).toBeGreaterThanOrEqual(2000);
    expect(codeOf(await seated)).toBe('ok');
  }, 30_000);

  it('behind a trusted proxy each client address has its own allowance', async () => {
    const { url } = await rig.server(undefined, { TRUST_PROXY: 'loopback', JOIN_GUESS_BURST: '2', JOIN_GUESSES_PER_MINUTE: '1' });
    const { joinCode } = await rig.host(url, settings);
    const guesser = await rig.client(url, { headers: { 'x-forwarded-for': '203.0.113.7' } });
    for (let attempt = 0; attempt < 2; attempt++) await guesser.send({ type: 'join', joinCode: 'XXXXXX', name: 'Guess' });
    // 203.0.113.7 must now wait a minute per guess; 198.51.100.4 is another school and is not held up.
    const elsewhere = await rig.client(url, { headers: { 'x-forwarded-for': '198.51.100.4' } });
    expect(codeOf(await elsewhere.send({ type: 'join', joinCode, name: 'Alan' }, 3000))).toBe('ok');
  });
});

describe('seats', () => {
  it('are capped per session; the trainer removes several at once and locks joining; seated learners may still come back', async () => {
    const { url } = await rig.server(undefined, { MAX_SEATS_PER_SESSION: '4' });
    const { facilitator, joinCode } = await rig.host(url, settings);
    const seats = [];
    for (const name of ['Ada', 'Grace', 'Alan', 'Edsger']) {
      const learner = await rig.client(url);
      const seat = expectOk(await learner.send({ type: 'join', joinCode, name }));
      seats.push({ learner, playerId: seat.playerId, token: seat.token });
    }
    const fifth = await rig.client(url);
    const full = await fifth.send({ type: 'join', joinCode, name: 'Barbara' });
    expect(codeOf(full)).toBe('session-full');
    expect(full.ok === false && full.error.message).toMatch(/all of its 4 seats taken/);

    // Two fake seats go in one message; all-or-nothing when one id is wrong.
    const [ada, grace, alan, edsger] = seats;
    if (!ada || !grace || !alan || !edsger) throw new Error('four seats expected');
    const wrongId = await facilitator.send({ type: 'removePlayers', playerIds: [alan.playerId, 'nobody'] });
    expect(codeOf(wrongId)).toBe('unknown-player');
    const removals = [alan.learner.next('removed'), edsger.learner.next('removed')];
    expect(expectOk(await facilitator.send({ type: 'removePlayers', playerIds: [alan.playerId, edsger.playerId] })).removed).toBe(2);
    await Promise.all(removals);
    const lobby = await facilitator.next('lobby', (message) => message.players.length === 2);
    expect(lobby.players.map((player) => player.name)).toEqual(['Ada', 'Grace']);
    expect(codeOf(await (await rig.client(url)).send({ type: 'attach', token: alan.token }))).toBe('unknown-token');

    // Locked: nobody new gets in, but Grace reloading her page keeps her seat.
    expectOk(await facilitator.send({ type: 'lockJoining', locked: true }));
    expect((await facilitator.next('session', (message) => message.joiningLocked === true)).joiningLocked).toBe(true);
    const locked = await fifth.send({ type: 'join', joinCode, name: 'Barbara' });
    expect(codeOf(locked)).toBe('joining-locked');
    expectOk(await (await rig.client(url)).send({ type: 'attach', token: grace.token }));
    expectOk(await facilitator.send({ type: 'lockJoining', locked: false }));
    expectOk(await fifth.send({ type: 'join', joinCode, name: 'Barbara' }));
    expect(ada).toBeDefined();
  });

  it('a burst of joins sends a few rosters, not one whole lobby per join to everyone', async () => {
    const { url } = await rig.server();
    const { facilitator, joinCode } = await rig.host(url, { ...settings, teamCount: 4 });
    const count = 40;
    const learners = await Promise.all(Array.from({ length: count }, () => rig.client(url)));
    const started = Date.now();
    await Promise.all(
      learners.map((learner, index) => learner.send({ type: 'join', joinCode, name: `Learner ${index + 1}` }).then(expectOk)),
    );
    const joiningTook = Date.now() - started;
    const final = await facilitator.next('lobby', (message) => message.players.length === count);
    const first = learners.find((learner) => learner.updates.some((message) => message.type === 'lobby' && message.players.length === 1));
    if (!first) throw new Error('nobody saw the lobby with one player');
    await first.next('lobby', (message) => message.players.length === count);

    const bytes = (message: ServerMessage) => Buffer.byteLength(JSON.stringify(message));
    const lobbies = first.updates.filter((message) => message.type === 'lobby');
    const received = lobbies.reduce((sum, message) => sum + bytes(message), 0);
    // What the first learner got before: the whole lobby again after every join.
    const everyJoin = Array.from({ length: count }, (_, size) => bytes({ ...final, players: final.players.slice(0, size + 1) })).reduce(
      (sum, size) => sum + size,
      0,
    );
    console.info(
      `lobby traffic to the first of ${count} learners: ${lobbies.length} rosters, ${received} bytes (one per join: ${count} rosters, ${everyJoin} bytes); joins took ${joiningTook} ms`,
    );
    expect(received).toBeLessThan(everyJoin / 4);
    // At most one roster per 500 ms, plus the one at the seat and the last.
    expect(lobbies.length).toBeLessThanOrEqual(3 + Math.ceil((Date.now() - started) / 500));
  });
});

describe('names', () => {
  it('are normalised and a name that looks like a classmate’s is refused, however it is spelled', async () => {
    const { url } = await rig.server();
    const { facilitator, joinCode } = await rig.host(url, settings);
    expectOk(await (await rig.client(url)).send({ type: 'join', joinCode, name: 'Ada' }));
    const impostor = await rig.client(url);
    const attempts = {
      fullWidth: 'ＡＤＡ',
      cyrillicA: '\u0410da',
      zeroWidth: 'A\u200bd\u200ba',
      rightToLeft: '\u202eAda\u202c',
      control: 'Ada\u0007',
      lowerCase: 'ada',
    };
    for (const [how, name] of Object.entries(attempts)) {
      const reply = await impostor.send({ type: 'join', joinCode, name });
      expect(codeOf(reply), how).toBe('name-taken');
    }
    const lookalike = await impostor.send({ type: 'join', joinCode, name: '\u0410da' });
    expect(lookalike.ok === false && lookalike.error.message).toMatch(/looks the same as "Ada"/);
    const invisible = await impostor.send({ type: 'join', joinCode, name: '\u200b\u2060\u3164' });
    expect(codeOf(invisible)).toBe('bad-message');

    expectOk(await impostor.send({ type: 'join', joinCode, name: 'Ａda\u200b Lovelace' }));
    const lobby = await facilitator.next('lobby', (message) => message.players.length === 2);
    expect(lobby.players.map((player) => player.name)).toEqual(['Ada', 'Ada Lovelace']);
  });
});
