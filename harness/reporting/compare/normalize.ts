/**
 * @module harness/reporting/compare/normalize
 * What two answers have in common once the values that differ on every run are set aside: run ids,
 * key ids and other UUIDs, account ids, timestamps, key material ids, loopback ports. Used to decide
 * whether targets (or two runs) answered an observe check the same way; the report still shows the
 * answers as recorded.
 */
import type { Observation } from '../../results/index.ts';
import type { RequirementResult } from '../../results/index.ts';

const VOLATILE: readonly [RegExp, string][] = [
  [/kmsct-\d{8}T\d{6}-[0-9a-f]{4}/g, '<run-id>'],
  [/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi, '<uuid>'],
  [/\b[0-9a-f]{64}\b/gi, '<hex64>'],
  [/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:?\d{2})?/g, '<time>'],
  [/\b(127\.0\.0\.1|localhost|\[::1\]):\d+/g, '<loopback>'],
  [/\b\d{12}\b/g, '<account>'],
];

/** A string with the volatile parts of `text` replaced by stable placeholders. */
export function normalizeText(text: string, runId?: string): string {
  let out = runId ? text.split(runId).join('<run-id>') : text;
  for (const [re, placeholder] of VOLATILE) out = out.replace(re, placeholder);
  return out;
}

/** One comparable string per observation label, volatile values replaced. */
export function normalizedObservations(observations: readonly Observation[] | undefined, runId?: string): Map<string, string> {
  const out = new Map<string, string>();
  const seen = new Map<string, number>();
  for (const o of observations ?? []) {
    // A label recorded twice (a property run asking the same question) keeps both answers.
    const n = (seen.get(o.label) ?? 0) + 1;
    seen.set(o.label, n);
    out.set(n === 1 ? o.label : `${o.label} #${n}`, normalizeText(JSON.stringify(o.value ?? null), runId));
  }
  return out;
}

/** A comparable form of everything a target answered in a check: outcome and observations. */
export function answerSignature(r: RequirementResult | undefined, runId?: string): string {
  if (!r) return 'absent';
  return JSON.stringify([r.outcome, [...normalizedObservations(r.observations, runId)]]);
}
