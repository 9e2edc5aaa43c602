import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join as joinPath } from 'node:path';
import {
  type ClientMessage,
  classResultsSchema,
  type FACILITATOR_MESSAGES,
  type HostSettings,
  type ServerMessage,
  sessionLogSchema,
} from '@ttc/protocol';
import { applyCommand, createGame, findScenario, readFigures, STRATEGY_NAMES, stateHash } from '@ttc/sim';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readConfig } from '../config.js';
import { createServer } from '../create-server.js';
import { SqliteSessionStore } from '../storage/sqlite-session-store.js';
import { expectOk, TestClient } from '../test-support/classroom-client.js';
import { ManualTime, playHoursUntil } from '../test-support/manual-time.js';
import { type RunningServer, startTestServer, temporaryDatabase } from '../test-support/test-server.js';
import { lanAddresses } from './lan-addresses.js';
import { sessionResults } from './session-results.js';

let running: RunningServer;
const clients: TestClient[] = [];

beforeAll(async () => {
  running = await startTestServer();
});

/** Servers a test starts for itself (on manual time), closed with the file's. */
const servers: RunningServer[] = [];

afterAll(async () => {
  for (const client of clients) client.close();
  await running.server.close();
  for (const server of servers) await server.server.close();
});

async function client(url = running.url): Promise<TestClient> {
  const created = new TestClient(url);
  clients.push(created);
  await created.connected();
  return created;
}

const settings = (change: Partial<HostSettings> = {}): HostSettings => ({
  scenarioId: 'office-supplies',
  rounds: 2,
  ticksPerRound: 6,
  teamCount: 2,
  tickMs: 60_000,
  botsForEmptyTeams: true,
  seed: 5,
  ...change,
});

async function host(change: Partial<HostSettings> = {}) {
  const facilitator = await client();
  const reply = expectOk(await facilitator.send({ type: 'host', settings: settings(change) }));
  return {
    facilitator,
    sessionId: reply.sessionId,
    joinCode: reply.joinCode,
    facilitatorKey: reply.facilitatorKey,
  };
}

async function join(joinCode: string, name: string) {
  const player = await client();
  const reply = expectOk(await player.send({ type: 'join', joinCode, name }));
  return { player, token: reply.token, playerId: reply.playerId, team: reply.team };
}

function until(condition: () => boolean, timeoutMs = 30_000): Promise<void> {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const check = () => {
      if (condition()) resolve();
      else if (Date.now() - started > timeoutMs) reject(new Error('condition not met in time'));
      else setTimeout(check, 20);
    };
    check();
  });
}

