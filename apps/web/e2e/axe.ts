import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { expect, type Page } from '@playwright/test';

// axe-core, run inside the real page: every screen must be free of critical and serious
// violations, and of the two landmark findings a canvas game is prone to.

const require = createRequire(import.meta.url);
// Evaluated through the test driver: the game's Content-Security-Policy rightly refuses inline scripts.
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const ALSO_FAILING = new Set(['region', 'landmark-one-main']);

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: unknown[] }[];
}

/** Runs axe on the page as it is now and fails with a readable list of what is wrong. */
export async function expectAccessible(page: Page, screen: string): Promise<void> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (context: Document, options: object) => Promise<{ violations: Violation[] }> } }).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map(({ id, impact, help, nodes }) => ({
      id,
      impact,
      help,
      nodes: nodes.map((node) => ({ target: node.target })),
    }));
  });
  const failing = violations.filter(
    (violation) => violation.impact === 'critical' || violation.impact === 'serious' || ALSO_FAILING.has(violation.id),
  );
  const report = failing.map(
    (violation) =>
      `${violation.impact} ${violation.id}: ${violation.help} (${violation.nodes.map((node) => node.target.join(' ')).join(', ')})`,
  );
  expect(report, `axe on the ${screen} screen`).toEqual([]);
}
