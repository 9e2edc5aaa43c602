import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { defaultServerConditions, type Plugin } from 'vite';
import { defineConfig } from 'vitest/config';

// The shipped scenarios are served as JSON files and loaded by the game's loader (with a real
// progress bar), not bundled into the JavaScript.
const scenarioDir = new URL('../../packages/sim/src/scenario/data/', import.meta.url).pathname;

function scenarioFiles(): Plugin {
  const files = () =>
    readdirSync(scenarioDir)
      .filter((name) => name.endsWith('.json'))
      .sort();
  return {
    name: 'ttc-scenario-files',
    configureServer(server) {
      server.middlewares.use((request, response, next) => {
        const match = /^\/scenarios\/([a-z0-9-]+\.json)$/.exec(request.url ?? '');
        const name = match?.[1];
        if (request.url === '/scenarios/index.json') {
          response.setHeader('content-type', 'application/json');
          response.end(JSON.stringify(files()));
        } else if (name && files().includes(name)) {
          response.setHeader('content-type', 'application/json');
          response.end(readFileSync(join(scenarioDir, name)));
        } else next();
      });
    },
    generateBundle() {
      this.emitFile({ type: 'asset', fileName: 'scenarios/index.json', source: JSON.stringify(files()) });
      for (const name of files())
        this.emitFile({ type: 'asset', fileName: `scenarios/${name}`, source: readFileSync(join(scenarioDir, name)) });
    },
  };
}

export default defineConfig({
  base: './',
  resolve: { conditions: ['source'] },
  // Unit tests run on Vite's server side, which has its own conditions.
  ssr: { resolve: { conditions: ['source', ...defaultServerConditions] } },
  plugins: [scenarioFiles()],
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 1600,
    rolldownOptions: {
      output: {
        // Phaser is big and changes rarely: its own chunk, cached apart from the game code.
        codeSplitting: { groups: [{ name: 'phaser', test: /node_modules[\\/]phaser/ }] },
      },
    },
  },
  test: { include: ['src/**/*.test.ts'] },
});
