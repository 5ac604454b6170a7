/**
 * @module harness/run/global-setup
 * Global setup of the conformance project. Under `kms-conformance run` the CLI has already opened
 * the session and hands it over; under plain vitest (`npm test`) the target is resolved from the
 * environment (the embedded reference by default) and the session is opened and closed here. Only
 * the hand-over is imported up front: vitest loads this file before the first spec can start.
 */
import type { TestProject } from 'vitest/node';
import { hasSession } from './session-context.ts';

export default async function setup(project: TestProject): Promise<(() => Promise<void>) | undefined> {
  if (hasSession(project)) return undefined;
  const { standaloneSession } = await import('./standalone-session.ts');
  return standaloneSession(project);
}
