import type { ResultRow } from '@ttc/protocol';

// The results as CSV for a spreadsheet. Learners choose their names, and a spreadsheet runs a
// cell that begins with =, +, -, @ (or a tab or carriage return before one) as a formula: such
// text cells get a leading apostrophe, which the spreadsheet shows as plain text.

export const RESULT_COLUMNS: readonly (keyof ResultRow)[] = [
  'kind',
  'team',
  'name',
  'players',
  'round',
  'roundComplete',
  'hoursPlayed',
  'currency',
  'profit',
  'revenue',
  'costs',
  'exhaustion',
  'exhaustionOverGame',
  'loyalty',
  'reputation',
  'balancedScore',
  'accommodate',
  'premium',
  'option',
  'no',
  'ignored',
  'selfService',
  'complaints',
  'staffResigned',
  'customersActive',
];

/** Text a spreadsheet would run as a formula, made plain. Numbers stay numbers (−12.5 is a loss, not a formula). */
export function neutraliseFormula(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

export function csvCell(value: string | number | boolean): string {
  const text = typeof value === 'string' ? neutraliseFormula(value) : String(value);
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function resultsCsv(rows: readonly ResultRow[]): string {
  const lines = [RESULT_COLUMNS.join(','), ...rows.map((row) => RESULT_COLUMNS.map((column) => csvCell(row[column])).join(','))];
  return `${lines.join('\n')}\n`;
}
