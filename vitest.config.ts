import { defineConfig } from 'vitest/config';

// Test lanes. `npm test` (scripts/test-all.mjs) runs each and the Deno lane, and sums them.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: [
            'edge/**/*.test.ts',
            'server/**/*.test.ts',
            'seed/**/*.test.ts',
            'web/**/*.test.ts',
            'bench/**/*.test.ts',
            'tests/*.test.ts',
            'sandbox/**/*.test.ts',
          ],
          // isolated-vm (sandbox/run.test.ts runs isolates in the test process) needs this flag on Node >= 20.
          execArgv: ['--no-node-snapshot'],
          environment: 'node',
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'db',
          include: ['supabase/tests/**/*.test.ts'],
          exclude: ['supabase/tests/perf-guard.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        // The performance guard times reads against the owner's: alone, so other files do not skew it.
        test: {
          name: 'perf',
          include: ['supabase/tests/perf-guard.test.ts'],
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 600_000,
          fileParallelism: false,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 240_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
