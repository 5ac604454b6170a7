import { describe, expect, it } from 'vitest';
import { loaded, req, run } from '../../test-support/run-results.ts';
import { diffRuns } from './diff.ts';
import { renderDiffHtml } from './diff-html.ts';
import { buildMatrix } from './matrix.ts';
import { renderMatrixHtml } from './matrix-html.ts';

const HOSTILE = '<script>alert(1)</script><img src=x onerror=alert(2)>';

/** The rows of the rendered table, by requirement id. */
function rowHtml(page: string, id: string): string {
  const start = page.indexOf(`id="req-${id}"`);
  expect(start, `row ${id}`).toBeGreaterThan(-1);
  return page.slice(start, page.indexOf('</tr>', start));
}

describe('comparison page', () => {
  const a = run('embedded', [
    req('DIKM-01', 'pass'),
    req('DIKM-05', 'observed', { observations: [{ label: 'alias name', value: { status: 400, code: 'NotFoundException' } }] }),
  ], { version: '0.1.0' });
  const b = run(`evil${HOSTILE}`, [
    req('DIKM-01', 'fail', { failure: { message: `expected NotFound but got ${HOSTILE}`, actual: { code: 'X', message: HOSTILE } } }),
    req('DIKM-05', 'observed', { observations: [{ label: `label ${HOSTILE}`, value: { status: 200, message: HOSTILE } }] }),
    req('DIKM-09', 'pass', { statement: `statement ${HOSTILE}`, source: { url: 'javascript:alert(3)' } }),
  ], { version: `2.0${HOSTILE}` });
  const page = renderMatrixHtml(buildMatrix([loaded(a), loaded(b)]));

  it('is one self-contained page: no external script, style, image or link', () => {
    expect(page).toMatch(/^<!doctype html>/);
    expect(page).not.toMatch(/<(script|link|img)[^>]+(src|href)=/i);
    expect(page).not.toMatch(/url\(/);
  });

  it('escapes everything a target or a results file said: the only script is the page\'s own', () => {
    expect(page.match(/<script/g)).toHaveLength(1);
    expect(page).not.toContain('<img');
    expect(page).toContain('&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=alert(2)&gt;');
    expect(page).not.toContain('javascript:');
  });

  it('shows each cell\'s outcome, the failure message on hover and in place, and not-run cells', () => {
    const r1 = rowHtml(page, 'DIKM-01');
    expect(r1).toMatch(/class="cell o-pass"/);
    expect(r1).toMatch(/class="cell o-fail" title="expected NotFound but got &lt;script&gt;/);
    expect(r1).toContain('target answered: X: &lt;script&gt;');
    expect(rowHtml(page, 'DIKM-09')).toMatch(/class="cell o-absent"><span class="outcome">not run</);
  });

  it('puts what each target answered to an observe check side by side, in the same row', () => {
    const r5 = rowHtml(page, 'DIKM-05');
    const first = r5.indexOf('&quot;NotFoundException&quot;');
    const second = r5.indexOf('&quot;status&quot;: 200');
    expect(first).toBeGreaterThan(-1);
    expect(second).toBeGreaterThan(first);
    expect(r5).toContain('data-differs="1"');
  });

  it('has column headers naming target, version, run and verdict, and the filters', () => {
    expect(page).toContain(`<div class="col-name">embedded</div>`);
    expect(page).toContain('<dt>version</dt><dd>0.1.0</dd>');
    expect(page).toContain(`<dt>run</dt><dd>${a.run.id}</dd>`);
    expect(page).toContain('<strong>nonconformant</strong>');
    for (const id of ['q', 'rows']) expect(page).toContain(`id="${id}"`);
    for (const v of ['disagree', 'differ', 'fail', 'dev-0', 'dev-1']) expect(page).toContain(`<option value="${v}">`);
  });
});

describe('diff page', () => {
  it('escapes hostile answers and lists the regression', () => {
    const old = run('moto', [req('DIKM-01', 'pass'), req('DIKM-05', 'observed', { observations: [{ label: 'a', value: 'x' }] })]);
    const now = run('moto', [
      req('DIKM-01', 'fail', { failure: { message: HOSTILE } }),
      req('DIKM-05', 'observed', { observations: [{ label: 'a', value: HOSTILE }] }),
    ]);
    const page = renderDiffHtml(diffRuns(loaded(old), loaded(now)));
    expect(page).not.toMatch(/<script/);
    expect(page).not.toContain('<img');
    expect(page).toMatch(/<h2 id="regressed">Regressed \(1\)<\/h2>/);
    expect(page).toMatch(/<h2 id="observation-changed">Observations changed \(1\)<\/h2>/);
  });
});
