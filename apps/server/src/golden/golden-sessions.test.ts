import { readFileSync } from 'node:fs';
import { checkpointMismatches, replayIndexOfSessionLog } from '@ttc/protocol';
import { findScenario } from '@ttc/sim';
import { afterAll, describe, expect, it } from 'vitest';
import { GOLDEN_SESSIONS_FORMAT, type GoldenSession, playBotClass, roundEndHashes } from '../test-support/golden-sessions.js';
import { ManualTime } from '../test-support/manual-time.js';
import { TestRig } from '../test-support/test-rig.js';

// Classroom sessions recorded before a refactoring of the session (scripts/record-golden-sessions.ts)
// replay to the same states after it, and the bot class played again gives the same record.

const recorded = JSON.parse(readFileSync(new URL('./golden-sessions.json', import.meta.url), 'utf8')) as {
  format: string;
  sessions: GoldenSession[];
};

const rig = new TestRig();
afterAll(() => rig.close());

const entriesOf = (session: GoldenSession) => session.log.entries.map(({ seq, tick, actor, command }) => ({ seq, tick, actor, command }));

describe('golden classroom sessions', () => {
  it('hold a class of bots and a class of players and bots with plans, an event and an early end', () => {
    expect(recorded.format).toBe(GOLDEN_SESSIONS_FORMAT);
    const mixed = recorded.sessions.find((session) => session.name.startsWith('players'));
    const kinds = new Set(
      mixed?.log.entries.map(
        (entry) => `${['bot', 'clock', 'facilitator'].includes(entry.actor) ? entry.actor : 'player'}:${entry.command.type}`,
      ),
    );
    for (const kind of [
      'player:decide',
      'bot:decide',
      'player:commitPlan',
      'bot:commitPlan',
      'facilitator:injectEvent',
      'facilitator:startRound',
    ])
      expect(kinds.has(kind), kind).toBe(true);
    expect(mixed?.checkpoints.at(-1)?.reason).toBe('session-end');
  });

  for (const session of recorded.sessions) {
    it(`${session.name}: replays to the checkpoints the live session wrote, and to the recorded hashes`, () => {
      const scenario = findScenario(session.log.scenarioId);
      if (!scenario) throw new Error('scenario missing');
      expect(checkpointMismatches(replayIndexOfSessionLog(session.log, scenario), session.checkpoints)).toEqual([]);
      expect(roundEndHashes(session.log)).toEqual(session.hashes);
    });
  }

  it('a class of bots played again on today’s server gives the same record, entry for entry, and the same checkpoints', async () => {
    const golden = recorded.sessions.find((session) => session.name === 'bots only');
    if (!golden) throw new Error('the bot class is missing');
    const time = new ManualTime();
    const { url } = await rig.server(undefined, {}, { time });
    const again = await playBotClass(rig, url, time);
    expect(entriesOf(again)).toEqual(entriesOf(golden));
    expect(again.checkpoints).toEqual(golden.checkpoints);
    expect(again.hashes).toEqual(golden.hashes);
  });
});