describe('a whole class', () => {
  it('3 teams of 3 and a bot team play to the end; everyone saw their team decide; the result equals a replay of the log', async () => {
    const { facilitator, sessionId, joinCode, facilitatorKey } = await host({ teamCount: 4, tickMs: 100, rounds: 2, ticksPerRound: 6 });
    const seats = [];
    for (let index = 0; index < 9; index++) seats.push(await join(joinCode, `Player ${index + 1}`));
    // Balanced joining fills all four teams; the trainer moves everyone into teams 1–3.
    for (const [index, seat] of seats.entries()) {
      const team = Math.floor(index / 3);
      if (seat.team !== team) expectOk(await facilitator.send({ type: 'movePlayer', playerId: seat.playerId, team }));
      seat.team = team;
    }
    const lobby = await facilitator.next(
      'lobby',
      (message) => message.players.length === 9 && message.botTeams.includes(3) && message.players.every((player) => player.team < 3),
    );
    expect(lobby.botTeams).toEqual([3]);

    // Every player decides the card matching their seat on each board they see, so teammates race.
    const decidedByMe = new Map<string, number>();
    for (const [index, seat] of seats.entries()) {
      seat.player.socket.on('update', (message: ServerMessage) => {
        if (message.type === 'board' && message.board.phase === 'operations') {
          const card = message.board.cards[index % 3];
          if (card) {
            void seat.player
              .send({ type: 'decide', demandId: card.demand.id, decision: (['premium', 'no', 'accommodate'] as const)[index % 3] ?? 'no' })
              .then((reply) => {
                if (reply.ok) decidedByMe.set(seat.playerId, (decidedByMe.get(seat.playerId) ?? 0) + 1);
              });
          }
        }
        if (message.type === 'board' && message.board.phase === 'planning' && !message.board.planCommitted && index % 3 === 0) {
          void seat.player.send({
            type: 'commitPlan',
            plan: { build: ['rush-delivery'], retire: [], premiumPrices: {}, optionPrices: {}, hires: 0, restPercent: 10 },
          });
        }
      });
    }
    // From here on everyone is in their final team: no board of another team may reach them.
    const seenBeforeStart = new Map(seats.map((seat) => [seat.playerId, seat.player.updates.length]));
    expectOk(await facilitator.send({ type: 'start' }));
    await facilitator.next('session', (message) => message.phase === 'planning', 20_000);
    await until(() => (facilitator.latest('dashboard')?.teams ?? []).every((team) => team.planCommitted), 10_000);
    expectOk(await facilitator.send({ type: 'nextRound' }));
    await facilitator.next('session', (message) => message.status === 'ended', 20_000);

    const session = running.server.registry.get(sessionId);
    if (!session) throw new Error('session missing');
    // Let in-flight replies settle, then read the durable log.
    await session.serial(async () => undefined);
    const store = new SqliteSessionStore(running.databasePath, 'process', { lock: false });
    const log = await store.readLog(sessionId);
    await store.close();

    // Every player received every decision their team made, with who made it.
    for (const seat of seats) {
      const teamDecisions = log
        .filter((entry) => entry.command.type === 'decide' && entry.command.team === seat.team)
        .flatMap((entry) => (entry.command.type === 'decide' ? [entry.command.demandId] : []));
      const seenDecisions = () =>
        seat.player.updates.flatMap((message) =>
          message.type === 'decided' && message.team === seat.team && message.decision !== 'ignored' ? [message.demandId] : [],
        );
      // The last broadcasts may still be on the wire when the log is read.
      await until(() => seenDecisions().length >= teamDecisions.length, 10_000).catch(() => undefined);
      const seen = seenDecisions();
      expect(teamDecisions.length).toBeGreaterThan(0);
      expect(seen.sort()).toEqual(teamDecisions.sort());
      const names = new Set(
        seat.player.updates.flatMap((message) => (message.type === 'decided' && message.decision !== 'ignored' ? [message.by] : [])),
      );
      for (const name of names) expect(name).toMatch(/^Player \d$/);
      expect(seat.player.invalid).toEqual([]);
      const boardsSinceStart = seat.player.updates.slice(seenBeforeStart.get(seat.playerId)).filter((message) => message.type === 'board');
      expect(boardsSinceStart.length).toBeGreaterThan(0);
      expect(boardsSinceStart.every((message) => message.type === 'board' && message.board.team === seat.team)).toBe(true);
    }
    expect(log.some((entry) => entry.actor === 'bot' && entry.command.type === 'decide')).toBe(true);
    expect(log.filter((entry) => entry.command.type === 'commitPlan')).toHaveLength(4);

    // The final figures equal a replay of the stored log.
    const scenario = findScenario('office-supplies');
    if (!scenario) throw new Error('scenario missing');
    const replay = createGame({
      scenario,
      seed: 5,
      teams: 4,
      rounds: 2,
      ticksPerRound: 6,
      teamNames: ['Team 1', 'Team 2', 'Team 3', 'Team 4'],
    });
    for (const entry of log) expect(applyCommand(replay, entry.command).ok).toBe(true);
    expect(stateHash(replay.state)).toBe(stateHash(session.game.state));
    const response = await fetch(`${running.url}/api/sessions/${sessionId}/results.json?key=${facilitatorKey}`);
    expect(response.headers.get('content-disposition')).toMatch(/tame-the-chaos-class-[A-Z0-9]{6}-results\.json/);
    const results = classResultsSchema.parse(await response.json());
    const record = sessionLogSchema.parse(await (await fetch(`${running.url}/api/sessions/${sessionId}/log?key=${facilitatorKey}`)).json());
    expect(results).toEqual(sessionResults(record, scenario));
    const teamRows = results.rows.filter((row) => row.kind === 'team');
    expect(teamRows.at(-1)?.profit).toBe((readFigures(replay, 3)?.profitCents ?? 0) / 100);
    const csv = await fetch(`${running.url}/api/sessions/${sessionId}/results.csv?key=${facilitatorKey}`);
    expect(csv.headers.get('content-disposition')).toMatch(/tame-the-chaos-class-[A-Z0-9]{6}-results\.csv/);
    // Four teams and five benchmarks, two rounds each.
    expect((await csv.text()).trim().split('\n')).toHaveLength(1 + (4 + STRATEGY_NAMES.length) * 2);
    expect((await fetch(`${running.url}/api/sessions/${sessionId}/results.csv?key=wrong-key-wrong-key`)).status).toBe(404);
  }, 90_000);
});

