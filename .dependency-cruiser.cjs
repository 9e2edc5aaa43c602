/**
 * The direction of the house (docs/architecture.md), checked on every `npm test`: each rule
 * says why it exists. `scripts/check-dependency-rules.mjs` shows these rules fail on a planted
 * cycle and a planted forbidden import, so a rule that silently matches nothing is caught too.
 * @type {import('dependency-cruiser').IConfiguration}
 */
/** Tests, their support and their fixtures run under Vitest in Node: they may use Node and their dev tools. */
const TESTS = ['\\.test\\.ts$', '/test-support/', '/golden/'];

module.exports = {
  forbidden: [
    {
      name: 'no-cycles',
      comment: 'A cycle makes two modules one: neither can be understood, tested or loaded without the other.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'sim-is-pure',
      comment: 'The simulation runs in the browser and the server and replays bit for bit: it imports only itself, zod and pure-rand.',
      severity: 'error',
      from: { path: '^packages/sim/src', pathNot: TESTS },
      to: { pathNot: ['^packages/sim/src', '(^|/)node_modules/(zod|pure-rand)/'] },
    },
    {
      name: 'protocol-is-the-contract',
      comment: 'The protocol is the one contract between browser and server: it may build on the simulation and zod, nothing else.',
      severity: 'error',
      from: { path: '^packages/protocol/src', pathNot: TESTS },
      to: { pathNot: ['^packages/protocol/src', '^packages/sim/src', '(^|/)node_modules/zod/'] },
    },
    {
      name: 'packages-never-import-apps',
      comment: 'Packages sit under the apps: an app may use a package, never the other way round.',
      severity: 'error',
      from: { path: '^packages/' },
      to: { path: '^apps/' },
    },
    {
      name: 'apps-import-packages-by-name',
      comment: 'A workspace package is used through its name and its exports (`@ttc/sim`), never by a path into its folder.',
      severity: 'error',
      from: { path: '^apps/' },
      to: { path: '^packages/', dependencyTypes: ['local'] },
    },
    {
      name: 'apps-stay-apart',
      comment: 'The browser and the server share only packages: neither reaches into the other.',
      severity: 'error',
      from: { path: '^apps/(web|server)/' },
      to: { path: '^apps/', pathNot: '^apps/$1/' },
    },
    {
      name: 'no-undeclared-dependencies',
      comment: 'Every package a workspace imports is in its package.json: a clean install (CI, Docker) must find it.',
      severity: 'error',
      from: {},
      to: { dependencyTypes: ['npm-no-pkg', 'npm-unknown'] },
    },
    {
      name: 'no-dev-dependencies-in-shipped-code',
      comment: 'Code that ships (not tests, benches, scripts or configs) runs on a production install, without devDependencies.',
      severity: 'error',
      from: { path: '^(apps|packages)/[^/]+/src/', pathNot: TESTS },
      to: { dependencyTypes: ['npm-dev'], pathNot: ['^node_modules/@types/'] },
    },
    {
      name: 'no-unresolvable-imports',
      comment: 'An import that resolves to nothing is a typo or a missing build step.',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: ['(^|/)dist/', '(^|/)node_modules/\\.vite', '\\.d\\.ts$'] },
    tsPreCompilationDeps: true,
    combinedDependencies: false,
    tsConfig: { fileName: require('node:path').join(__dirname, 'tsconfig.base.json') },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['source', 'import', 'types', 'default'],
      extensions: ['.ts', '.js', '.mjs', '.json'],
      mainFields: ['module', 'main', 'types'],
    },
    skipAnalysisNotInRules: true,
  },
};
