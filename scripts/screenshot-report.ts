/**
 * Opens a run's HTML report in headless Chromium and writes a full-page PNG, for reviewing the
 * report's look.
 *
 *   node --import tsx scripts/screenshot-report.ts [results-dir] [out.png]
 *
 * Defaults: reports/latest (its index.html) → <results-dir>/screenshot.png. Exits 2 with one line
 * when the report or Chromium is missing.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { findChromium, launchOptions } from './chromium.ts';

const dir = resolve(process.argv[2] ?? 'reports/latest');
const page = dir.endsWith('.html') ? dir : join(dir, 'index.html');
const out = resolve(process.argv[3] ?? join(dir.endsWith('.html') ? resolve(dir, '..') : dir, 'screenshot.png'));

function abort(line: string): never {
  process.stderr.write(`screenshot-report: ${line}\n`);
  process.exit(2);
}

if (!existsSync(page)) abort(`no report at ${page} (run 'kms-conformance run' first, or name a results folder)`);
const found = findChromium();
if ('missing' in found) abort(found.missing);

const browser = await chromium.launch(launchOptions(found.path));
try {
  const tab = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await tab.goto(pathToFileURL(page).href);
  await tab.screenshot({ path: out, fullPage: true });
  process.stdout.write(`${out}\n`);
} finally {
  await browser.close();
}