describe('team play', () => {
  it('two players deciding the same demand at once: exactly one wins, the other hears "already decided"', async () => {
    const { facilitator, joinCode } = await host({ teamCount: 1, tickMs: 150 });
    const first = await join(joinCode, 'Ada');
    const second = await join(joinCode, 'Bilal');
    expectOk(await facilitator.send({ type: 'start' }));
    const board = await first.player.next('board', (message) => message.board.cards.length > 0);
    // A minute an hour: the card stays waiting while both answer (a paused class refuses decisions).
    expectOk(await facilitator.send({ type: 'setSpeed', tickMs: 60_000 }));
    const demandId = board.board.cards[0]?.demand.id ?? 0;
    const [a, b] = await Promise.all([
      first.player.send({ type: 'decide', demandId, decision: 'accommodate' }),
      second.player.send({ type: 'decide', demandId, decision: 'no' }),
    ]);
    const replies = [a, b];
    expect(replies.filter((reply) => reply.ok)).toHaveLength(1);
    const loser = replies.find((reply) => !reply.ok);
    expect(loser && !loser.ok && loser.error.code).toBe('already-decided');
    // Both saw the single decision and who made it.
    for (const seat of [first, second]) await seat.player.next('decided', (message) => message.demandId === demandId);
  });

  it('while the class is paused a decision is refused as "paused", and taken again once it resumes', async () => {
    const { facilitator, joinCode } = await host({ teamCount: 1, tickMs: 150 });
    const seat = await join(joinCode, 'Hana');
    expectOk(await facilitator.send({ type: 'start' }));
    const board = await seat.player.next('board', (message) => message.board.cards.length > 0);
    expectOk(await facilitator.send({ type: 'pause' }));
    expect((await seat.player.next('session', (message) => message.paused)).paused).toBe(true);
    const demandId = board.board.cards[0]?.demand.id ?? 0;
    const refused = await seat.player.send({ type: 'decide', demandId, decision: 'no' });
    expect(refused.ok === false && refused.error).toEqual({
      code: 'paused',
      message: 'Your trainer has paused the class: decide again when it resumes.',
    });
    expectOk(await facilitator.send({ type: 'setSpeed', tickMs: 60_000 }));
    expectOk(await facilitator.send({ type: 'resume' }));
    expectOk(await seat.player.send({ type: 'decide', demandId, decision: 'no' }));
  });

  it('a learner who reloads gets the team’s latest decisions back, with names; a new round starts a new feed', async () => {
    const { facilitator, joinCode } = await host({ teamCount: 1, tickMs: 150, ticksPerRound: 4 });
    const ada = await join(joinCode, 'Ada');
    const grace = await join(joinCode, 'Grace');
    expect((await ada.player.next('teamFeed')).decisions).toEqual([]);
    expectOk(await facilitator.send({ type: 'start' }));
    const board = await ada.player.next('board', (message) => message.board.cards.length > 0);
    expectOk(await facilitator.send({ type: 'setSpeed', tickMs: 60_000 }));
    const card = board.board.cards[0];
    if (!card) throw new Error('a card was waiting');
    expectOk(await grace.player.send({ type: 'decide', demandId: card.demand.id, decision: 'accommodate' }));
    ada.player.close();
    const again = await client();
    expectOk(await again.send({ type: 'attach', token: ada.token }));
    const feed = await again.next('teamFeed');
    expect(feed.team).toBe(0);
    expect(feed.decisions).toEqual([expect.objectContaining({ by: 'Grace', decision: 'accommodate', customerName: card.customerName })]);
    expect(feed.decisions[0]?.categoryName).toBe(card.categoryName);
    // Planning, then the next round: its feed starts empty.
    expectOk(await facilitator.send({ type: 'setSpeed', tickMs: 100 }));
    await facilitator.next('session', (message) => message.phase === 'planning');
    expectOk(await facilitator.send({ type: 'nextRound' }));
    const later = await client();
    expectOk(await later.send({ type: 'attach', token: grace.token }));
    expect((await later.next('teamFeed')).decisions).toEqual([]);
  });

  it('a join code typed as the projector shows it is accepted; a wrong character is named', async () => {
    const { joinCode } = await host();
    const typed = `${joinCode.slice(0, 3)} ${joinCode.slice(3)}`.toLowerCase();
    const seat = await client();
    expect(expectOk(await seat.send({ type: 'join', joinCode: typed, name: 'Ines' })).team).toBe(0);
    const wrong = await seat.send({ type: 'join', joinCode: `${joinCode.slice(0, 5)}O`, name: 'Jo' });
    expect(wrong.ok === false && wrong.error.code).toBe('bad-message');
    expect(wrong.ok === false && wrong.error.message).toMatch(/^joinCode: “O”, the 6th character, is never in a join code/);
  });

  it('hosting on a localhost link offers the machine’s LAN addresses for learners’ devices, when it listens on them', async () => {
    // This server listens on 127.0.0.1 only: no other device could open a LAN link.
    const local = expectOk(await (await client()).send({ type: 'host', settings: settings() }));
    expect(local.joinUrl).toMatch(/^http:\/\/localhost:/);
    expect(local.lanJoinUrls).toEqual([]);
    // A server listening on every interface (HOST=0.0.0.0, the default) offers each address.
    const config = readConfig({
      PORT: '0',
      HOST: '0.0.0.0',
      STATIC_DIR: tmpdir(),
      LOG_LEVEL: 'silent',
      DATABASE_PATH: joinPath(mkdtempSync(joinPath(tmpdir(), 'ttc-lan-')), 'db'),
    });
    if (!config.ok) throw new Error(config.message);
    const open = createServer(config.config, pino({ level: 'silent' }));
    const port = await open.listen();
    try {
      const facilitator = new TestClient(`http://127.0.0.1:${port}`);
      clients.push(facilitator);
      await facilitator.connected();
      const reply = expectOk(await facilitator.send({ type: 'host', settings: settings() }));
      expect(reply.lanJoinUrls).toEqual(lanAddresses().map((address) => `http://${address}:${port}/?join=${reply.joinCode}`));
      const again = new TestClient(`http://127.0.0.1:${port}`);
      clients.push(again);
      await again.connected();
      const attached = expectOk(
        await again.send({ type: 'attachFacilitator', sessionId: reply.sessionId, facilitatorKey: reply.facilitatorKey }),
      );
      expect(attached.lanJoinUrls).toEqual(reply.lanJoinUrls);
      facilitator.close();
      again.close();
    } finally {
      await open.close();
    }
  });

  it('a player asks for the previews of a selected card; boards carry none', async () => {
    const { facilitator, joinCode } = await host({ teamCount: 1, tickMs: 150 });
    const seat = await join(joinCode, 'Ines');
    expectOk(await facilitator.send({ type: 'start' }));
    const board = await seat.player.next('board', (message) => message.board.cards.length > 0);
    expectOk(await facilitator.send({ type: 'pause' }));
    const card = board.board.cards[0];
    if (!card) throw new Error('a card was waiting');
    expect('previews' in card).toBe(false);
    const { previews } = expectOk(await seat.player.send({ type: 'preview', demandId: card.demand.id }));
    expect(Object.keys(previews).sort()).toEqual(['accommodate', 'ignored', 'no', 'option', 'premium']);
    expect(previews.option.available).toBe(false);
    const missing = await seat.player.send({ type: 'preview', demandId: 99_999 });
    expect(missing.ok === false && missing.error.code).toBe('rejected');
  });

  it('empty or duplicate names get a clear message', async () => {
    const { joinCode } = await host();
    await join(joinCode, 'Chloé');
    const other = await client();
    const duplicate = await other.send({ type: 'join', joinCode, name: ' chloé ' });
    expect(duplicate.ok === false && duplicate.error.code).toBe('name-taken');
    const empty = await other.send({ type: 'join', joinCode, name: '   ' });
    expect(empty.ok === false && empty.error.code).toBe('bad-message');
  });

  it('a reconnecting player gets the same seat and the current board back', async () => {
    const { facilitator, joinCode } = await host({ teamCount: 2 });
    const seat = await join(joinCode, 'Dev');
    expectOk(await facilitator.send({ type: 'start' }));
    seat.player.close();
    const again = await client();
    const reply = expectOk(await again.send({ type: 'attach', token: seat.token }));
    expect(reply).toMatchObject({ playerId: seat.playerId, team: seat.team, name: 'Dev' });
    const board = await again.next('board');
    expect(board.board.team).toBe(seat.team);
    expect((await again.next('session')).status).toBe('running');
  });

  it('the facilitator hears the session every tick; players when something they act on changes, and the tick from their board', async () => {
    // On the server's own time: five hours are played by the test, not waited for.
    const time = new ManualTime();
    const timed = await startTestServer({}, temporaryDatabase(), { time });
    servers.push(timed);
    const facilitator = await client(timed.url);
    const { joinCode } = expectOk(
      await facilitator.send({ type: 'host', settings: settings({ teamCount: 1, tickMs: 100, ticksPerRound: 48 }) }),
    );
    const seat = await client(timed.url);
    expectOk(await seat.send({ type: 'join', joinCode, name: 'Femi' }));
    expectOk(await facilitator.send({ type: 'start' }));
    await playHoursUntil(time, 100, facilitator, (message) => message.tick >= 5);
    await seat.next('board', (message) => message.board.tick >= 5);
    expectOk(await facilitator.send({ type: 'pause' }));
    const paused = await seat.next('session', (message) => message.paused);
    expect(paused.status).toBe('running');
    const sessions = (client: TestClient) => client.updates.filter((message) => message.type === 'session');
    // Seated in the lobby, then started, then paused: three, however many ticks passed.
    expect(sessions(seat).map((message) => [message.status, message.paused])).toEqual([
      ['lobby', false],
      ['running', false],
      ['running', true],
    ]);
    expect(sessions(facilitator).length).toBeGreaterThanOrEqual(sessions(seat).length + 4);
    expect(seat.latest('board')?.board.tick).toBe(paused.tick);
  });
});

