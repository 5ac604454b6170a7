import { relative } from 'node:path';
import { defineConfig } from 'vitest/config';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * The unit tests that take longest, longest first (as seen in a fresh clone's `.ci/run`, set-up included). Where vitest has no durations
 * cached from an earlier run (a fresh clone, CI) it starts files in the order it found them, and
 * these would start last, leaving the other workers idle at the end. Where it has them, it already
 * starts the longest first, and this list is not used.
 */
export const LONGEST_UNIT_TESTS = [
  'test/aws/aws-interrupt.test.ts',
  'test/interrupt.test.ts',
  'test/faults.test.ts',
  'test/typecheck.test.ts',
  'test/kms-model.test.ts',
  'test/tarball.test.ts',
  'test/cli.test.ts',
  'test/aws/aws-target.test.ts',
  'test/targets.test.ts',
  'test/shard-merge.test.ts',
  'test/report-browser.test.ts',
  'reference/fuzz.test.ts',
  'test/catalogue.test.ts',
  'test/baseline.test.ts',
  'test/aws/sweep.test.ts',
  'test/ci-recipe.test.ts',
  'test/aws-cli.test.ts',
];

class LongestFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const root = this.ctx.config.root;
    const path = (f: TestSpecification) => relative(root, f.moduleId).split('\\').join('/');
    const unit = sorted.filter((f) => f.project.name === 'unit');
    if (unit.every((f) => this.ctx.cache.getFileTestResults(`unit:${relative(root, f.moduleId)}`))) return sorted;
    const rank = (f: TestSpecification) => {
      const i = LONGEST_UNIT_TESTS.indexOf(path(f));
      return i === -1 ? LONGEST_UNIT_TESTS.length : i;
    };
    const reordered = [...unit].sort((a, b) => rank(a) - rank(b));
    // The base order keeps each project's files together; only the unit project's are reordered.
    return sorted.map((f) => (f.project.name === 'unit' ? reordered.shift()! : f));
  }
}

// Three projects: `unit` is the project's own tests (reference, harness, CLI); `emulators` is the gate
// that runs the whole suite against the embedded reference and each emulator; `conformance` is the
// specs, aimed at the target the global setup resolves (the embedded reference by default).
export default defineConfig({
  test: {
    env: { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
    sequence: { sequencer: LongestFirst },
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['reference/**/*.test.ts', 'harness/**/*.test.ts', 'test/**/*.test.ts'],
          exclude: ['test/emulators/**'],
          // Most of these tests wait on a CLI child process; one worker per core minus one (vitest's
          // default) leaves a 2-core machine half idle. Projects with their own worker count run as
          // their own group: the specs first, then these.
          maxWorkers: 3,
          // Files share a module graph per worker (no test mocks a module or changes the environment):
          // each file would otherwise load the AWS SDK, vitest's node API and the reference again.
          isolate: false,
          // Concurrent tests (the fault matrix runs the suite in-process, several faults at a time).
          maxConcurrency: 3,
          sequence: { groupOrder: 1 },
          testTimeout: 60_000,
        },
      },
      {
        extends: true,
        test: {
          // The emulator gate (`npm run test:emulators`): the whole suite against the embedded
          // reference, moto and local-kms, each with its baseline. Three runs of several minutes, so
          // not part of `npm test`; CI runs both.
          name: 'emulators',
          include: ['test/emulators/**/*.test.ts'],
          maxWorkers: 1,
          maxConcurrency: 3,
          sequence: { groupOrder: 2 },
          testTimeout: 900_000,
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
