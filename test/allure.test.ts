/**
 * Allure output of a run: allure-results/ with the requirement's labels, the target environment,
 * and a report that Allure 3 (`npx allure generate`, no Java) builds from it. The run is `main()`
 * in-process (test/in-process.ts).
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, expect, it } from 'vitest';
import { allureActive } from '#harness/spec/allure-labels.ts';
import { ROOT } from './cli-support.ts';
import { runMain } from './in-process.ts';

interface AllureResult {
  name: string;
  status: string;
  testCaseId?: string;
  labels: { name: string; value: string }[];
  links: { url: string; name?: string }[];
  attachments: { name: string; source: string }[];
  steps?: AllureResult[];
}

/** Attachment names anywhere in a result (Allure 3 records runtime attachments as steps). */
function attachmentNames(r: Pick<AllureResult, 'attachments' | 'steps'>): string[] {
  return [...(r.attachments ?? []).map((a) => a.name), ...(r.steps ?? []).flatMap(attachmentNames)];
}

let dir: string;
let results: AllureResult[];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'kmsct-allure-'));
  const r = await runMain(['run', '--out', dir, '--grep', '^(KEY-01|PROTO-01) ']);
  expect(r.code, r.stderr).toBe(0);
  const ar = join(dir, 'allure-results');
  results = readdirSync(ar).filter((f) => f.endsWith('-result.json')).map((f) => JSON.parse(readFileSync(join(ar, f), 'utf8')) as AllureResult);
}, 180_000);

it('writes one Allure result per requirement that ran, and none for filtered-out ones', () => {
  expect(results.map((r) => r.testCaseId).sort()).toEqual(['KEY-01', 'PROTO-01']);
});

it('labels each result with requirement, operation, strength, evidence level and target, and links the source', () => {
  const key01 = results.find((r) => r.testCaseId === 'KEY-01')!;
  const labels = Object.fromEntries(key01.labels.map((l) => [l.name, l.value]));
  expect(labels).toMatchObject({ requirement: 'KEY-01', operation: 'CreateKey', feature: 'CreateKey', strength: 'must', evidence: 'recorded', target: 'embedded', severity: 'critical' });
  expect(key01.status).toBe('passed');
  expect(key01.links).toEqual([expect.objectContaining({ url: expect.stringMatching(/^https:\/\/docs\.aws\.amazon\.com\//) })]);
  expect(attachmentNames(key01)).toContain('exchanges.json');
});

it('records the target as the Allure environment', () => {
  const env = readFileSync(join(dir, 'allure-results', 'environment.properties'), 'utf8');
  expect(env).toMatch(/^target=embedded$/m);
  expect(env).toMatch(/^region=us-east-1$/m);
});

it('npx allure generate builds a report from it', async () => {
  const report = mkdtempSync(join(tmpdir(), 'kmsct-allure-report-'));
  await promisify(execFile)(process.execPath, [join(ROOT, 'node_modules/allure/cli.js'), 'generate', join(dir, 'allure-results'), '-o', report], { cwd: ROOT });
  expect(existsSync(join(report, 'index.html'))).toBe(true);
  const summary = JSON.parse(readFileSync(join(report, 'summary.json'), 'utf8')) as { stats: { total: number; passed: number } };
  expect(summary.stats).toMatchObject({ total: 2, passed: 2 });
}, 120_000);

it('outside a run with the Allure reporter, labelling is switched off', () => {
  // This unit test runs without allure-vitest's reporter: no runtime, so nothing is written anywhere.
  expect(allureActive()).toBe(false);
});
