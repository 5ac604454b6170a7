/**
 * @module harness/reporting/html/format
 * Small formatting helpers shared by the report's sections: words for outcomes and strengths,
 * durations, dates, pretty-printed values and safe links.
 */
import type { Outcome } from '../results.ts';
import type { EvidenceLevel, Strength } from '../../spec/requirement.ts';
import { html, type Html } from './html.ts';

/** What each outcome means, in the words the legend and the badges use. */
export const OUTCOME_TEXT: Record<Outcome, { label: string; meaning: string }> = {
  pass: { label: 'Pass', meaning: 'the target behaved as the requirement says' },
  fail: { label: 'Fail', meaning: 'the target did not behave as the requirement says' },
  'not-implemented': { label: 'Not implemented', meaning: 'the target does not have the operation under test' },
  'not-applicable': { label: 'Not applicable', meaning: 'the target declared it lacks a capability the check needs' },
  observed: { label: 'Observed', meaning: 'AWS behaviour is unknown here; what the target answered is recorded, with no verdict' },
  'expected-deviation': { label: 'Expected deviation', meaning: 'a failure the known-deviation baseline lists; it does not fail the run' },
  'stale-deviation': { label: 'Stale deviation', meaning: 'the baseline lists this requirement but it now passes; update the baseline' },
};

export const STRENGTH_TEXT: Record<Strength, string> = {
  must: 'AWS documents or was recorded doing this; a failure makes the target nonconformant',
  should: 'a parity detail (message text, content type); reported, but does not decide the verdict',
  observe: 'AWS behaviour is unknown; the answer is recorded for comparison',
};

export const EVIDENCE_TEXT: Record<EvidenceLevel, string> = {
  recorded: 'seen in a recording of real AWS',
  documented: 'stated in the AWS documentation',
  inferred: 'follows from documented behaviour',
  unknown: 'AWS behaviour is not known',
};

/** Outcomes that need someone's attention: they are listed under "Problems". */
export const PROBLEM_OUTCOMES: ReadonlySet<Outcome> = new Set(['fail', 'not-implemented', 'stale-deviation']);

export function badge(o: Outcome): Html {
  return html`<span class="badge o-${o}" title="${OUTCOME_TEXT[o].meaning}">${OUTCOME_TEXT[o].label}</span>`;
}

export function strengthTag(s: Strength): Html {
  return html`<span class="strength s-${s}" title="${STRENGTH_TEXT[s]}">${s}</span>`;
}

/** 340 ms, 1.2 s, 2 min 03 s. */
export function duration(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`;
  const s = Math.round(ms / 1000);
  return `${Math.floor(s / 60)} min ${String(s % 60).padStart(2, '0')} s`;
}

/** An ISO timestamp as `2026-11-28 02:48:51 UTC`; anything unparseable as it came. */
export function date(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : `${d.toISOString().slice(0, 19).replace('T', ' ')} UTC`;
}

/** Strings as they are (a body that was not JSON), everything else as indented JSON. */
export function pretty(v: unknown): string {
  if (typeof v === 'string') return v;
  if (v === undefined) return '';
  return JSON.stringify(v, null, 2) ?? String(v);
}

/**
 * A link only for http(s) addresses; anything else (a `javascript:` URL from a hostile baseline file,
 * say) is shown as text.
 */
export function link(url: string | undefined, text: string): Html {
  if (url && /^https?:\/\//i.test(url)) return html`<a href="${url}" rel="noreferrer">${text}</a>`;
  return html`${text}${url && url !== text ? ` (${url})` : ''}`;
}

/** The anchor of a requirement's row. */
export function anchor(id: string): string {
  return `req-${id.replace(/[^A-Za-z0-9_-]/g, '_')}`;
}
