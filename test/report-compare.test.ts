/**
 * `report compare` end to end: two real runs made by the CLI (the embedded reference, and the
 * reference with the `accept-alias` fault), compared as a matrix and as a diff; and bad inputs. The
 * CLI runs in-process (test/in-process.ts); `report compare` resolves paths against process.cwd(),
 * so every path here is absolute.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { startReferenceServer } from '../reference/server.ts';
import { ROOT } from './cli-support.ts';
import { runMain } from './in-process.ts';

const dir = mkdtempSync(join(tmpdir(), 'kmsct-compare-'));
// DIKM-03/04 fail under accept-alias; DIKM-05 records a different answer; DIKM-01 is unaffected.
const GREP = '^(DIKM-0[1345]) ';

describe('report compare: bad input', () => {
  it.each([
    ['a missing file', [join(dir, 'missing.json')], /^kms-conformance: cannot read .*missing\.json: no such file or folder\n$/],
    ['--diff with one run', ['--diff', join(ROOT, 'package.json')], /^kms-conformance: --diff compares exactly two runs \(old, then new\); got 1\n$/],
  ])('%s: one line, exit 2', async (_, args, stderr) => {
    const r = await runMain(['report', 'compare', ...args]);
    expect(r.stderr).toMatch(stderr);
    expect(r.code).toBe(2);
  });
});

describe('report compare: a faithful run and a faulty one', () => {
  const good = join(dir, 'good');
  const bad = join(dir, 'bad');

  beforeAll(async () => {
    const a = await runMain(['run', '--out', good, '--seed', '1', '--grep', GREP]);
    expect(a.code, a.stdout + a.stderr).toBe(0);
    const ref = await startReferenceServer({ port: 0, faults: ['accept-alias'], log: () => {} });
    try {
      const b = await runMain(['run', '--endpoint', ref.url, '--out', bad, '--seed', '1', '--grep', GREP]);
      expect(b.code, b.stdout + b.stderr).toBe(1);
    } finally {
      await ref.close();
    }
  }, 180_000);

  it('the matrix shows where the runs differ, with the failures and both answers', async () => {
    const out = join(dir, 'compare.html');
    const md = join(dir, 'compare.md');
    const r = await runMain(['report', 'compare', good, join(bad, 'results.json'), '--out', out, '--markdown', md]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('4 requirements, 3 where the runs differ');
    expect(r.stdout).toContain(`wrote ${out}`);
    const page = readFileSync(out, 'utf8');
    const row = (id: string) => page.slice(page.indexOf(`id="req-${id}"`), page.indexOf('</tr>', page.indexOf(`id="req-${id}"`)));
    expect(row('DIKM-01')).toContain('data-differs="0"');
    expect(row('DIKM-03')).toMatch(/o-pass[\s\S]*o-fail/);
    expect(row('DIKM-05')).toContain('data-differs="1"');
    expect(row('DIKM-05')).toContain('NotFoundException'); // the faithful answer…
    expect(row('DIKM-05')).toMatch(/&quot;status&quot;: 200/); // …beside the faulty one
    expect(readFileSync(md, 'utf8')).toContain('| DIKM-03 ≠ | must | ✅ pass | ❌ fail |');
  });

  it('the diff reports the regressions and the changed answer, and exits 1', async () => {
    const out = join(dir, 'diff.html');
    const json = join(dir, 'diff.json');
    const r = await runMain(['report', 'compare', '--diff', good, bad, '--out', out, '--json', json]);
    expect(r.code, r.stderr).toBe(1);
    expect(r.stdout).toMatch(/^regressed \(2\):\n {2}DIKM-03 .*pass → fail.*\n {2}DIKM-04 .*pass → fail/m);
    expect(r.stdout).toMatch(/^observations changed \(1\):\n {2}DIKM-05 /m);
    expect(r.stdout).toContain("warning: the runs are of different targets ('embedded' and 'endpoint')");
    expect(readFileSync(out, 'utf8')).toContain('Regressed (2)');
    const d = JSON.parse(readFileSync(json, 'utf8')) as { regressed: boolean; changes: { kind: string; id: string }[] };
    expect(d.regressed).toBe(true);
    expect(d.changes.map((c) => `${c.kind}:${c.id}`)).toEqual(['regressed:DIKM-03', 'regressed:DIKM-04', 'observation-changed:DIKM-05']);
  });

  it('the other way round is an improvement, exit 0', async () => {
    const r = await runMain(['report', 'compare', '--diff', bad, good, '--out', join(dir, 'back.html')]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^improved \(2\):/m);
    expect(r.stdout).not.toMatch(/^regressed/m);
  });

  it('refuses a results.json of another major schema version', async () => {
    const v2 = join(dir, 'v2.json');
    writeFileSync(v2, JSON.stringify({ ...JSON.parse(readFileSync(join(good, 'results.json'), 'utf8')), schemaVersion: '2.0.0' }));
    const r = await runMain(['report', 'compare', good, v2]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^kms-conformance: .*v2\.json is not a kms-conformance results\.json this version reads: schemaVersion: .*\n$/);
  });
});
