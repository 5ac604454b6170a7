/**
 * @module harness/run/standalone-session
 * The conformance project run by plain vitest (`npm test`, `npx vitest --project conformance`): the
 * target comes from the environment (the embedded reference by default), and the session is opened
 * here and closed when the project ends.
 */
import type { TestProject } from 'vitest/node';
import { confirmationFor } from '../aws/aws-safety.ts';
import { resolveTarget } from '../config/resolve-target.ts';
import { RunAbort } from '../errors.ts';
import { openSession } from './session.ts';
import { provide } from './session-context.ts';

export async function standaloneSession(project: TestProject): Promise<() => Promise<void>> {
  try {
    const target = resolveTarget({}, process.env);
    // Real AWS only through the CLI, which asks for the confirmation flag and prints the plan first.
    const confirm = confirmationFor(target);
    if (confirm) throw new RunAbort('safety', `target '${target.name}' is real AWS: run it with kms-conformance run --target ${target.name} ${confirm}`);
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
