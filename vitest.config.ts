import { defineConfig } from 'vitest/config';

// Two projects: `unit` is the project's own tests (reference, harness, CLI); `conformance` is the
// specs, aimed at the target the global setup resolves (the embedded reference by default).
export default defineConfig({
  test: {
    env: { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['reference/**/*.test.ts', 'harness/**/*.test.ts', 'test/**/*.test.ts'],
          // Most of these tests wait on a CLI child process; one worker per core minus one (vitest's
          // default) leaves a 2-core machine half idle. Projects with their own worker count run as
          // their own group: the specs first, then these.
          maxWorkers: 3,
          // Concurrent tests (the fault matrix runs the suite in-process, several faults at a time).
          maxConcurrency: 3,
          sequence: { groupOrder: 1 },
          testTimeout: 60_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'conformance',
          // No maxWorkers here: a run sets it from its target (harness/run/execute.ts; four by default,
          // DEFAULT_WORKERS in harness/config/target-config.ts), and a project's own would win over it.
          sequence: { groupOrder: 0 },
          include: ['specs/**/*.spec.ts'],
          // Spec files share one module graph per worker: each file would otherwise load the AWS SDK
          // and the harness again (about a second each). Specs keep no state between files but the
          // worker's target clients, which are meant to be shared.
          isolate: false,
          // Worker threads, not child processes: a Ctrl-C in a terminal signals the whole process
          // group, and forked workers would die under the run instead of letting it end its own way.
          pool: 'threads',
          globalSetup: ['harness/run/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
