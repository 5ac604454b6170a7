/**
 * @module harness/reporting/allure-environment
 * The "environment" block of the Allure report: what was tested, never with which credentials.
 */
import type { RunResults } from '../results/index.ts';

export function allureEnvironment(target: RunResults['target'], run: { id: string; seed: number }, suiteVersion: string): Record<string, string> {
  return {
    suite: `kms-conformance ${suiteVersion}`,
    target: target.name,
    'target kind': target.kind,
    endpoint: target.endpoint ?? 'AWS',
    region: target.region,
    principals: target.principals.join(', '),
    'run id': run.id,
    seed: String(run.seed),
  };
}
