/**
 * @module harness/targets/lifecycle
 * A target lifecycle: make the target answer (start what the harness owns), hand back the target
 * with its endpoint filled in, and stop only what was started. One file per kind in this folder.
 */
import type { TargetConfig } from '../config/target-config.ts';
import { RunAbort } from '../errors.ts';
import type { StartedTarget, StartOptions } from './started-target.ts';

/** The peer packages container targets need: optional, so that a user without containers installs no native build scripts. */
export const CONTAINER_PACKAGES = 'testcontainers@11.14.0 @testcontainers/localstack@11.14.0';

/** The container lifecycle; a one-line error naming the install command when its packages are missing. */
async function containerSupport(name: string): Promise<typeof import('./container.ts')> {
  try {
    return await import('./container.ts');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ERR_MODULE_NOT_FOUND') throw e;
    throw new RunAbort('config', `target ${name} needs the container packages, which are optional: npm install ${CONTAINER_PACKAGES}`);
  }
}

export type { StartedTarget, StartOptions, TargetLifecycle } from './started-target.ts';

/** Starts the target by its kind. Throws RunAbort (exit 2) or RunSkipped (exit 0) with one line. */
export async function startTarget(target: TargetConfig, opts: StartOptions = {}): Promise<StartedTarget> {
  switch (target.kind) {
    case 'embedded':
      return (await import('./embedded.ts')).startEmbedded(target, opts);
    case 'process':
      return (await import('./process.ts')).startProcess(target, opts);
    case 'container':
      return (await containerSupport(target.name)).startContainer(target, opts);
    default:
      // An endpoint, or AWS: its endpoint was resolved with the target; nothing to start.
      return { target, stop: async () => {} };
  }
}
