#!/usr/bin/env node
import { parseArgs } from 'node:util';
import { DEFAULT_SCENARIO_ID } from '@ttc/sim';
import { balanceCommand } from './balance-command.js';
import { CliError } from './cli-error.js';
import { playCommand } from './play-command.js';
import { replayCommand } from './replay-command.js';
import { validateCommand } from './validate-command.js';

export const USAGE = `Tame the Chaos — headless simulation

Usage: npm run sim -- <command> [options]

  play --scenario <id|file> --seed <n> --policy <name> [--rounds <r>] [--ticks <t>] [--teams <n>] [--json] [--log <file>]
      Plays a whole game and prints its final figures.
  balance --scenario <id|all> --seeds <from>..<to> [--rounds <r>] [--ticks <t>] [--json]
      Plays every benchmark (and the strategist at one decision an hour) on every seed: mean,
      median and win rate per strategy, the balance checks, and cards per hour.
  replay --log <file> [--json]
      Re-simulates a game log and prints its final figures and state hash.
  validate <file>
      Checks a scenario file and lists every problem.
  demo [--scenario <id|file>] [--seed <n>] [--rounds <r>] [--ticks <t>]
      Plays the default scenario once with every strategy and compares them.

--rounds and --ticks set the game's length (rounds × hours per round); by default the
scenario's full game.

Policies: always-accommodate, always-no, always-premium, random, idle, strategist,
strategist-paced (the strategist deciding at most one card per simulated hour)`;

const OPTIONS = {
  scenario: { type: 'string' },
  seed: { type: 'string' },
  seeds: { type: 'string' },
  policy: { type: 'string' },
  teams: { type: 'string' },
  rounds: { type: 'string' },
  ticks: { type: 'string' },
  log: { type: 'string' },
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

function required(value: string | undefined, flag: string): string {
  if (value === undefined || value === '') throw new CliError(`missing ${flag}`);
  return value;
}

export function runCli(argv: string[]): string {
  let parsed: ReturnType<typeof parseArgs<{ options: typeof OPTIONS; allowPositionals: true; strict: true }>>;
  try {
    parsed = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    throw new CliError(((error as Error).message.split('\n')[0] ?? 'bad arguments').replace(/\. To specify.*$/, ''));
  }
  const { values, positionals } = parsed;
  const [command, ...rest] = positionals;
  if (values.help || command === 'help' || command === undefined) return USAGE;
  const length = {
    ...(values.rounds === undefined ? {} : { rounds: values.rounds }),
    ...(values.ticks === undefined ? {} : { ticks: values.ticks }),
  };
  const noExtra = () => {
    if (rest.length > 0) throw new CliError(`unexpected argument "${rest[0]}" for ${command}`);
  };
  switch (command) {
    case 'play':
      noExtra();
      return playCommand({
        scenario: required(values.scenario, '--scenario <id|file>'),
        seed: required(values.seed, '--seed <n>'),
        policy: required(values.policy, '--policy <name>'),
        ...(values.teams === undefined ? {} : { teams: values.teams }),
        ...length,
        ...(values.log === undefined ? {} : { log: values.log }),
        json: values.json ?? false,
      });
    case 'balance':
      noExtra();
      return balanceCommand({
        scenario: required(values.scenario, '--scenario <id|all>'),
        seeds: required(values.seeds, '--seeds <from>..<to>'),
        ...length,
        json: values.json ?? false,
      });
    case 'replay':
      noExtra();
      return replayCommand({ log: required(values.log, '--log <file>'), json: values.json ?? false });
    case 'validate':
      if (rest.length > 1) throw new CliError(`validate takes one file, got ${rest.length}`);
      return validateCommand(rest[0]);
    case 'demo':
      noExtra();
      return `${balanceCommand({ scenario: values.scenario ?? DEFAULT_SCENARIO_ID, seeds: `${values.seed ?? '1'}..${values.seed ?? '1'}`, ...length })}\n\nEvery strategy played the same seed. Try: npm run sim -- play --scenario ${DEFAULT_SCENARIO_ID} --seed 7 --policy strategist`;
    default:
      throw new CliError(`unknown command "${command}": use play, balance, replay, validate or demo (--help for details)`);
  }
}

function main(): void {
  try {
    process.stdout.write(`${runCli(process.argv.slice(2))}\n`);
  } catch (error) {
    if (error instanceof CliError) {
      process.stderr.write(`error: ${error.message}\n`);
      process.exitCode = error.exitCode;
    } else {
      process.stderr.write(`internal error: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exitCode = 70;
    }
  }
}

// Only run when executed, not when a test imports runCli.
if (process.argv[1] && import.meta.url.endsWith(process.argv[1].replace(/\\/g, '/'))) main();
