import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // A folder for the one fixture-site build the browser tests share (built on first use).
    globalSetup: ['tests/global-setup.ts'],
    // Site builds and browser journeys take longer than unit tests.
    testTimeout: 120_000,
    hookTimeout: 600_000,
  },
});
