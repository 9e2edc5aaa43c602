import {
  type Checkpoint,
  type HostSettings,
  type Plan,
  replayBundleSchema,
  replaySessionLog,
  type ServerMessage,
  type SessionLog,
} from '@ttc/protocol';
import { findScenario, stateHash } from '@ttc/sim';
import { expectOk, type TestClient } from './classroom-client.js';
import { type ManualTime, playHoursUntil } from './manual-time.js';
import type { TestRig } from './test-rig.js';

// Golden classroom sessions: played on a real server before a refactoring of the session
// (`npm run record-golden -w @ttc/server` writes golden-sessions.json), replayed after it. The
// bot class is deterministic (every team a bot, the event injected before the start), so it is
// played again on today's server and must give the same record; the mixed class (players and
// bots, plans, an event, an early end) depends on timing and is replayed from its record.

export const GOLDEN_SESSIONS_FORMAT = 'tame-the-chaos/golden-sessions';

/** A recorded session: its record, the checkpoints the live session wrote, and hashes at every round's end and at the end. */
export interface GoldenSession {
  name: string;
  log: SessionLog;
  checkpoints: Checkpoint[];
  /** Hashes of the replayed record after the entry with this seq. */
  hashes: { seq: number; reason: 'round-end' | 'end'; hash: string }[];
}

export const BOT_CLASS: HostSettings = {
  scenarioId: 'office-supplies',
  rounds: 2,
  ticksPerRound: 6,
  teamCount: 3,
  tickMs: 100,
  botsForEmptyTeams: true,
  seed: 17,
};

const MIXED_CLASS: HostSettings = {
  scenarioId: 'shoe-store',
  rounds: 3,
  ticksPerRound: 6,
  teamCount: 3,
  tickMs: 250,
  botsForEmptyTeams: true,
  seed: 23,
};

async function bundleOf(url: string, sessionId: string, key: string) {
  const response = await fetch(`${url}/api/sessions/${sessionId}/replay?key=${key}`);
  return replayBundleSchema.parse(await response.json());
}

/** The hashes of a record replayed, after every round's end and at the end. */
export function roundEndHashes(log: SessionLog): GoldenSession['hashes'] {
  const scenario = findScenario(log.scenarioId);
  if (!scenario) throw new Error(`no scenario ${log.scenarioId}`);
  const hashes: GoldenSession['hashes'] = [];
  const game = replaySessionLog(log, scenario, (step) => {
    if (step.before.phase === 'operations' && step.game.state.phase !== 'operations')
      hashes.push({ seq: step.position, reason: 'round-end', hash: stateHash(step.game.state) });
  });
  hashes.push({ seq: log.entries.length, reason: 'end', hash: stateHash(game.state) });
  return hashes;
}

/**
 * Every team a bot, the event injected in the lobby: the same record every time. With `time`
 * (a server on manual time) the test plays the hours itself; without, the real clock does.
 */
export async function playBotClass(rig: TestRig, url: string, time?: ManualTime): Promise<GoldenSession> {
  const { facilitator, sessionId, key } = await rig.host(url, BOT_CLASS);
  const until = (match: (session: { phase: string; status: string }) => boolean) =>
    time ? playHoursUntil(time, BOT_CLASS.tickMs, facilitator, match) : facilitator.next('session', match, 30_000);
  expectOk(await facilitator.send({ type: 'injectEvent', target: 'all', eventId: 'flu-season' }));
  expectOk(await facilitator.send({ type: 'start' }));
  await until((message) => message.phase === 'planning');
  expectOk(await facilitator.send({ type: 'nextRound' }));
  await until((message) => message.status === 'ended');
  const { log, checkpoints } = await bundleOf(url, sessionId, key);
  return { name: 'bots only', log, checkpoints, hashes: roundEndHashes(log) };
}

const plan = (build: string[], hires: number, restPercent: number): Plan => ({
  build,
  retire: [],
  premiumPrices: {},
  optionPrices: {},
  hires,
  restPercent,
});

/** Players decide the card of their seat on every board of their team. */
function decideOnBoards(player: TestClient, seat: number): void {
  player.socket.on('update', (message: ServerMessage) => {
    if (message.type !== 'board' || message.board.phase !== 'operations') return;
    const card = message.board.cards[seat];
    if (card)
      void player.send({
        type: 'decide',
        demandId: card.demand.id,
        decision: (['premium', 'no', 'accommodate'] as const)[seat % 3] ?? 'no',
      });
  });
}

/** Two teams of players and a bot team; plans, an event in round 2, and the trainer ends it in round 3. */
export async function playMixedClass(rig: TestRig, url: string): Promise<GoldenSession> {
  const { facilitator, sessionId, joinCode, key } = await rig.host(url, MIXED_CLASS);
  const seats: { player: TestClient; team: number }[] = [];
  for (const [index, name] of ['Ada', 'Grace', 'Alan'].entries()) {
    const player = await rig.client(url);
    const joined = expectOk(await player.send({ type: 'join', joinCode, name }));
    const team = index < 2 ? 0 : 1;
    if (joined.team !== team) expectOk(await facilitator.send({ type: 'movePlayer', playerId: String(joined.playerId), team }));
    seats.push({ player, team });
    decideOnBoards(player, index);
  }
  expectOk(await facilitator.send({ type: 'start' }));
  await facilitator.next('session', (message) => message.phase === 'planning' && message.round === 1, 30_000);
  const [ada, , alan] = seats;
  if (!ada || !alan) throw new Error('three seats expected');
  expectOk(await ada.player.send({ type: 'commitPlan', plan: plan(['rush-shipping'], 1, 10) }));
  expectOk(await alan.player.send({ type: 'commitPlan', plan: plan([], 0, 20) }));
  expectOk(await facilitator.send({ type: 'nextRound' }));
  await facilitator.next('session', (message) => message.round === 2 && message.tick >= 2, 30_000);
  expectOk(await facilitator.send({ type: 'injectEvent', target: 0, eventId: 'warehouse-flood' }));
  await facilitator.next('session', (message) => message.phase === 'planning' && message.round === 2, 30_000);
  expectOk(await ada.player.send({ type: 'commitPlan', plan: plan(['size-advice'], 0, 0) }));
  expectOk(await facilitator.send({ type: 'nextRound' }));
  await facilitator.next('session', (message) => message.round === 3 && message.tick >= 2, 30_000);
  expectOk(await facilitator.send({ type: 'end' }));
  const { log, checkpoints } = await bundleOf(url, sessionId, key);
  return { name: 'players and bots, ended early', log, checkpoints, hashes: roundEndHashes(log) };
}
