/**
 * The HTML report in a real browser (Debian's Chromium driven by playwright-core): failures are
 * visible, the filters and search work, evidence expands, the page reads without JavaScript, and
 * markup a target sends never runs. Without Chromium the checks are skipped with the reason,
 * except in CI (CI set), where that is a failure.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeHtmlReport } from '../harness/reporting/html/writer.ts';
import type { RunResults } from '../harness/results/index.ts';
import { startReferenceServer } from '../reference/server.ts';
import { findChromium, launchOptions } from '../scripts/chromium.ts';
import { runCli } from './cli-support.ts';
import { HOSTILE, fixtureResults } from './report-fixture.ts';

const found = findChromium();
const missing = 'missing' in found ? found.missing : undefined;

/** The page as written (with its evidence files), and a copy without its content security policy, so escaping alone is tested. */
function writePages(results: RunResults, dir: string): { page: string; noCsp: string } {
  const [page] = writeHtmlReport(results, dir) as [string];
  const noCsp = join(dir, 'no-csp.html');
  const html = readFileSync(page, 'utf8');
  const stripped = html.replace(/<meta http-equiv="Content-Security-Policy"[^>]*>/, '');
  if (stripped === html) throw new Error('the report has no content security policy to strip');
  writeFileSync(noCsp, stripped);
  return { page, noCsp };
}

async function visibleIds(page: Page): Promise<string[]> {
  return page.locator('article.req:visible').evaluateAll((els) => els.map((e) => e.id.replace(/^req-/, '')));
}

/** Opens `file` and reports whether any hostile markup ran (a dialog, or window.__xss set). */
async function ranHostileCode(browser: Browser, file: string): Promise<{ xss: unknown; dialogs: string[]; text: string }> {
  const page = await browser.newPage();
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
  // Give an <img onerror> time to fire if it had been rendered.
  await page.waitForTimeout(300);
  const xss = await page.evaluate(() => (window as unknown as { __xss?: unknown }).__xss);
  const text = await page.locator('body').innerText();
  await page.close();
  return { xss, dialogs, text };
}

if (missing && process.env.CI) {
  describe('the HTML report in Chromium', () => {
    it('needs Chromium in CI', () => {
      throw new Error(`Chromium is required in CI: ${missing}`);
    });
  });
}

