import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['models/**/*.test.ts', 'cli/**/*.test.ts', 'electron/**/*.test.ts', 'renderer/**/*.test.{ts,tsx}', 'test/unit/**/*.test.ts'],
    testTimeout: 60_000,
    pool: 'forks',
  },
});
