import { describe, expect, it } from 'vitest';
import { loaded, req, run } from '../../test-support/run-results.ts';
import { diffRuns } from './diff.ts';
import { buildMatrix } from './matrix.ts';
import { mdCell, renderDiffMarkdown, renderMatrixMarkdown } from './markdown.ts';

describe('mdCell', () => {
  it('keeps a cell one cell: pipes, line breaks and markup are neutralised', () => {
    expect(mdCell('a|b\nc <script>x</script> `d` [e](f)')).toBe('a\\|b c &lt;script&gt;x&lt;/script&gt; \\`d\\` \\[e\\](f)');
  });
});

describe('renderMatrixMarkdown', () => {
  const a = run('embedded', [req('DIKM-01', 'pass'), req('DIKM-02', 'pass'), req('PROTO-01', 'pass')], { version: '0.1.0' });
  const b = run('moto', [req('DIKM-01', 'pass'), req('DIKM-02', 'not-implemented'), req('PROTO-01', 'expected-deviation')], { version: '5.2.1' });
  const md = renderMatrixMarkdown(buildMatrix([loaded(a), loaded(b)], new Date('2026-11-28T12:00:00Z')));

  it('dates the table and names each target with its version', () => {
    expect(md).toContain('Generated 2026-11-28');
    expect(md).toMatch(/^\| embedded \| endpoint \| 0\.1\.0 \| 0\.1\.0 \|/m);
    expect(md).toMatch(/^\| moto \| endpoint \| 5\.2\.1 \|/m);
  });

  it('summarises each area per target, and all areas', () => {
    expect(md).toContain('| DeleteImportedKeyMaterial (2) | 2/2 pass | 1/2 pass, 1 not impl. |');
    expect(md).toContain('| protocol (1) | 1/1 pass | 0/1 pass, 1 expected dev. |');
    expect(md).toContain('| **all** (3) | **3/3 pass** | **1/3 pass, 1 not impl., 1 expected dev.** |');
  });

  it('lists every requirement with its outcome per target, marking disagreements', () => {
    expect(md).toContain('| DIKM-01 | must | ✅ pass | ✅ pass |');
    expect(md).toContain('| DIKM-02 ≠ | must | ✅ pass | ⛔ not impl. |');
  });
});

describe('renderDiffMarkdown', () => {
  it('lists regressions with the failure, and only kinds that happened', () => {
    const md = renderDiffMarkdown(diffRuns(loaded(run('moto', [req('DIKM-01', 'pass')])), loaded(run('moto', [req('DIKM-01', 'fail', { failure: { message: 'got | this' } })]))));
    expect(md).toContain('### Regressed (1)');
    expect(md).toContain('- **DIKM-01** statement of DIKM-01: pass → fail: got \\| this');
    expect(md).not.toContain('### Improved');
  });
});
