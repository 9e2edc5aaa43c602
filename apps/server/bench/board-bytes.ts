// What a learner's device receives and decodes for its team's board: whole boards every hour
// (as before 2026-11-30) against numbered patches (board-patch.ts in the protocol). A script,
// not a test. Run from apps/server:
//   npx tsx --conditions=source bench/board-bytes.ts [--minutes 3] [--decode-rounds 20]
// A class as bench-peers plays it: 5 teams, an hour a second, 16 hours a round, the trainer
// starting each round at once, and the team answering a waiting card about every 5 s per member
// (6 members: 1.2 a second). The boards are built by the server's own code (trimmedBoard, the
// publisher's numbering through boardPatch) and framed as socket.io frames them
// (`42["update",…]`). Decoding is timed (process CPU time) as a phone's connection does it: JSON.parse, then the
// protocol's schema, then (for patches) rebuilding the whole board.
import { parseArgs } from 'node:util';
import { type Board, BoardHolder, type BoardMessage, boardPatch, boardSchema, parseServerPush } from '@ttc/protocol';
import { applyCommand, createGame, findScenario, type Scenario } from '@ttc/sim';
import { trimmedBoard } from '../src/classroom/session/session-messages.js';

const { values } = parseArgs({
  options: {
    minutes: { type: 'string', default: '3' },
    'decode-rounds': { type: 'string', default: '20' },
    team: { type: 'string', default: '0' },
  },
});
const MINUTES = Number(values.minutes);
const DECODE_ROUNDS = Number(values['decode-rounds']);
const TEAM = Number(values.team);
const DECISIONS_PER_HOUR = 6 / 5;

const scenario = findScenario('office-supplies') as Scenario;
const game = createGame({ scenario, seed: 1, teams: 5, rounds: 12, ticksPerRound: 16 });
const frame = (message: unknown): string => `42${JSON.stringify(['update', message])}`;

const whole: string[] = [];
const patched: string[] = [];
let last: BoardMessage | undefined;
const send = (): void => {
  const board = trimmedBoard(game, TEAM) as Board;
  whole.push(frame({ type: 'board', board }));
  const version = (last?.version ?? 0) + 1;
  const patch = last && boardPatch(last.board, board);
  patched.push(frame(last && patch ? { type: 'board', version, base: last.version, board: patch } : { type: 'board', version, board }));
  last = { type: 'board', version, board };
};

// One hour a second for MINUTES: the decisions of the second (their board rides the next tick,
// as the server's deferred board does when a tick is due within the second), then the tick.
let owed = 0;
send();
for (let second = 0; second < MINUTES * 60; second++) {
  if (game.state.phase === 'planning') {
    applyCommand(game, { type: 'startRound' });
    send();
  }
  for (owed += DECISIONS_PER_HOUR; owed >= 1; owed--) {
    const card = game.state.teams[TEAM]?.demands[0];
    if (card) applyCommand(game, { type: 'decide', team: TEAM, demandId: card.id, decision: 'accommodate' });
  }
  applyCommand(game, { type: 'tick' });
  send();
}

const bytes = (frames: readonly string[]) => frames.reduce((sum, text) => sum + Buffer.byteLength(text), 0);

/** Median CPU time per message (µs) over DECODE_ROUNDS passes over all the frames, and the same for JSON.parse alone. */
function timeDecode(frames: readonly string[], decode: (text: string) => void): { full: number; jsonOnly: number } {
  const perPass = (work: (text: string) => void) => {
    const samples: number[] = [];
    for (let pass = 0; pass < DECODE_ROUNDS; pass++) {
      // CPU time, not the wall clock: on a shared machine the wall clock also counts waiting for a core.
      const started = process.cpuUsage();
      for (const text of frames) work(text);
      const used = process.cpuUsage(started);
      samples.push((used.user + used.system) / frames.length);
    }
    return samples.sort((a, b) => a - b)[Math.floor(samples.length / 2)] ?? 0;
  };
  perPass(decode); // warm-up
  return { full: perPass(decode), jsonOnly: perPass((text) => JSON.parse(text.slice(2))) };
}

const wholeDecode = timeDecode(whole, (text) => {
  // The message as it was before patches: { type: 'board', board } (no version), parsed with the board's schema.
  const [, payload] = JSON.parse(text.slice(2)) as [string, { board: unknown }];
  if (!boardSchema.safeParse(payload.board).success) throw new Error('a whole board does not parse');
});
let holder = new BoardHolder();
const patchDecode = timeDecode(patched, (text) => {
  const [, payload] = JSON.parse(text.slice(2)) as [string, unknown];
  const parsed = parseServerPush(payload);
  if (parsed?.type !== 'board') throw new Error('a board does not parse');
  if (!('base' in parsed)) holder = new BoardHolder(); // each pass starts again from the first whole board
  if (holder.receive(parsed).kind !== 'board') throw new Error('a patch does not follow');
});

const perMinute = (value: number) => Math.round(value / MINUTES);
const row = (name: string, frames: readonly string[], decode: { full: number; jsonOnly: number }) =>
  `| ${name} | ${frames.length} | ${Math.round(bytes(frames) / frames.length)} | ${(perMinute(bytes(frames)) / 1024).toFixed(1)} kB | ${decode.jsonOnly.toFixed(1)} µs | ${decode.full.toFixed(1)} µs | ${((perMinute(frames.length) * decode.full) / 1000).toFixed(1)} ms |`;
console.log(`team ${TEAM} of 5, ${MINUTES} min at an hour a second, 16 hours a round, ${DECISIONS_PER_HOUR} decisions a second per team`);
console.log(
  '| boards | messages | mean bytes | bytes per learner per minute | JSON.parse per message (median) | decode per message, parse + schema (+ patch) | decode per learner per minute |',
);
console.log('| --- | --- | --- | --- | --- | --- | --- |');
console.log(row('whole every time', whole, wholeDecode));
console.log(row('patches after a whole one', patched, patchDecode));
console.log(`whole boards among the patched: ${patched.filter((text) => !text.includes('"base"')).length}`);
