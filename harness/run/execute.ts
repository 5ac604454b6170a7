/**
 * @module harness/run/execute
 * The execution of a plan: vitest runs the selected spec files against the session's target, in
 * this process (its workers are threads, so a terminal's Ctrl-C, which signals the whole process
 * group, reaches only the run), and what it reports becomes raw requirement results (before any
 * baseline). Ctrl-C stops starting checks and lets the running ones tear down; a second one stops
 * waiting for them (the run still sweeps and writes what finished); a third leaves at once.
 */
import type { Paint } from '../reporting/colour.ts';
import { join } from 'node:path';
import { createVitest } from 'vitest/node';
import { allureEnvironment } from '../reporting/allure-environment.ts';
import { ConsoleReporter } from '../reporting/console-reporter.ts';
import { ResultsReporter } from '../reporting/results-reporter.ts';
import type { RequirementResult } from '../results/index.ts';
import { PACKAGE_ROOT } from '../suite.ts';
import type { RunPlan } from './plan.ts';
import { sessionContext } from './session-context.ts';
import type { Session } from './session.ts';

export interface Execution {
  /** One result per requirement that ran, sorted by id, outcomes as the target earned them (no baseline). */
  readonly requirements: RequirementResult[];
  /** Problems of the suite itself: a spec file that failed to load, an unhandled error. */
  readonly errors: string[];
  /** Checks the harness stopped before they changed something the run did not create. */
  readonly safetyRefusals: string[];
  /** The run was stopped by a signal before the end. */
  readonly interrupted: boolean;
  /** Every requirement id the spec files that were loaded declare (run or filtered out). */
  readonly declared: string[];
}

export interface ExecuteOptions {
  write: (line: string) => void;
  /** The output folder (Allure writes its results there as the checks finish). */
  dir: string;
  /** Colours for the progress lines (none by default). */
  colours?: Paint;
}

const SIGNALS = ['SIGINT', 'SIGTERM'] as const;

/** Runs the plan's spec files through vitest against `session`. */
export async function executeRun(plan: RunPlan, session: Session, { write, dir, colours }: ExecuteOptions): Promise<Execution> {
  const results = new ResultsReporter();
  const target = session.target;
  const environment = allureEnvironment(
    { name: target.name, kind: target.kind, ...(target.endpoint && { endpoint: target.endpoint }), region: target.region, principals: Object.keys(target.principals) },
    { id: session.runId, seed: session.seed },
    plan.suiteVersion,
  );
  let interrupted = false;
  let abandoned = false;
  try {
    const before = Object.fromEntries(SIGNALS.map((s) => [s, process.listeners(s)]));
    const vitest = await createVitest('test', {
      root: PACKAGE_ROOT,
      config: join(PACKAGE_ROOT, 'vitest.config.ts'),
      project: ['conformance'],
      provide: sessionContext(session),
      run: true,
      watch: false,
      ...(plan.selection.namePattern !== undefined && { testNamePattern: plan.selection.namePattern }),
      // The target's worker count (harness/config/target-config.ts, DEFAULT_WORKERS). One spec file at a
      // time for real AWS: one worker holds the run's rate limiter, and the key count stays exact.
      maxWorkers: target.workers,
      ...(target.workers === 1 && { fileParallelism: false }),
      reporters: [
        new ConsoleReporter(write, plan.baseline?.file, { expected: plan.selection.requirements.length, ...(colours && { colours }) }),
        results,
        ['allure-vitest/reporter', { resultsDir: join(dir, 'allure-results'), environmentInfo: environment }],
      ],
    });
    // vitest's logger answers SIGINT and SIGTERM by exiting the process a millisecond later, which
    // would cut the sweep short and leave keys behind: the run handles these signals itself.
    for (const signal of SIGNALS) for (const l of process.listeners(signal)) if (!before[signal]!.includes(l)) process.removeListener(signal, l);
    // First signal: stop starting new checks, let running ones tear down, then sweep and report.
    // Second: stop waiting for the running checks; what finished is still swept and written.
    // Third: leave now.
    let signals = 0;
    const onSignal = () => {
      signals++;
      if (signals === 1) {
        interrupted = true;
        write('\ninterrupted: finishing the running checks, then scheduling deletion of what this run created… (Ctrl-C again: stop waiting for them)');
        void vitest.cancelCurrentRun('keyboard-input');
      } else if (signals === 2) {
        abandoned = true;
        write('interrupted again: not waiting for the running checks; scheduling deletion of what this run created and writing what finished… (Ctrl-C again: leave now)');
        void vitest.close();
      } else process.exit(130);
    };
    for (const signal of SIGNALS) process.on(signal, onSignal);
    try {
      await vitest.start(plan.selection.files.length ? [...plan.selection.files] : undefined);
    } catch (e) {
      // Closing vitest under a running start is how a second Ctrl-C stops waiting: not an error.
      if (!abandoned) throw e;
    } finally {
      await vitest.close();
      for (const signal of SIGNALS) process.removeListener(signal, onSignal);
    }
  } finally {
    // Vitest sets process.exitCode on failures; the exit code is the run's to decide.
    process.exitCode = undefined;
  }
  return { requirements: results.results, errors: results.errors, safetyRefusals: results.safetyRefusals, interrupted, declared: results.catalogue };
}
