/**
 * @module harness/spec/allure-labels
 * Allure metadata for a requirement test. allure-vitest does not turn vitest metadata into labels
 * (shared/research/conformance-suites-and-libraries.md §5.2), so each test sets them at runtime.
 * Outside a run with the Allure reporter no Allure runtime is installed and nothing is done, so
 * `npm test` leaves no allure-results behind.
 */
import * as allure from 'allure-js-commons';
import type { Exchange } from '../evidence/recorder.ts';
import type { Observation } from './requirement-test.ts';
import type { Requirement } from './requirement.ts';

/** allure-js-commons finds its runtime under this global; allure-vitest's setup module installs it. */
const RUNTIME_KEY = 'allureTestRuntime';

export function allureActive(): boolean {
  return typeof (globalThis as Record<string, unknown>)[RUNTIME_KEY] === 'function';
}

const SEVERITY = { must: 'critical', should: 'normal', observe: 'trivial' } as const;

/** Labels, links and a parameter that identify the requirement and the target in Allure. */
export async function labelRequirement(r: Requirement, target: { name: string; kind: string }): Promise<void> {
  if (!allureActive()) return;
  await allure.testCaseId(r.id);
  await allure.labels(
    { name: 'requirement', value: r.id },
    { name: 'operation', value: r.operation },
    { name: 'strength', value: r.strength },
    { name: 'evidence', value: r.evidence },
    // `target` is the label an allurerc `environments` matcher splits runs by.
    { name: 'target', value: target.name },
    { name: 'targetKind', value: target.kind },
    { name: 'epic', value: 'KMS conformance' },
    { name: 'feature', value: r.operation },
    { name: 'story', value: r.id },
    { name: 'severity', value: SEVERITY[r.strength] },
    { name: 'tag', value: r.strength },
  );
  await allure.link(r.source.url, r.source.section ?? r.source.url);
  // A parameter keeps each target's history apart in Allure.
  await allure.parameter('target', target.name);
}

/** The check's evidence, already redacted by the recorder, as JSON attachments. */
export async function attachEvidence(exchanges: readonly Exchange[], observations: readonly Observation[]): Promise<void> {
  if (!allureActive()) return;
  if (exchanges.length) await allure.attachment('exchanges.json', JSON.stringify(exchanges, null, 2), 'application/json');
  if (observations.length) await allure.attachment('observations.json', JSON.stringify(observations, null, 2), 'application/json');
}
