import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Site and CLI tests build real fixture blogs in temp folders.
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
