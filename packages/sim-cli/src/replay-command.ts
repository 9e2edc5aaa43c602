import { type GameLog, gameLogSchema, replayLog, stateHash } from '@ttc/sim';
import { CliError } from './cli-error.js';
import { formatSummary, summarise } from './game-summary.js';
import { readText } from './load-scenario.js';

export interface ReplayOptions {
  log: string;
  json?: boolean;
}

export function readGameLog(file: string): GameLog {
  let data: unknown;
  try {
    data = JSON.parse(readText(file));
  } catch (error) {
    if (error instanceof CliError) throw error;
    throw new CliError(`${file} is not JSON: ${(error as Error).message}`, 1);
  }
  const parsed = gameLogSchema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new CliError(`${file} is not a game log: ${issue ? `${issue.path.join('.') || '(top)'}: ${issue.message}` : 'unreadable'}`, 1);
  }
  return parsed.data;
}

/** `replay`: re-simulates a log and prints its final figures and state hash. */
export function replayCommand(options: ReplayOptions): string {
  const log = readGameLog(options.log);
  const result = replayLog(log);
  if (!result.ok) {
    throw new CliError(
      `${options.log}: command ${result.index + 1} was rejected on replay (${result.rejection.code}: ${result.rejection.reason})`,
      1,
    );
  }
  const hash = stateHash(result.game.state);
  const summary = {
    ...summarise(result.game, 'replay', 0, hash),
    ...(log.finalHash ? { recordedHash: log.finalHash, matches: log.finalHash === hash } : {}),
  };
  if (options.json) return JSON.stringify(summary);
  const verdict = log.finalHash ? `\n  recorded hash   ${log.finalHash} (${log.finalHash === hash ? 'matches' : 'DIFFERS'})` : '';
  return formatSummary(summary, result.game.scenario.currency) + verdict;
}