describe.skipIf(missing !== undefined)(`the HTML report in Chromium${missing ? ` (skipped: ${missing})` : ''}`, () => {
  let browser: Browser;
  let files: { page: string; noCsp: string };
  let page: Page;

  beforeAll(async () => {
    browser = await chromium.launch(launchOptions((found as { path: string }).path));
    files = writePages(fixtureResults(), mkdtempSync(join(tmpdir(), 'kmsct-report-')));
  });
  afterAll(async () => {
    await browser?.close();
  });

  async function open(): Promise<Page> {
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(pathToFileURL(files.page).href);
    return page;
  }

  it('shows the verdict and the failures, linked from the problem list', async () => {
    const p = await open();
    await expect(p.locator('.verdict-word').innerText()).resolves.toBe('ERROR');
    await expect(p.locator('#problems li').count()).resolves.toBe(6);
    expect(await p.locator('#req-DIKM-06 .failure .message').isVisible()).toBe(true);
    await p.locator('#problems a[href="#req-MODEL-01"]').click();
    expect(p.url()).toMatch(/#req-MODEL-01$/);
    expect(await p.locator('#req-MODEL-01 .replay').isVisible()).toBe(true);
    await p.close();
  });

  it('"problems only" hides passing rows and shows every problem', async () => {
    const p = await open();
    expect(await visibleIds(p)).toHaveLength(10);
    await p.locator('#f-failed').check();
    expect((await visibleIds(p)).sort()).toEqual(['DIKM-06', 'DIKM-08', 'GPFI-01', 'GPFI-04', 'GPFI-05', 'MODEL-01']);
    expect(await p.locator('#req-DIKM-01').isVisible()).toBe(false);
    await expect(p.locator('#f-shown').innerText()).resolves.toBe('6 of 10 requirements shown');
    await p.locator('#f-failed').uncheck();
    expect(await visibleIds(p)).toHaveLength(10);
    await p.close();
  });

  it('filters by operation, strength and outcome, and hides empty groups', async () => {
    const p = await open();
    await p.locator('#f-operation').selectOption('GetParametersForImport');
    expect(await visibleIds(p)).toEqual(['GPFI-01', 'GPFI-05', 'GPFI-02', 'GPFI-03', 'GPFI-04']);
    expect(await p.locator('section.group[data-operation="lifecycle-model"]').isVisible()).toBe(false);
    await p.locator('#f-strength').selectOption('should');
    expect(await visibleIds(p)).toEqual(['GPFI-04']);
    await p.locator('#f-operation').selectOption('');
    expect(await visibleIds(p)).toEqual(['DIKM-08', 'GPFI-04']);
    await p.locator('#f-strength').selectOption('observe');
    expect(await visibleIds(p)).toEqual(['DIKM-05']);
    await p.locator('#f-strength').selectOption('');
    await p.locator('#f-outcome').selectOption('not-applicable');
    expect(await visibleIds(p)).toEqual(['GPFI-02']);
    await p.close();
  });

  it('searches ids and statements', async () => {
    const p = await open();
    await p.locator('#f-search').fill('model-01');
    expect(await visibleIds(p)).toEqual(['MODEL-01']);
    await p.locator('#f-search').fill('statement about getparametersforimport');
    expect(await visibleIds(p)).toEqual(['GPFI-01', 'GPFI-05', 'GPFI-02', 'GPFI-03', 'GPFI-04']);
    await p.locator('#f-search').fill('no such thing');
    expect(await visibleIds(p)).toEqual([]);
    await p.close();
  });

  it('expands the evidence to show a request and its response', async () => {
    const p = await open();
    const row = p.locator('#req-DIKM-06');
    expect(await row.locator('.exchange').isVisible()).toBe(false);
    await row.locator('details.evidence > summary').click();
    await row.locator('details.exchange > summary').first().click();
    const request = row.locator('.pane').first();
    expect(await request.isVisible()).toBe(true);
    expect(await request.innerText()).toMatch(/POST \/\s+content-type: application\/x-amz-json-1\.1[\s\S]*"KeyId": "1234abcd-12ab-34cd-56ef-1234567890ab"/);
    expect(await row.locator('.pane').nth(1).innerText()).toContain('"__type": "NotFoundException"');
    await p.close();
  });

  it('says so in the evidence section when the evidence files are not beside the page', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kmsct-report-alone-'));
    const alone = join(dir, 'index.html');
    writeFileSync(alone, readFileSync(files.page, 'utf8'));
    const p = await browser.newPage();
    await p.goto(pathToFileURL(alone).href);
    const row = p.locator('#req-DIKM-06');
    await row.locator('details.evidence > summary').click();
    await expect.poll(() => row.locator('.exchanges').innerText()).toMatch(/evidence\/0\.js was not found beside this page\); results\.json has it/);
    await p.close();
  });

  it('is fully readable without JavaScript: every row shown, filters hidden', async () => {
    const ctx = await browser.newContext({ javaScriptEnabled: false });
    const p = await ctx.newPage();
    await p.goto(pathToFileURL(files.page).href);
    expect(await visibleIds(p)).toHaveLength(10);
    expect(await p.locator('#filters').isVisible()).toBe(false);
    expect(await p.locator('.noscript').isVisible()).toBe(true);
    expect(await p.locator('#problems').isVisible()).toBe(true);
    await ctx.close();
  });

  it('never runs markup from a results file with hostile text in every field, even without its security policy', async () => {
    const hostile = writePages(fixtureResults({ hostile: true }), mkdtempSync(join(tmpdir(), 'kmsct-report-hostile-')));
    for (const file of [hostile.noCsp, hostile.page]) {
      const r = await ranHostileCode(browser, file);
      expect(r.xss).toBeUndefined();
      expect(r.dialogs).toEqual([]);
      expect(r.text).toContain(HOSTILE);
    }
  });

  describe('a real run against a reference that puts markup in its error messages', () => {
    let out: string;
    let run: { code: number | null; stdout: string; stderr: string };

    beforeAll(async () => {
      const ref = await startReferenceServer({ port: 0, faults: ['hostile-messages'], log: () => {} });
      try {
        out = mkdtempSync(join(tmpdir(), 'kmsct-report-hostile-run-'));
        run = await runCli(['run', '--endpoint', ref.url, '--out', out, '--seed', '1', '--grep', '^(DIKM-06|DIKM-08|PROTO-11) ']);
      } finally {
        await ref.close();
      }
    }, 120_000);

    it('reports the hostile message as text, and nothing in it runs', async () => {
      expect(run.code, run.stdout + run.stderr).not.toBe(2);
      const results = JSON.parse(readFileSync(join(out, 'results.json'), 'utf8')) as RunResults;
      expect(results.requirements.map((q) => q.id)).toEqual(['DIKM-06', 'DIKM-08', 'PROTO-11']);
      // DIKM-08 pins the message text, so the hostile prefix makes it fail with the message in the diff.
      expect(results.requirements.find((q) => q.id === 'DIKM-08')?.outcome).toBe('fail');
      const html = readFileSync(join(out, 'index.html'), 'utf8');
      expect(html).toContain('&lt;script&gt;window.__xss=1&lt;/script&gt;');
      expect(html).not.toContain('<script>window.__xss');
      const pages = writePages(results, out);
      for (const file of [pages.noCsp, pages.page]) {
        const r = await ranHostileCode(browser, file);
        expect(r.xss).toBeUndefined();
        expect(r.dialogs).toEqual([]);
        expect(r.text).toContain('<script>window.__xss=1</script>');
      }
    });
  });
});
