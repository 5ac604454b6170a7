/**
 * @module harness/targets/embedded
 * The embedded reference endpoint, started in this process on a free port.
 */
import { startReferenceServer } from '#reference/server.ts';
import type { TargetLifecycle } from './started-target.ts';

export const startEmbedded: TargetLifecycle = async (target, opts) => {
  const reference = await startReferenceServer({ port: 0, log: opts.log ?? (() => {}) });
  return { target: { ...target, endpoint: reference.url }, stop: () => reference.close() };
};
