import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // Site builds and browser journeys take longer than unit tests.
    testTimeout: 30_000,
    hookTimeout: 600_000,
  },
});
