import { defaultServerConditions } from 'vite';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: { conditions: ['source'] },
  ssr: { resolve: { conditions: ['source', ...defaultServerConditions] } },
  test: {
    include: ['src/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // Finds (or starts) the PostgreSQL and Redis the tests use: src/test-support/services.
    globalSetup: ['src/test-support/services/global-setup.ts'],
  },
});
