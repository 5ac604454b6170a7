/**
 * The comparison page in a real browser (Debian's Chromium, driven by playwright-core): filters and
 * search work, details expand, a hostile answer does not run, and without JavaScript every row shows.
 */
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loaded, req, run } from '../harness/test-support/run-results.ts';
import { buildMatrix } from '../harness/reporting/compare/matrix.ts';
import { renderMatrixHtml } from '../harness/reporting/compare/matrix-html.ts';

const CHROMIUM = process.env.KMS_CONFORMANCE_CHROMIUM ?? '/usr/bin/chromium';
const HOSTILE = '<script>alert("x")</script><img src=x onerror="alert(1)">';

const a = run('embedded', [
  req('DIKM-01', 'pass'),
  req('DIKM-02', 'pass'),
  req('DIKM-05', 'observed', { observations: [{ label: 'alias name', value: { code: 'NotFoundException' } }] }),
  req('PROTO-01', 'pass'),
]);
const b = run('faulty', [
  req('DIKM-01', 'pass'),
  req('DIKM-02', 'fail', { failure: { message: `expected NotFoundException but got ${HOSTILE}`, expected: { code: 'NotFoundException' }, actual: { code: HOSTILE } } }),
  req('DIKM-05', 'observed', { observations: [{ label: 'alias name', value: { code: HOSTILE } }] }),
  req('PROTO-01', 'pass'),
]);
const file = join(mkdtempSync(join(tmpdir(), 'kmsct-compare-browser-')), 'compare.html');
writeFileSync(file, renderMatrixHtml(buildMatrix([loaded(a), loaded(b)])));

describe.runIf(existsSync(CHROMIUM) || process.env.CI)('comparison page in Chromium', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await chromium.launch({ executablePath: CHROMIUM });
  });
  afterAll(async () => {
    await browser?.close();
  });

  async function open(javaScriptEnabled = true): Promise<{ page: Page; dialogs: string[]; errors: string[] }> {
    const page = await (await browser.newContext({ javaScriptEnabled })).newPage();
    const dialogs: string[] = [];
    const errors: string[] = [];
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`file://${file}`);
    return { page, dialogs, errors };
  }
  const visibleRows = (page: Page) => page.$$eval('tr.row', (rows) => rows.filter((r) => (r as HTMLElement).offsetParent !== null).map((r) => r.id));

  it('filters to disagreements, to failures, and by search; hides emptied groups', async () => {
    const { page, dialogs, errors } = await open();
    // Within an area, rows failing for one cause come first (DIKM-02), then the others by id.
    expect(await visibleRows(page)).toEqual(['req-DIKM-02', 'req-DIKM-01', 'req-DIKM-05', 'req-PROTO-01']);
    await page.selectOption('#rows', 'differ');
    expect(await visibleRows(page)).toEqual(['req-DIKM-02', 'req-DIKM-05']);
    expect(await page.isVisible('text=protocol')).toBe(false);
    await page.selectOption('#rows', 'disagree');
    expect(await visibleRows(page)).toEqual(['req-DIKM-02']);
    await page.selectOption('#rows', 'fail');
    expect(await visibleRows(page)).toEqual(['req-DIKM-02']);
    await page.selectOption('#rows', 'dev-0');
    expect(await visibleRows(page)).toEqual([]);
    await page.selectOption('#rows', 'dev-1');
    expect(await visibleRows(page)).toEqual(['req-DIKM-02']);
    await page.selectOption('#rows', '');
    await page.fill('#q', 'proto-01');
    expect(await visibleRows(page)).toEqual(['req-PROTO-01']);
    expect(await page.textContent('#shown')).toBe('1 of 4 requirements shown');
    expect(dialogs).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('shows the hostile answer as text, side by side, and expands expected/actual', async () => {
    const { page, dialogs } = await open();
    const row = page.locator('#req-DIKM-05');
    // The answer is shown as JSON text, quotes escaped: the markup itself is visible, not run.
    await expect(row.locator('td').nth(1).innerText()).resolves.toContain('<script>alert(\\"x\\")</script><img src=x onerror=');
    await expect(row.locator('td').nth(0).innerText()).resolves.toContain('NotFoundException');
    const failure = page.locator('#req-DIKM-02 td.o-fail');
    expect(await failure.getAttribute('title')).toBe(`expected NotFoundException but got ${HOSTILE}`);
    expect(await failure.locator('pre').isVisible()).toBe(false);
    await failure.locator('summary').click();
    expect(await failure.locator('pre').innerText()).toContain('"expected"');
    expect(await page.locator('img').count()).toBe(0);
    expect(dialogs).toEqual([]);
  });

  it('without JavaScript shows every row and no dead controls', async () => {
    const { page } = await open(false);
    expect(await visibleRows(page)).toHaveLength(4);
    expect(await page.isVisible('#q')).toBe(false);
  });
});
