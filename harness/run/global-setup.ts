/**
 * @module harness/run/global-setup
 * Global setup of the conformance project. Under `kms-conformance run` the CLI has already opened
 * the session and hands it over; under plain vitest (`npm test`) the target is resolved from the
 * environment (the embedded reference by default) and the session is opened and closed here.
 */
import type { TestProject } from 'vitest/node';
import { resolveTarget } from '../config/resolve-target.ts';
import { CONFIRM_FLAG } from '../aws/aws-safety.ts';
import { RunAbort } from '../errors.ts';
import { handedSession, openSession, type SessionContext } from './session.ts';

function provide(project: TestProject, s: SessionContext): void {
  project.provide('kmsTarget', s.target);
  project.provide('kmsRunId', s.runId);
  project.provide('kmsLedgerPath', s.ledgerPath);
  project.provide('kmsSeed', s.seed);
}

export default async function setup(project: TestProject): Promise<(() => Promise<void>) | undefined> {
  const handed = handedSession();
  if (handed) {
    provide(project, handed);
    return undefined;
  }
  try {
    const target = resolveTarget({}, process.env);
    // Real AWS only through the CLI, which asks for the confirmation flag and prints the plan first.
    if (target.kind === 'aws') throw new RunAbort('safety', `target '${target.name}' is real AWS: run it with kms-conformance run --target ${target.name} ${CONFIRM_FLAG}`);
    const session = await openSession(target);
    provide(project, session);
    return async () => {
      const sweep = await session.close();
      if (sweep.problems.length) process.stderr.write(`kms-conformance: cleanup problems:\n  ${sweep.problems.join('\n  ')}\n`);
    };
  } catch (e) {
    if (e instanceof RunAbort) throw new Error(`kms-conformance: ${e.message}`);
    throw e;
  }
}
