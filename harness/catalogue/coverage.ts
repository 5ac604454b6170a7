/**
 * @module harness/catalogue/coverage
 * How much of AWS's KMS API the suite covers: for every operation of the generated model (botocore's
 * service-2.json), the requirements that name it, by strength. An operation counts as covered when
 * at least one `must` requirement names it; the custom key store operations are out of scope, with
 * the reason, and their checks of an endpoint without stores are counted all the same.
 */
import { OPERATION_NAMES } from '../../reference/api/kms-api.generated.ts';
import type { Requirement } from '../results/index.ts';

const STORES_REASON =
  'needs an AWS CloudHSM cluster or an external key store proxy, which the suite cannot stand up; CKS-* check how an endpoint without custom key stores answers, and CKS-20/21 a store the target declares';

/** Operations the suite does not hold to a `must` requirement, and why. */
export const OUT_OF_SCOPE: Readonly<Record<string, string>> = {
  ConnectCustomKeyStore: STORES_REASON,
  CreateCustomKeyStore: STORES_REASON,
  DeleteCustomKeyStore: STORES_REASON,
  DescribeCustomKeyStores: STORES_REASON,
  DisconnectCustomKeyStore: STORES_REASON,
  UpdateCustomKeyStore: STORES_REASON,
};

export interface OperationCoverage {
  operation: string;
  must: number;
  should: number;
  observe: number;
  /** Why the operation is not held to a `must` requirement, when it is out of scope. */
  outOfScope?: string;
}

/** Every operation of `operations` (the model's, by default) with the requirements naming it. */
export function coverage(reqs: readonly Pick<Requirement, 'operation' | 'strength'>[], operations: readonly string[] = OPERATION_NAMES): OperationCoverage[] {
  return operations.map((operation) => {
    const mine = reqs.filter((r) => r.operation === operation);
    const count = (s: Requirement['strength']) => mine.filter((r) => r.strength === s).length;
    return { operation, must: count('must'), should: count('should'), observe: count('observe'), ...(OUT_OF_SCOPE[operation] && { outOfScope: OUT_OF_SCOPE[operation] }) };
  });
}

/** The operations neither covered by a `must` requirement nor out of scope: the gaps. */
export function uncovered(rows: readonly OperationCoverage[]): string[] {
  return rows.filter((r) => r.must === 0 && r.outOfScope === undefined).map((r) => r.operation);
}

/** The table `list --coverage` prints, and its summary line. */
export function formatCoverage(rows: readonly OperationCoverage[]): string[] {
  const width = Math.max(...rows.map((r) => r.operation.length), 'operation'.length);
  const lines = [`${'operation'.padEnd(width)}  must  should  observe`];
  for (const r of rows) {
    const gap = r.must === 0 ? (r.outOfScope ? '  out of scope' : '  NOT COVERED') : '';
    lines.push(`${r.operation.padEnd(width)}  ${String(r.must).padStart(4)}  ${String(r.should).padStart(6)}  ${String(r.observe).padStart(7)}${gap}`);
  }
  const out = rows.filter((r) => r.outOfScope !== undefined);
  const gaps = uncovered(rows);
  lines.push('');
  lines.push(`${rows.length} operations: ${rows.length - out.length - gaps.length} covered by a must requirement, ${out.length} out of scope, ${gaps.length} not covered`);
  if (out.length) lines.push(`out of scope (${out.map((r) => r.operation).join(', ')}): ${out[0]!.outOfScope}`);
  if (gaps.length) lines.push(`not covered: ${gaps.join(', ')}`);
  return lines;
}
