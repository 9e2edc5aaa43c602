import { GAME_LOG_FORMAT, type Game, type GameLog, gameLogSchema, replayLog, stateHash } from '@ttc/sim';

// A solo game's replay file: the debrief writes it, a trainer opens it in the replay viewer.
// Nothing in a file is trusted: it must be our format, valid, replay without a refused
// command, and end on the state hash it records.

export type SoloFileResult = { ok: true; log: GameLog & { finalHash: string }; game: Game } | { ok: false; error: string };

/** A file name that says what is inside: tame-the-chaos-solo-<scenario>-<seed>.json. */
export function soloReplayFileName(scenarioId: string, seed: number): string {
  const safe = scenarioId.replace(/[^a-z0-9-]+/gi, '-').toLowerCase();
  return `tame-the-chaos-solo-${safe}-${seed}.json`;
}

/** The file's text, as written for the player to send to a trainer. */
export function soloReplayFileText(log: GameLog): string {
  return JSON.stringify(log);
}

export const SOLO_FILE_ERRORS = {
  notJson: 'This file is not a replay file: it is not JSON text.',
  otherFormat: 'This file is not a Tame the Chaos replay file. Export one from the debrief of a solo game.',
  newerVersion: 'This replay file was written by a newer version of the game and cannot be opened here.',
  noHash: 'This replay file has no final state hash, so it cannot be checked. Export it again from the debrief.',
  wrongEnd: 'This replay file has been altered: replaying it does not end in the state it records.',
} as const;

/** Reads a replay file's text; every refusal is one sentence a trainer can act on. */
export function readSoloReplayFile(text: string): SoloFileResult {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { ok: false, error: SOLO_FILE_ERRORS.notJson };
  }
  if (!data || typeof data !== 'object' || (data as { format?: unknown }).format !== GAME_LOG_FORMAT)
    return { ok: false, error: SOLO_FILE_ERRORS.otherFormat };
  const version = (data as { version?: unknown }).version;
  if (typeof version === 'number' && version > 1) return { ok: false, error: SOLO_FILE_ERRORS.newerVersion };
  const parsed = gameLogSchema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue && issue.path.length > 0 ? ` at ${issue.path.join('.')}` : '';
    return { ok: false, error: `This replay file is damaged${where}: ${issue?.message ?? 'it does not match the format'}.` };
  }
  const log = parsed.data;
  if (log.finalHash === undefined) return { ok: false, error: SOLO_FILE_ERRORS.noHash };
  const replayed = replayLog(log);
  if (!replayed.ok)
    return {
      ok: false,
      error: `This replay file has been altered: command ${replayed.index + 1} of ${log.commands.length} cannot happen in that game (${replayed.rejection.reason}).`,
    };
  if (stateHash(replayed.game.state) !== log.finalHash) return { ok: false, error: SOLO_FILE_ERRORS.wrongEnd };
  return { ok: true, log: { ...log, finalHash: log.finalHash }, game: replayed.game };
}
