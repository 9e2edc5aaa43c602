import { checkScenarioText, formatScenarioProblem } from '@ttc/sim';
import { CliError } from './cli-error.js';
import { readText } from './load-scenario.js';

/** `validate`: checks a scenario file and lists every problem (exit 1) or says it is valid. */
export function validateCommand(file: string | undefined): string {
  if (!file) throw new CliError('missing the scenario file: validate <file>');
  const check = checkScenarioText(readText(file), file);
  if (!check.ok) {
    throw new CliError(
      `${check.problems.length} problem${check.problems.length === 1 ? '' : 's'}:\n${check.problems.map(formatScenarioProblem).join('\n')}`,
      1,
    );
  }
  const { scenario } = check;
  return `${file}: valid scenario "${scenario.id}" (${scenario.segments.length} segments, ${scenario.categories.length} categories, ${scenario.events.length} events)`;
}
