/**
 * @module harness/reporting/junit
 * `junit.xml` written from the final results, so that it tells the same story as the verdict: one
 * test suite per operation or area, one test case per requirement named `<id> — <statement>`.
 *
 * | outcome | JUnit |
 * |---|---|
 * | pass, observed | passed (an observation is in `system-out`) |
 * | fail, not-implemented, blocked | `failure` (blocked: its set-up step met another requirement's failure, named) |
 * | stale-deviation | `failure` (the baseline lists it, yet it passes), unless stale entries are allowed |
 * | expected-deviation | `skipped`, with the baseline's reason: a known deviation does not fail CI |
 * | not-applicable | `skipped`, with why |
 *
 * Text is escaped for XML with escape-html (its five entities are XML's), after removing the
 * control characters XML 1.0 cannot carry at all.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import escapeHtml from 'escape-html';
import type { RequirementResult, RunResults } from '../results/index.ts';

// eslint-disable-next-line no-control-regex
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

function x(text: unknown): string {
  return escapeHtml(String(text).replace(NOT_XML, '\uFFFD'));
}

const seconds = (ms: number) => (ms / 1000).toFixed(3);

function body(q: RequirementResult, allowStale: boolean): { tag: string; failed: boolean; skipped: boolean } {
  const f = q.failure;
  switch (q.outcome) {
    case 'fail':
    case 'not-implemented':
    case 'blocked': {
      const kind = q.outcome === 'not-implemented' ? 'not implemented' : q.outcome;
      const detail = [f?.message, f?.diff].filter(Boolean).join('\n\n');
      return { tag: `<failure message="${x(`${kind}: ${f?.message ?? ''}`)}" type="${q.outcome}">${x(detail)}</failure>`, failed: true, skipped: false };
    }
    case 'stale-deviation': {
      const message = `stale deviation: passes, but the baseline lists it (${q.baseline?.reason ?? ''})`;
      return allowStale
        ? { tag: `<system-out>${x(message)}</system-out>`, failed: false, skipped: false }
        : { tag: `<failure message="${x(message)}" type="stale-deviation"/>`, failed: true, skipped: false };
    }
    case 'expected-deviation':
      return { tag: `<skipped message="${x(`expected deviation (${q.baseline?.rawOutcome}): ${q.baseline?.reason ?? ''}`)}"/>`, failed: false, skipped: true };
    case 'not-applicable':
      return { tag: `<skipped message="${x(`not applicable: ${q.note ?? ''}`)}"/>`, failed: false, skipped: true };
    case 'observed': {
      const seen = (q.observations ?? []).map((o) => JSON.stringify(o)).join('\n');
      return { tag: seen ? `<system-out>${x(seen)}</system-out>` : '', failed: false, skipped: false };
    }
    default:
      return { tag: '', failed: false, skipped: false };
  }
}

export function renderJunit(r: RunResults): string {
  const groups = new Map<string, RequirementResult[]>();
  for (const q of r.requirements) groups.set(q.operation, [...(groups.get(q.operation) ?? []), q]);
  const allowStale = r.baseline?.allowStale ?? false;
  let failures = 0;
  let skipped = 0;
  const suites: string[] = [];
  for (const [operation, list] of groups) {
    let f = 0;
    let s = 0;
    const cases = list.map((q) => {
      const b = body(q, allowStale);
      if (b.failed) f++;
      if (b.skipped) s++;
      const open = `    <testcase classname="${x(`kms-conformance.${operation}`)}" name="${x(`${q.id} — ${q.statement}`)}" time="${seconds(q.durationMs)}"`;
      return b.tag ? `${open}>\n      ${b.tag}\n    </testcase>` : `${open}/>`;
    });
    failures += f;
    skipped += s;
    const time = seconds(list.reduce((t, q) => t + q.durationMs, 0));
    suites.push(`  <testsuite name="${x(operation)}" tests="${list.length}" failures="${f}" errors="0" skipped="${s}" time="${time}">\n${cases.join('\n')}\n  </testsuite>`);
  }
  const errors = r.errors.length;
  const suiteErrors = errors
    ? [`  <testsuite name="suite errors" tests="${errors}" failures="0" errors="${errors}" skipped="0">`, ...r.errors.map((e, i) => `    <testcase classname="kms-conformance" name="suite error ${i + 1}"><error message="${x(e)}"/></testcase>`), '  </testsuite>']
    : [];
  const head = `<testsuites name="kms-conformance ${x(r.target.name)}" tests="${r.requirements.length + errors}" failures="${failures}" errors="${errors}" skipped="${skipped}" time="${seconds(r.run.durationMs)}" timestamp="${x(r.run.startedAt)}">`;
  return ['<?xml version="1.0" encoding="UTF-8"?>', head, ...suites, ...suiteErrors, '</testsuites>', ''].join('\n');
}

export function writeJunit(results: RunResults, dir: string): string[] {
  const path = join(dir, 'junit.xml');
  writeFileSync(path, renderJunit(results));
  return [path];
}
