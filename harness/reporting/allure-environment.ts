/**
 * @module harness/reporting/allure-environment
 * The "environment" block of the Allure report: what was tested, never with which credentials.
 */
import type { SessionContext } from '../run/session.ts';

export function allureEnvironment(s: SessionContext, suiteVersion: string): Record<string, string> {
  return {
    suite: `kms-conformance ${suiteVersion}`,
    target: s.target.name,
    'target kind': s.target.kind,
    endpoint: s.target.endpoint ?? 'AWS',
    region: s.target.region,
    principals: Object.keys(s.target.principals).join(', '),
    'run id': s.runId,
    seed: String(s.seed),
  };
}
