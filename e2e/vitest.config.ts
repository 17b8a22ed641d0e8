import { defineConfig } from 'vitest/config';

/** Browser journeys: one server and one Chromium for the whole run, tests in sequence. */
export default defineConfig({
  test: {
    root: import.meta.dirname,
    include: ['**/*.e2e.ts'],
    globalSetup: ['./global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    fileParallelism: false,
    // expect.poll waits 1 s by default: too short for a UI round trip on a loaded 2-core CI machine.
    expect: { poll: { timeout: 15_000, interval: 100 } },
    pool: 'forks',
  },
});
