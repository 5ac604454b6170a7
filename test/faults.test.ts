/**
 * The specs can fail: against the reference with each named fault switched on, the run exits 1
 * and the requirements meant to catch that fault fail. (Against the faithful reference the whole
 * suite passes: that is the `conformance` project.) The runs are in this process, a few at a time.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FAULTS, type FaultName } from '../reference/faults/index.ts';
import { startReferenceServer } from '../reference/server.ts';
import { INTENDED_CATCHES, TEST_INPUT_FAULTS } from './fault-matrix.ts';
import { runMain } from './in-process.ts';

describe('every fault is caught by the requirements meant for it', () => {
  it('every fault has intended catches', () => {
    const uncaught = (Object.keys(FAULTS) as FaultName[]).filter((f) => !TEST_INPUT_FAULTS.has(f) && !(INTENDED_CATCHES[f as keyof typeof INTENDED_CATCHES]?.length));
    expect(uncaught).toEqual([]);
  });

  it.concurrent.each(Object.entries(INTENDED_CATCHES).filter(([, ids]) => ids.length > 0))('%s', async (fault, ids) => {
    const ref = await startReferenceServer({ port: 0, faults: [fault], log: () => {} });
    try {
      const out = mkdtempSync(join(tmpdir(), `kmsct-fault-${fault}-`));
      const expected = Object.fromEntries(ids.map((id) => [id.split(':')[0]!, id.split(':')[1] ?? 'fail']));
      // A fixed seed keeps the property-based catches (MODEL-*, PROP-*) deterministic.
      const r = await runMain(['run', '--endpoint', ref.url, '--out', out, '--seed', '1440478003', '--grep', `^(${Object.keys(expected).join('|')}) `]);
      expect(r.code, r.stdout + r.stderr).toBe(1);
      const results = JSON.parse(readFileSync(join(out, 'results.json'), 'utf8')) as { requirements: { id: string; outcome: string }[] };
      const outcomes = Object.fromEntries(results.requirements.map((q) => [q.id, q.outcome]));
      expect(outcomes).toEqual(expected);
    } finally {
      await ref.close();
    }
  }, 300_000);
});
