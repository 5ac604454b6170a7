/**
 * The requirement catalogue, as `kms-conformance list --json` reads it from the specs: ids are
 * unique and well formed, every requirement cites a source, and strength matches evidence.
 */
import { beforeAll, expect, it } from 'vitest';
import { runCli } from './cli-support.ts';

interface Req {
  id: string;
  statement: string;
  operation: string;
  source: { url: string };
  evidence: string;
  strength: string;
}

let reqs: Req[];
beforeAll(async () => {
  const r = await runCli(['list', '--json']);
  expect(r.code, r.stderr).toBe(0);
  reqs = JSON.parse(r.stdout) as Req[];
}, 60_000);

it('lists the requirements of every spec file', () => {
  expect(reqs.length).toBeGreaterThanOrEqual(5);
  expect(reqs.map((q) => q.id)).toContain('KEY-01');
});

it('never gives two requirements the same id', () => {
  const ids = reqs.map((q) => q.id);
  const dupes = ids.filter((id, i) => ids.indexOf(id) !== i);
  expect(dupes).toEqual([]);
});

it('gives every requirement a one-line statement, an operation, a source link and consistent strength', () => {
  for (const q of reqs) {
    expect(q.id).toMatch(/^[A-Z][A-Z0-9]*(-[A-Z0-9]+)*-\d{2,3}$/);
    expect(q.statement.trim().length, q.id).toBeGreaterThan(10);
    expect(q.statement, q.id).not.toContain('\n');
    expect(q.operation.length, q.id).toBeGreaterThan(0);
    expect(q.source.url, q.id).toMatch(/^https:\/\//);
    expect(['recorded', 'documented', 'inferred', 'unknown'], q.id).toContain(q.evidence);
    if (q.strength === 'must') expect(['recorded', 'documented'], q.id).toContain(q.evidence);
    if (q.evidence === 'unknown') expect(q.strength, q.id).toBe('observe');
  }
});

it('filters with --grep', async () => {
  const r = await runCli(['list', '--json', '--grep', '^KEY-0[12] ']);
  expect(JSON.parse(r.stdout).map((q: Req) => q.id)).toEqual(['KEY-01', 'KEY-02']);
}, 60_000);
