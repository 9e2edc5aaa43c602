import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts'],
    // Property and balance tests play thousands of games; they are slow only on a busy machine.
    testTimeout: 120_000,
  },
});
