/**
 * @module harness/targets/lifecycle
 * A target lifecycle: make the target answer (start what the harness owns), hand back the target
 * with its endpoint filled in, and stop only what was started. One file per kind in this folder.
 */
import type { TargetConfig } from '../config/target-config.ts';
import type { StartedTarget, StartOptions } from './started-target.ts';

export type { StartedTarget, StartOptions, TargetLifecycle } from './started-target.ts';

/** Starts the target by its kind. Throws RunAbort (exit 2) or RunSkipped (exit 0) with one line. */
export async function startTarget(target: TargetConfig, opts: StartOptions = {}): Promise<StartedTarget> {
  switch (target.kind) {
    case 'embedded':
      return (await import('./embedded.ts')).startEmbedded(target, opts);
    case 'process':
      return (await import('./process.ts')).startProcess(target, opts);
    case 'container':
      return (await import('./container.ts')).startContainer(target, opts);
    default:
      // An endpoint, or AWS: its endpoint was resolved with the target; nothing to start.
      return { target, stop: async () => {} };
  }
}
