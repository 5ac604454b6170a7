/**
 * Coverage of AWS's API: every operation of the generated model (botocore 1.44.8, 56 operations) is
 * named by at least one `must` requirement or listed as out of scope with a reason; `list --coverage`
 * prints the table.
 */
import { describe, expect, it } from 'vitest';
import { readCatalogue } from '../harness/catalogue/catalogue.ts';
import { coverage, OUT_OF_SCOPE, uncovered } from '../harness/catalogue/coverage.ts';
import { OPERATION_NAMES } from '../reference/api/kms-api.generated.ts';
import { runMain } from './in-process.ts';

describe('API coverage', () => {
  it('covers every operation of the model with a must requirement, or says why it is out of scope', () => {
    expect(OPERATION_NAMES.length).toBe(56);
    expect(uncovered(coverage(readCatalogue()))).toEqual([]);
  });

  it('lists only operations of the model as out of scope, each with a reason', () => {
    for (const [op, reason] of Object.entries(OUT_OF_SCOPE)) {
      expect(OPERATION_NAMES as readonly string[]).toContain(op);
      expect(reason.length).toBeGreaterThan(20);
    }
  });

  it('finds the gap when an operation has only should or observe requirements', () => {
    const rows = coverage([{ operation: 'Encrypt', strength: 'must' }, { operation: 'Decrypt', strength: 'should' }], ['Encrypt', 'Decrypt', 'CreateCustomKeyStore']);
    expect(rows).toEqual([
      { operation: 'Encrypt', must: 1, should: 0, observe: 0 },
      { operation: 'Decrypt', must: 0, should: 1, observe: 0 },
      { operation: 'CreateCustomKeyStore', must: 0, should: 0, observe: 0, outOfScope: OUT_OF_SCOPE.CreateCustomKeyStore },
    ]);
    expect(uncovered(rows)).toEqual(['Decrypt']);
  });
});

describe('kms-conformance list --coverage', () => {
  it('prints every operation with its counts and the summary', async () => {
    const r = await runMain(['list', '--coverage']);
    expect(r.code).toBe(0);
    expect(r.lines[0]).toMatch(/^operation\s+must\s+should\s+observe$/);
    expect(r.lines.filter((l) => /^\w+\s+\d+\s+\d+\s+\d+/.test(l))).toHaveLength(56);
    expect(r.lines.find((l) => l.startsWith('CreateCustomKeyStore '))).toMatch(/out of scope$/);
    expect(r.lines).toContain('56 operations: 50 covered by a must requirement, 6 out of scope, 0 not covered');
  });

  it('--json gives the rows, and --grep narrows the requirements counted', async () => {
    const r = await runMain(['list', '--coverage', '--json', '--grep', '^MRK-']);
    const rows = JSON.parse(r.lines.join('\n')) as { operation: string; must: number }[];
    expect(rows).toHaveLength(56);
    expect(rows.find((x) => x.operation === 'ReplicateKey')!.must).toBeGreaterThan(0);
    expect(rows.find((x) => x.operation === 'Sign')!.must).toBe(0);
  });
});
