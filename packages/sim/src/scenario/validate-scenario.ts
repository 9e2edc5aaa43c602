import type { z } from 'zod';
import { baseScenarioSchema, crossReferenceIssues, type Scenario } from './scenario-schema.js';

/** One thing wrong with a scenario file, phrased for the person who wrote it. */
export interface ScenarioProblem {
  file: string;
  /** JSON path such as `$.segments[2].share`. */
  path: string;
  expected: string;
  found: string;
}

export type ScenarioCheck = { ok: true; scenario: Scenario } | { ok: false; problems: ScenarioProblem[] };

export function formatJsonPath(path: readonly PropertyKey[]): string {
  let text = '$';
  for (const key of path) {
    if (typeof key === 'number') text += `[${key}]`;
    else if (typeof key === 'string' && /^[A-Za-z_$][\w$]*$/.test(key)) text += `.${key}`;
    else text += `[${JSON.stringify(String(key))}]`;
  }
  return text;
}

function describeFound(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return `an array of ${value.length}`;
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  return String(value);
}

function describeIssue(issue: z.core.$ZodIssue): { expected: string; found: string } {
  const found = describeFound(issue.input);
  switch (issue.code) {
    case 'invalid_type':
      return { expected: issue.expected, found: issue.input === undefined ? 'nothing' : `${typeof issue.input} ${found}` };
    case 'too_small':
      return {
        expected: `${issue.origin === 'array' ? 'at least' : issue.inclusive ? '>=' : '>'} ${issue.minimum}${issue.origin === 'array' ? ' items' : ''}`,
        found: issue.origin === 'array' ? describeFound(issue.input) : found,
      };
    case 'too_big':
      return {
        expected: `${issue.origin === 'array' ? 'at most' : issue.inclusive ? '<=' : '<'} ${issue.maximum}${issue.origin === 'array' ? ' items' : ''}`,
        found,
      };
    case 'unrecognized_keys':
      return { expected: 'no other keys', found: issue.keys.map((key) => JSON.stringify(key)).join(', ') };
    case 'invalid_value':
      return { expected: `one of ${issue.values.map((value) => JSON.stringify(value)).join(', ')}`, found };
    case 'invalid_format':
      return { expected: issue.message, found };
    case 'not_multiple_of':
      return { expected: `a multiple of ${issue.divisor}`, found };
    case 'custom': {
      const [expected, actual] = issue.message.split(', found ');
      return { expected: (expected ?? issue.message).replace(/^expected /, ''), found: actual ?? found };
    }
    default:
      return { expected: issue.message, found };
  }
}

/** Checks parsed JSON against the scenario schema and lists every problem, not just the first. */
export function checkScenario(data: unknown, file = '<scenario>'): ScenarioCheck {
  const result = baseScenarioSchema.safeParse(data, { reportInput: true });
  const problems: ScenarioProblem[] = result.success
    ? []
    : result.error.issues.map((issue) => ({ file, path: formatJsonPath(issue.path), ...describeIssue(issue) }));
  for (const issue of crossReferenceIssues(data)) {
    const [expected, found] = issue.message.split(', found ');
    problems.push({
      file,
      path: formatJsonPath(issue.path),
      expected: (expected ?? issue.message).replace(/^expected /, ''),
      found: found ?? '?',
    });
  }
  if (result.success && problems.length === 0) return { ok: true, scenario: result.data };
  return { ok: false, problems };
}

/** Parses scenario text (JSON) and checks it; malformed JSON is one problem at `$`. */
export function checkScenarioText(text: string, file = '<scenario>'): ScenarioCheck {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return {
      ok: false,
      problems: [{ file, path: '$', expected: 'valid JSON', found: error instanceof Error ? error.message : String(error) }],
    };
  }
  return checkScenario(data, file);
}

export function formatScenarioProblem(problem: ScenarioProblem): string {
  return `${problem.file}: ${problem.path}: expected ${problem.expected}, found ${problem.found}`;
}
