import { createHash } from 'node:crypto';
import { inflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { HOSTILE, fixtureResults } from '../../../test/report-fixture.ts';
import { OUTCOMES, OUTCOME_WORDS } from '../../results/index.ts';
import { evidenceFiles } from './evidence.ts';
import { renderReport } from './page.ts';

const page = renderReport(fixtureResults());

/** The markup of one requirement's row. */
function row(html: string, id: string): string {
  const m = new RegExp(`<article[^>]*id="req-${id}"[\\s\\S]*?</article>`).exec(html);
  if (!m) throw new Error(`no row for ${id}`);
  return m[0];
}

describe('the HTML report', () => {
  it('is one self-contained document: no external script, style, image or font', () => {
    expect(page.startsWith('<!doctype html>')).toBe(true);
    expect(page).not.toMatch(/<script[^>]+src=|<link[^>]+href=|<img[^>]+src=|url\(|@import/i);
    expect(page.match(/<script>/g)).toHaveLength(1);
  });

  it('shows target, suite, seed, the verdict in words, baseline and suite errors at the top', () => {
    const top = page.slice(0, page.indexOf('<h2 class="section-title">'));
    for (const text of ['emulator', 'endpoint', 'http://127.0.0.1:4566', 'us-east-1', '1.2.3', 'importKeyMaterial', 'kms-conformance 0.1.0', '1440478003', '2026-11-28 01:00:00 UTC', '1 min 05 s', 'baselines/emulator.json'])
      expect(top).toContain(text);
    expect(top).toContain('ERROR');
    expect(top).toContain('The suite itself failed');
    expect(top).toMatch(/Suite errors \(1\)[\s\S]*specs\/broken\.spec\.ts: SyntaxError/);
  });

  it('counts every outcome per strength and in all', () => {
    const r = fixtureResults();
    const allRow = /<tr class="all">([\s\S]*?)<\/tr>/.exec(page)![1]!;
    const cells = [...allRow.matchAll(/<td[^>]*>(\d+)<\/td>/g)].map((m) => Number(m[1]));
    expect(cells).toEqual([r.summary.total, ...OUTCOMES.map((o) => r.summary.byOutcome[o])]);
    expect(cells.slice(1).every((n) => n > 0)).toBe(true);
    const must = /<tr><th><span class="strength s-must"[\s\S]*?<\/tr>/.exec(page)![0];
    expect([...must.matchAll(/<td[^>]*>(\d+)<\/td>/g)].map((m) => Number(m[1]))).toEqual([7, 1, 2, 1, 1, 1, 0, 1, 0]);
  });

  it('lists the problems first, linking to their rows, must before should', () => {
    const problems = /<section class="problems" id="problems">([\s\S]*?)<\/section>/.exec(page)![1]!;
    const links = [...problems.matchAll(/href="#req-([A-Z0-9-]+)"/g)].map((m) => m[1]);
    expect(links).toEqual(['DIKM-06', 'GPFI-01', 'GPFI-05', 'MODEL-01', 'DIKM-08', 'GPFI-04']);
    for (const id of links) expect(page).toContain(`id="req-${id}"`);
    expect(page.indexOf('id="problems"')).toBeLessThan(page.indexOf('id="req-DIKM-01"'));
  });

  it('groups requirements by operation or area, each group with its counts', () => {
    const groups = [...page.matchAll(/<section class="group" data-operation="([^"]+)">([\s\S]*?)<\/section>/g)];
    expect(groups.map((g) => g[1])).toEqual(['DeleteImportedKeyMaterial', 'GetParametersForImport', 'lifecycle-model']);
    const ids = (g: string) => [...g.matchAll(/<article[^>]*id="req-([A-Z0-9-]+)"/g)].map((m) => m[1]);
    expect(ids(groups[0]![2]!)).toEqual(['DIKM-01', 'DIKM-06', 'DIKM-08', 'DIKM-05']);
    expect(ids(groups[1]![2]!)).toEqual(['GPFI-01', 'GPFI-05', 'GPFI-02', 'GPFI-03', 'GPFI-04']);
    expect(groups[0]![2]).toContain('4 requirements');
    expect(groups[0]![2]).toMatch(/1 pass<\/span><span class="count o-fail">2 fail<\/span><span class="count o-observed">1 observed/);
  });

  it('shows a blocked row as blocked, linking the requirement that blocked it', () => {
    const r = row(page, 'GPFI-05');
    expect(r).toContain('data-outcome="blocked"');
    expect(r).toContain('blocked by <a href="#req-DIKM-06">DIKM-06</a>: CreateKey with Origin EXTERNAL made a key in Enabled');
  });

  it('gives each row its outcome in words, strength, evidence level, source link and duration', () => {
    const r = row(page, 'DIKM-06');
    expect(r).toContain('data-outcome="fail"');
    expect(r).toContain(`>${OUTCOME_WORDS.fail.title}</span>`);
    expect(r).toContain('>must</span>');
    expect(r).toContain('>documented</span>');
    expect(r).toContain('<a href="https://docs.aws.amazon.com/kms/latest/APIReference/API_DeleteImportedKeyMaterial.html" rel="noreferrer">Errors</a>');
    expect(r).toContain('REQ-K1');
    expect(r).toContain('42 ms');
  });

  it('shows a failure as message and a line diff of expected vs actual (computed when the failure has none)', () => {
    const r = row(page, 'DIKM-06');
    expect(r).toContain('expected NotFoundException (HTTP 400) but got ResourceNotFoundException');
    expect(r).toContain('<span class="del">-   &quot;code&quot;: &quot;NotFoundException&quot;,</span>');
    expect(r).toContain('<span class="add">+   &quot;code&quot;: &quot;ResourceNotFoundException&quot;,</span>');
    expect(r).toContain('<span class="same">    &quot;status&quot;: 400</span>');
    const vitestDiff = row(page, 'DIKM-08');
    expect(vitestDiff).toContain('<span class="add">+ &quot;Key was not found&quot;</span>');
  });

  it('puts every exchange, request and response, in the evidence files the expandable section draws from', () => {
    const r = row(page, 'DIKM-06');
    expect(r).toMatch(/<details class="evidence"><summary>Evidence \(1 request\)<\/summary>/);
    const index = Number(/data-evidence="(\d+)"/.exec(r)![1]);
    const [file] = evidenceFiles(fixtureResults().requirements);
    expect(file!.name).toBe('0.js');
    const blob = /^kmsEvidence\(0,"([A-Za-z0-9+/=]*)"\);\n$/.exec(file!.text)![1]!;
    const all = JSON.parse(inflateRawSync(Buffer.from(blob, 'base64')).toString('utf8')) as { o: string; q: string; qb: string; s: number; r: string; rb: string }[][];
    const [x] = all[index]!;
    expect(x!.o).toBe('DeleteImportedKeyMaterial');
    expect(x!.q).toMatch(/^POST \/\ncontent-type: application\/x-amz-json-1\.1/);
    expect(x!.q).not.toMatch(/authorization|x-amz-date/i);
    expect(x!.qb).toContain('"KeyId": "1234abcd-12ab-34cd-56ef-1234567890ab"');
    expect(`${x!.s}\n${x!.r}`).toMatch(/^400\nx-amzn-requestid: req-1/);
    expect(r).toContain('Clean-up problems');
  });

  it('shows observations, the not-applicable note and baseline reasons', () => {
    const observed = row(page, 'DIKM-05');
    expect(observed).toMatch(/<dt>answer<\/dt><dd><pre>\{\n  &quot;code&quot;: &quot;ValidationException&quot;/);
    // An observe check's answer is its result: shown without expanding anything.
    expect(observed.indexOf('<dt>answer</dt>')).toBeLessThan(observed.indexOf('<details class="evidence">'));
    expect(observed.match(/<dt>answer<\/dt>/g)).toHaveLength(1);
    expect(row(page, 'GPFI-02')).toContain('Not applicable:</b> the target declared no import support');
    const exp = row(page, 'GPFI-03');
    expect(exp).toContain('without it: fail');
    expect(exp).toContain('the emulator keeps parameters for 100 days');
    expect(row(page, 'GPFI-04')).toMatch(/it passed: remove the entry[\s\S]*<a href="https:\/\/github.com\/example\/emulator\/issues\/7"/);
  });

  it('never makes a link of anything but http(s)', () => {
    expect(page).not.toMatch(/href="javascript:/i);
    expect(row(page, 'GPFI-03')).toContain('javascript:window.__xss=3');
  });

  it('shows a failed property with its shrunk counterexample, seed, path and replay command, outside the collapsed evidence', () => {
    const r = row(page, 'MODEL-01');
    const visible = r.slice(0, r.indexOf('<details class="evidence">'));
    expect(visible).toContain('Property failed: after DeleteImportedKeyMaterial(k1): DescribeKey reports KeyState PendingImport');
    expect(visible).toMatch(/<ol class="steps"><li><code>\(setup\) k1 = CreateKey\(EXTERNAL\)<\/code><\/li><li><code>ScheduleKeyDeletion\(k1\)<\/code>/);
    expect(visible).toContain('<dt>seed</dt><dd><code>1440478003</code>');
    expect(visible).toContain('<dt>path</dt><dd><code>0:2:1:1</code>');
    expect(visible).toContain('KMS_CONFORMANCE_REPLAY_PATH=&#39;0:2:1:1@FCFJAAEAE:VF&#39; kms-conformance run --grep MODEL-01 --seed 1440478003');
  });

  it('has a legend for every outcome and strength, and filters hidden without JavaScript', () => {
    const legend = /<details class="legend" open>([\s\S]*?)<\/details>/.exec(page)![1]!;
    for (const o of OUTCOMES) expect(legend).toContain(OUTCOME_WORDS[o].meaning);
    for (const s of ['must', 'should', 'observe']) expect(legend).toContain(`s-${s}`);
    expect(page).toContain('<html lang="en" class="no-js">');
    expect(page).toContain('.no-js .filters');
    expect(page).toContain('<noscript>');
  });

  it('allows exactly its own script by hash in its content security policy', () => {
    const script = /<script>([\s\S]*?)<\/script>/.exec(page)![1]!;
    const hash = createHash('sha256').update(script).digest('base64');
    expect(page).toContain(`script-src 'sha256-${hash}'`);
    expect(page).not.toContain('unsafe-inline\'; img');
    expect(page).not.toMatch(/script-src[^;"]*unsafe-inline/);
  });

  it('escapes target text everywhere: hostile markup in every field stays text', () => {
    const hostile = renderReport(fixtureResults({ hostile: true }));
    expect(hostile).not.toContain('<script>window');
    expect(hostile).not.toContain('<img');
    expect(hostile).not.toMatch(/onerror="/);
    expect(hostile.match(/<script>/g)).toHaveLength(1);
    const escaped = '&lt;script&gt;window.__xss=1&lt;/script&gt;&lt;img src=x onerror=&quot;window.__xss=2&quot;&gt;';
    // Present in the title, target, errors, messages, diffs, observations, baseline, property; the
    // exchanges are in the compressed evidence, drawn as text nodes by the page's script.
    expect(hostile.split(escaped).length - 1).toBeGreaterThan(25);
    // The evidence file is one call with base64 data: nothing a target sent can become code.
    const [file] = evidenceFiles(fixtureResults({ hostile: true }).requirements);
    const blob = /^kmsEvidence\(0,"([A-Za-z0-9+/=]*)"\);\n$/.exec(file!.text)![1]!;
    expect(inflateRawSync(Buffer.from(blob, 'base64')).toString('utf8')).toContain(JSON.stringify(HOSTILE).slice(1, -1));
    expect(HOSTILE).toContain('<script>');
  });
});

describe('the size of the page', () => {
  /** A run of `n` passing requirements with `perCheck` exchanges each, shaped like the suite's. */
  function run(n: number, perCheck: number) {
    const base = fixtureResults();
    const x = base.requirements.find((q) => q.id === 'DIKM-06')!.exchanges[0]!;
    const requirements = Array.from({ length: n }, (_, i) => ({
      ...base.requirements[0]!,
      id: `SIZE-${i + 1}`,
      statement: `DescribeKey of a key in state ${i} answers what AWS's documentation of the operation says it answers, in every member`,
      // A source as long as the suite's usually are (a recorded entry and its ground-truth facts).
      source: { url: 'https://github.com/localstack/localstack/blob/main/tests/aws/services/kms/test_kms.snapshot.json', section: 'test_kms.py::TestKMS::test_describe_key_in_state › "describe-key" (recorded 2025-11-10)', groundTruth: 'MGT-101, MGT-102' },
      exchanges: Array.from({ length: perCheck }, () => x),
    }));
    return { ...base, requirements, summary: { ...base.summary, total: n } };
  }

  it('does not grow with the requests and responses a run makes: they are in the evidence files', () => {
    const few = renderReport(run(200, 1)).length;
    const many = renderReport(run(200, 40)).length;
    expect(many - few, 'bytes the 7,800 extra exchanges add to the page').toBeLessThan(200 * 8);
    expect(evidenceFiles(run(200, 40).requirements)).toHaveLength(Math.ceil(200 / 64));
  });

  it('stays under 1.5 MB for 1,200 requirements (the suite has about 750): about a kilobyte a requirement', () => {
    expect(renderReport(run(1200, 9)).length).toBeLessThan(1.5 * 1024 * 1024);
  });
});

