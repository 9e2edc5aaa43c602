// Shows that the dependency rules (.dependency-cruiser.cjs) bite: a small tree laid out like this
// repository, with a cycle and forbidden imports planted in it, must fail each rule it breaks,
// and the same tree without the plants must pass. Run by `npm test` (turbo's //#deps task) after
// the rules themselves have passed on the real tree.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const config = join(root, '.dependency-cruiser.cjs');
const cruiser = join(root, 'node_modules', '.bin', 'depcruise');

/** A tree inside the repository (so that its node_modules resolve packages), removed afterwards. */
function tree(files) {
  mkdirSync(join(root, '.scratch'), { recursive: true });
  const base = mkdtempSync(join(root, '.scratch', 'dependency-rules-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(base, path)), { recursive: true });
    writeFileSync(join(base, path), text);
  }
  return base;
}

/** The rules broken in a tree, by name (none when it passes). */
function broken(base) {
  const output = execFileSync(cruiser, ['apps', 'packages', '--config', config, '--output-type', 'json'], { cwd: base, stdio: 'pipe' });
  const report = JSON.parse(output.toString());
  return [...new Set(report.summary.violations.map((violation) => violation.rule.name))].sort();
}

const pkg = (name, dependencies = {}) => JSON.stringify({ name, type: 'module', dependencies });
const clean = {
  'package.json': pkg('fixture-root'),
  'packages/sim/package.json': pkg('@fixture/sim', { zod: '*' }),
  'packages/sim/src/rules.ts': "import { z } from 'zod';\nexport const rule = z.number();\n",
  'packages/sim/src/game.ts': "import { rule } from './rules';\nexport const game = rule;\n",
  'packages/protocol/package.json': pkg('@fixture/protocol', { zod: '*' }),
  'packages/protocol/src/messages.ts': "import { z } from 'zod';\nexport const message = z.string();\n",
  'apps/web/package.json': pkg('@fixture/web'),
  'apps/web/src/screen.ts': 'export const screen = 1;\n',
};
const planted = {
  ...clean,
  // A cycle: two modules that need each other.
  'apps/web/src/router.ts': "import { screen } from './screen-b';\nexport const router = screen;\n",
  'apps/web/src/screen-b.ts': "import { router } from './router';\nexport const screen = router;\n",
  // The simulation reaching for Node, and the protocol for an app.
  'packages/sim/src/clock.ts': "import { readFileSync } from 'node:fs';\nexport const clock = readFileSync;\n",
  'packages/protocol/src/server.ts': "import { screen } from '../../../apps/web/src/screen';\nexport const server = screen;\n",
  // An app reaching into a package's folder instead of importing it by name.
  'apps/web/src/rules.ts': "import { rule } from '../../../packages/sim/src/rules';\nexport const rules = rule;\n",
  // A package the app's package.json does not declare.
  'apps/web/src/logger.ts': "import pino from 'pino';\nexport const logger = pino;\n",
};

const expected = [
  'apps-import-packages-by-name',
  'no-cycles',
  'no-undeclared-dependencies',
  'packages-never-import-apps',
  'protocol-is-the-contract',
  'sim-is-pure',
];
const bases = [tree(clean), tree(planted)];
try {
  const [passing, failing] = bases.map(broken);
  const missed = expected.filter((rule) => !failing.includes(rule));
  if (passing.length > 0 || missed.length > 0) {
    console.error(`The dependency rules do not bite as they should.`);
    if (passing.length > 0) console.error(`  The clean tree broke: ${passing.join(', ')}`);
    if (missed.length > 0) console.error(`  The planted tree did not break: ${missed.join(', ')}`);
    process.exit(1);
  }
  console.log(`The dependency rules fail a planted tree (${failing.join(', ')}) and pass a clean one.`);
} finally {
  for (const base of bases) rmSync(base, { recursive: true, force: true });
}
