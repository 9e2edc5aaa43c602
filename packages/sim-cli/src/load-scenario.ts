import { readFileSync } from 'node:fs';
import { BUILTIN_SCENARIOS, checkScenarioText, findScenario, formatScenarioProblem, type Scenario } from '@ttc/sim';
import { CliError } from './cli-error.js';

/** A built-in scenario by id, or a scenario file by path (anything with a slash or ending in .json). */
export function loadScenario(idOrFile: string): Scenario {
  const builtin = findScenario(idOrFile);
  if (builtin) return builtin;
  if (!idOrFile.endsWith('.json') && !idOrFile.includes('/')) {
    throw new CliError(`unknown scenario "${idOrFile}": use one of ${BUILTIN_SCENARIOS.map((s) => s.id).join(', ')} or a .json file`);
  }
  const check = checkScenarioText(readText(idOrFile), idOrFile);
  if (!check.ok) throw new CliError(`invalid scenario:\n${check.problems.map(formatScenarioProblem).join('\n')}`, 1);
  return check.scenario;
}

export function readText(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new CliError(`cannot read ${file}${code ? ` (${code})` : ''}`, 1);
  }
}
