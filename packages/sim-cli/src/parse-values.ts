import { MAX_TEAMS } from '@ttc/sim';
import { CliError } from './cli-error.js';

const MAX_SEED = 2 ** 31 - 1;

function parseWhole(text: string, what: string, min: number, max: number): number {
  if (!/^\d+$/.test(text.trim())) throw new CliError(`${what} must be a whole number from ${min} to ${max}, got "${text}"`);
  const value = Number(text);
  if (value < min || value > max) throw new CliError(`${what} must be from ${min} to ${max}, got ${value}`);
  return value;
}

export function parseSeed(text: string | undefined): number {
  if (text === undefined) throw new CliError('missing --seed <n>');
  return parseWhole(text, '--seed', 0, MAX_SEED);
}

export function parseTeams(text: string): number {
  return parseWhole(text, '--teams', 1, MAX_TEAMS);
}

/** `from..to`, inclusive, at most 10 000 seeds. */
export function parseSeedRange(text: string | undefined): number[] {
  const match = /^(\d+)\.\.(\d+)$/.exec(text ?? '');
  if (!match) throw new CliError(`--seeds must look like 1..50, got "${text ?? ''}"`);
  const from = parseWhole(match[1] as string, 'first seed', 0, MAX_SEED);
  const to = parseWhole(match[2] as string, 'last seed', 0, MAX_SEED);
  if (to < from) throw new CliError(`--seeds ${text}: the last seed is before the first`);
  if (to - from >= 10_000) throw new CliError(`--seeds ${text}: at most 10000 seeds at once`);
  return Array.from({ length: to - from + 1 }, (_, index) => from + index);
}

/** A game length from --rounds and --ticks; each omitted one keeps the scenario's own. */
export function parseLength(
  scenario: { rounds: number; ticksPerRound: number },
  rounds: string | undefined,
  ticks: string | undefined,
): { rounds: number; ticksPerRound: number } {
  return {
    rounds: rounds === undefined ? scenario.rounds : parseWhole(rounds, '--rounds', 1, 20),
    ticksPerRound: ticks === undefined ? scenario.ticksPerRound : parseWhole(ticks, '--ticks', 4, 48),
  };
}