describe('authorisation', () => {
  it('refuses every control message from a player, and from a socket that is not attached', async () => {
    const { joinCode } = await host();
    const seat = await join(joinCode, 'Eve');
    const stranger = await client();
    const controls: Record<(typeof FACILITATOR_MESSAGES)[number], ClientMessage> = {
      start: { type: 'start' },
      pause: { type: 'pause' },
      resume: { type: 'resume' },
      setSpeed: { type: 'setSpeed', tickMs: 500 },
      nextRound: { type: 'nextRound' },
      injectEvent: { type: 'injectEvent', target: 'all', eventId: 'flu-season' },
      movePlayer: { type: 'movePlayer', playerId: seat.playerId, team: 1 },
      removePlayer: { type: 'removePlayer', playerId: seat.playerId },
      removePlayers: { type: 'removePlayers', playerIds: [seat.playerId] },
      lockJoining: { type: 'lockJoining', locked: true },
      end: { type: 'end' },
    };
    for (const message of Object.values(controls)) {
      const asPlayer = await seat.player.send(message);
      expect(asPlayer.ok === false && asPlayer.error.code).toBe('forbidden');
      const asStranger = await stranger.send(message);
      expect(asStranger.ok === false && asStranger.error.code).toBe('not-attached');
    }
  });

  it('refuses a wrong facilitator key and a player message from the facilitator', async () => {
    const { facilitator, sessionId } = await host();
    const other = await client();
    const wrong = await other.send({ type: 'attachFacilitator', sessionId, facilitatorKey: 'not-the-key-not-the-key' });
    expect(wrong.ok === false && wrong.error.code).toBe('unknown-session');
    const decide = await facilitator.send({ type: 'decide', demandId: 1, decision: 'no' });
    expect(decide.ok === false && decide.error.code).toBe('forbidden');
  });

  it('refuses a client speaking another protocol version at connect', async () => {
    const old = new TestClient(running.url, { protocolVersion: 0, reconnection: false });
    clients.push(old);
    await expect(old.connected()).rejects.toThrow(/protocol-version/);
  });

  it('a removed player loses the seat', async () => {
    const { facilitator, joinCode } = await host();
    const seat = await join(joinCode, 'Femi');
    const removed = seat.player.next('removed');
    expectOk(await facilitator.send({ type: 'removePlayer', playerId: seat.playerId }));
    await removed;
    const again = await client();
    const reply = await again.send({ type: 'attach', token: seat.token });
    expect(reply.ok === false && reply.error.code).toBe('unknown-token');
  });
});
