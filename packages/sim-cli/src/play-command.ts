import { writeFileSync } from 'node:fs';
import { createStrategy, gameLogOf, isPolicyName, POLICY_NAMES, playGame, stateHash } from '@ttc/sim';
import { CliError } from './cli-error.js';
import { formatSummary, type GameSummary, summarise } from './game-summary.js';
import { loadScenario } from './load-scenario.js';
import { parseLength, parseSeed, parseTeams } from './parse-values.js';

export interface PlayOptions {
  scenario: string;
  seed: string;
  policy: string;
  teams?: string;
  rounds?: string;
  ticks?: string;
  json?: boolean;
  log?: string;
}

export function parsePolicy(policy: string) {
  if (!isPolicyName(policy)) throw new CliError(`unknown policy "${policy}": use one of ${POLICY_NAMES.join(', ')}`);
  return policy;
}

/** `play`: one whole game, every team played by the same strategy; prints team 1 (and the others with --teams). */
export function playCommand(options: PlayOptions): string {
  const scenario = loadScenario(options.scenario);
  const seed = parseSeed(options.seed);
  const policy = parsePolicy(options.policy);
  const teams = parseTeams(options.teams ?? '1');
  const length = parseLength(scenario, options.rounds, options.ticks);
  const { game, commands } = playGame(
    { scenario, seed, teams, ...length },
    Array.from({ length: teams }, () => createStrategy(policy, seed)),
  );
  const hash = stateHash(game.state);
  if (options.log) {
    try {
      writeFileSync(options.log, `${JSON.stringify(gameLogOf(game, commands, hash))}\n`);
    } catch (error) {
      throw new CliError(`cannot write ${options.log} (${(error as NodeJS.ErrnoException).code ?? 'error'})`, 1);
    }
  }
  const summaries: GameSummary[] = game.state.teams.map((_, team) => summarise(game, policy, team, hash));
  if (options.json) {
    const [first, ...others] = summaries;
    return JSON.stringify(teams === 1 ? first : { ...first, teams: [first, ...others] });
  }
  return summaries.map((summary) => formatSummary(summary, scenario.currency)).join('\n');
}
