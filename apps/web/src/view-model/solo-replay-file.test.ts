import { createStrategy, findScenario, gameLogOf, playGame, type Scenario, stateHash } from '@ttc/sim';
import { describe, expect, it } from 'vitest';
import { readSoloReplayFile, SOLO_FILE_ERRORS, soloReplayFileName, soloReplayFileText } from './solo-replay-file';

const office = findScenario('office-supplies') as Scenario;

/** A short solo game a strategy played, written as the debrief writes it. */
function soloFile(): string {
  const { game, commands } = playGame({ scenario: office, seed: 5, teams: 1, rounds: 2, ticksPerRound: 6, teamNames: ['You'] }, [
    createStrategy('strategist', 5),
  ]);
  return soloReplayFileText(gameLogOf(game, commands, stateHash(game.state)));
}

const edited = (text: string, change: (data: Record<string, unknown>) => void) => {
  const data = JSON.parse(text) as Record<string, unknown>;
  change(data);
  return JSON.stringify(data);
};

describe('solo replay files', () => {
  const text = soloFile();

  it('names the file after the scenario and the seed', () => {
    expect(soloReplayFileName('office-supplies', 42)).toBe('tame-the-chaos-solo-office-supplies-42.json');
    expect(soloReplayFileName('My shop!', 7)).toBe('tame-the-chaos-solo-my-shop--7.json');
  });

  it('opens a file the debrief wrote and replays it to its recorded end', () => {
    const result = readSoloReplayFile(text);
    expect(result.ok).toBe(true);
    if (result.ok) {
      expect(result.game.state.phase).toBe('ended');
      expect(stateHash(result.game.state)).toBe(result.log.finalHash);
    }
  });

  it('refuses text that is not JSON, another format or a newer version', () => {
    expect(readSoloReplayFile('not json {')).toEqual({ ok: false, error: SOLO_FILE_ERRORS.notJson });
    expect(readSoloReplayFile('{"sessionId":"abc","entries":[]}')).toEqual({ ok: false, error: SOLO_FILE_ERRORS.otherFormat });
    expect(readSoloReplayFile('[1,2]')).toEqual({ ok: false, error: SOLO_FILE_ERRORS.otherFormat });
    expect(readSoloReplayFile(edited(text, (data) => (data.version = 2)))).toEqual({ ok: false, error: SOLO_FILE_ERRORS.newerVersion });
  });

  it('says where a damaged file breaks the format', () => {
    const result = readSoloReplayFile(edited(text, (data) => (data.seed = 'five')));
    expect(result).toEqual({ ok: false, error: expect.stringMatching(/^This replay file is damaged at seed: /) });
  });

  it('refuses a file without its final hash', () => {
    expect(readSoloReplayFile(edited(text, (data) => delete data.finalHash))).toEqual({ ok: false, error: SOLO_FILE_ERRORS.noHash });
  });

  it('refuses a changed hash and a changed command', () => {
    expect(readSoloReplayFile(edited(text, (data) => (data.finalHash = '0123456789abcdef')))).toEqual({
      ok: false,
      error: SOLO_FILE_ERRORS.wrongEnd,
    });
    // Another answer to one demand: the game goes on differently and ends elsewhere.
    const changed = edited(text, (data) => {
      const commands = data.commands as { type: string; decision?: string }[];
      const decide = commands.find((command) => command.type === 'decide' && command.decision !== 'no');
      if (decide) decide.decision = 'no';
    });
    expect(readSoloReplayFile(changed)).toEqual({ ok: false, error: SOLO_FILE_ERRORS.wrongEnd });
    // A decision about a demand that never existed cannot happen at all.
    const impossible = edited(text, (data) => {
      (data.commands as unknown[]).splice(1, 0, { type: 'decide', team: 0, demandId: 99999, decision: 'accommodate' });
    });
    expect(readSoloReplayFile(impossible)).toEqual({
      ok: false,
      error: expect.stringMatching(/^This replay file has been altered: command 2 of \d+ cannot happen in that game \(/),
    });
  });
});
