/**
 * End to end: `kms-conformance run` against the embedded reference leaves an index.html beside
 * results.json, with a row for exactly the requirements that ran. The CLI runs in-process
 * (test/in-process.ts).
 */
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runMain } from './in-process.ts';

describe('the HTML report of a real run', () => {
  it('is written for the requirements that ran, and only those', async () => {
    const out = mkdtempSync(join(tmpdir(), 'kmsct-report-cli-'));
    const r = await runMain(['run', '--out', out, '--grep', '^(KEY-01|DIKM-06|DIKM-08) ']);
    expect(r.code, r.stdout + r.stderr).toBe(0);
    const page = join(out, 'index.html');
    expect(existsSync(page)).toBe(true);
    const results = JSON.parse(readFileSync(join(out, 'results.json'), 'utf8')) as { requirements: { id: string }[]; run: { id: string; seed: number } };
    const ran = results.requirements.map((q) => q.id);
    expect(ran).toEqual(['DIKM-06', 'DIKM-08', 'KEY-01']);
    const html = readFileSync(page, 'utf8');
    const rows = [...html.matchAll(/<article[^>]*id="req-([A-Z0-9-]+)"/g)].map((m) => m[1]).sort();
    expect(rows).toEqual(ran);
    expect(html).toContain('CONFORMANT');
    expect(html).toContain(results.run.id);
    expect(html).toContain(String(results.run.seed));
    // Every row carries its recorded requests.
    expect(html).toMatch(/id="req-DIKM-06"[\s\S]*?Requests and responses \(\d+, redacted\)/);
  }, 120_000);
});
