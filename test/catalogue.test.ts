/**
 * The requirement catalogue (specs/catalogue.json) is what the specs declare, and it is sound:
 * unique, well-formed ids, a source for each, strength matching evidence. `list` reads it.
 */
import { execFile } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { readCatalogue } from '../harness/catalogue/catalogue.ts';
import { ROOT } from './cli-support.ts';
import { runMain } from './in-process.ts';

const reqs = readCatalogue();

async function cli(args: string[]): Promise<{ code: number; out: string[] }> {
  const r = await runMain(args);
  return { code: r.code, out: r.lines };
}

it('is what the spec files declare (npm run catalogue writes it)', async () => {
  const run = await promisify(execFile)(process.execPath, ['--import', 'tsx', 'scripts/write-catalogue.ts', '--check'], { cwd: ROOT }).then(
    () => ({ code: 0, err: '' }),
    (e: { code?: number; stderr?: string }) => ({ code: e.code ?? 1, err: e.stderr ?? '' }),
  );
  expect(run.err).toBe('');
  expect(run.code).toBe(0);
}, 120_000);

it('names only requirements it has as the blockers of set-up steps (precondition, blockedBy)', () => {
  const owners = new Set<string>();
  for (const file of readdirSync(join(ROOT, 'specs'), { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.spec.ts'))) {
    for (const line of readFileSync(join(ROOT, 'specs', file), 'utf8').split('\n')) {
      if (!/precondition\(|blockedBy\(|const owner = /.test(line)) continue;
      for (const m of line.matchAll(/'([A-Z][A-Z0-9]*-\d+)'/g)) owners.add(m[1]!);
    }
  }
  expect(owners.size, 'set-up steps that name their blocker').toBeGreaterThanOrEqual(6);
  const ids = new Set(reqs.map((q) => q.id));
  expect([...owners].filter((id) => !ids.has(id))).toEqual([]);
});

it('lists the requirements of every spec file', () => {
  expect(reqs.length).toBeGreaterThanOrEqual(100);
  expect(reqs.map((q) => q.id)).toContain('KEY-01');
  expect(new Set(reqs.map((q) => q.file)).size).toBeGreaterThanOrEqual(20);
});

it('never gives two requirements the same id', () => {
  const ids = reqs.map((q) => q.id);
  expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
});

it('gives every requirement a one-line statement, an operation, a source link and consistent strength', () => {
  for (const q of reqs) {
    expect(q.statement.trim().length, q.id).toBeGreaterThan(10);
    expect(q.statement, q.id).not.toContain('\n');
    expect(q.operation.length, q.id).toBeGreaterThan(0);
    expect(q.source.url, q.id).toMatch(/^https:\/\//);
    if (q.strength === 'must') expect(['recorded', 'documented'], q.id).toContain(q.evidence);
    if (q.evidence === 'unknown') expect(q.strength, q.id).toBe('observe');
  }
});

describe('kms-conformance list', () => {
  it('--json prints the catalogue without the file names', async () => {
    const r = await cli(['list', '--json']);
    expect(r.code).toBe(0);
    const listed = JSON.parse(r.out.join('\n')) as { id: string; file?: string }[];
    expect(listed.map((q) => q.id)).toEqual(reqs.map((q) => q.id));
    expect(listed[0]).not.toHaveProperty('file');
  });

  it('filters with --grep', async () => {
    const r = await cli(['list', '--json', '--grep', '^KEY-0[12] ']);
    expect(JSON.parse(r.out.join('\n')).map((q: { id: string }) => q.id)).toEqual(['KEY-01', 'KEY-02']);
  });

  it('prints a line per requirement and the counts', async () => {
    const r = await cli(['list']);
    expect(r.out.at(-1)).toMatch(new RegExp(`^${reqs.length} requirements \\(\\d+ must`));
    expect(r.out.some((l) => l.startsWith('KEY-01 '))).toBe(true);
  });
});
