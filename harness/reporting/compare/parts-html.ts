/**
 * @module harness/reporting/compare/parts-html
 * Pieces shared by the comparison and diff pages: a run's description, a requirement's heading, a
 * cell (outcome, failure, answers). Everything from results.json is untrusted and goes through `html`.
 */
import { html, raw, type Html } from '../html/html.ts';
import { runFilter, OUTCOME_WORDS, type Observation, type Requirement, type RequirementResult, type RunResults } from '../../results/index.ts';
import type { CellOutcome } from './matrix.ts';
import { COMPARE_CSS } from './styles.ts';

export function outcomeLabel(o: CellOutcome): string {
  return o === 'absent' ? 'not run' : OUTCOME_WORDS[o].label;
}

/** A link only for http(s) addresses: a results.json could carry `javascript:` URLs. */
export function link(url: string, text: string): Html {
  return /^https?:\/\//i.test(url) ? html`<a href="${url}" rel="noreferrer">${text}</a>` : html`${text}`;
}

const MAX_JSON = 4000;

/** A value as indented JSON in a <pre>, cut at a readable length. */
export function jsonBlock(value: unknown): Html {
  let text = typeof value === 'string' ? value : JSON.stringify(value, null, 2) ?? String(value);
  if (text.length > MAX_JSON) text = `${text.slice(0, MAX_JSON)}\n… (${text.length - MAX_JSON} more characters in results.json)`;
  return html`<pre>${text}</pre>`;
}

export function observationList(observations: readonly Observation[]): Html {
  return html`<dl class="obs">${observations.map((o) => html`<dt>${o.label}</dt><dd>${jsonBlock(o.value)}</dd>`)}</dl>`;
}

/** "CODE (HTTP n): message" when a failure carries the target's error answer. */
function answerLine(actual: unknown): string | undefined {
  if (typeof actual !== 'object' || actual === null) return undefined;
  const a = actual as { code?: unknown; status?: unknown; message?: unknown };
  if (typeof a.code !== 'string') return undefined;
  return `${a.code}${a.status !== undefined ? ` (HTTP ${String(a.status)})` : ''}${a.message ? `: ${String(a.message)}` : ''}`;
}

/**
 * One run's outcome of one requirement. With `open`, failures and answers are shown in place (for
 * observe checks and disagreements); otherwise they are one click away.
 */
export function cellBody(outcome: CellOutcome, r: RequirementResult | undefined, open: boolean, reasonRef?: string): Html {
  const f = r?.failure;
  const answer = answerLine(f?.actual);
  const failure = f
    ? html`<p class="msg">${f.message}</p>${answer && answer !== f.message ? html`<p class="msg">target answered: ${answer}</p>` : null}
      ${f.expected !== undefined || f.actual !== undefined ? html`<details><summary>expected / actual</summary>${jsonBlock({ expected: f.expected, actual: f.actual })}</details>` : null}`
    : null;
  // In the matrix a reason is written once per column, below the table; a cell points at it.
  const baseline = r?.baseline && reasonRef
    ? html`<p class="msg">baseline <a href="#${reasonRef}">${reasonRef.replace(/^reason-\d+-/, '[')}]</a>; raw outcome ${outcomeLabel(r.baseline.rawOutcome)}</p>`
    : r?.baseline
    ? html`<p class="msg">baseline: ${r.baseline.reason}${r.baseline.link ? html` (${link(r.baseline.link, 'link')})` : null}; raw outcome ${outcomeLabel(r.baseline.rawOutcome)}</p>`
    : null;
  const note = r?.note ? html`<p class="msg">${r.note}</p>` : null;
  const obs = r?.observations?.length
    ? open
      ? observationList(r.observations)
      : html`<details><summary>answers (${r.observations.length})</summary>${observationList(r.observations)}</details>`
    : null;
  return html`<span class="outcome">${outcomeLabel(outcome)}</span>${note}${baseline}${failure}${obs}`;
}

/** A table cell for one run's outcome, with the failure message on hover. */
export function cell(outcome: CellOutcome, r: RequirementResult | undefined, open: boolean, reasonRef?: string): Html {
  return html`<td class="cell o-${outcome}"${r?.failure ? html` title="${r.failure.message}"` : null}>${cellBody(outcome, r, open, reasonRef)}</td>`;
}

export function requirementHeading(q: Requirement): Html {
  return html`<span class="id">${q.id}</span><span class="tag ${q.strength}">${q.strength}</span><span class="tag">${q.evidence}</span>
    <div>${q.statement}</div>
    <div class="msg">${link(q.source.url, q.source.section ? `source: ${q.source.section}` : 'source')}</div>`;
}

/** Counts per outcome, the non-zero ones, e.g. "12 pass · 1 fail". */
export function countsLine(byOutcome: Partial<Record<CellOutcome, number>>): string {
  const parts = Object.entries(byOutcome)
    .filter(([, n]) => n)
    .map(([o, n]) => `${n} ${outcomeLabel(o as CellOutcome)}`);
  return parts.join(' · ') || 'nothing checked';
}

/** What identifies a run: target, endpoint, version, run id, date, suite version, verdict, counts. */
export function runFacts(r: RunResults): Html {
  const t = r.target;
  const rows: [string, string | Html][] = [
    ['kind', t.kind],
    ...(t.endpoint ? [['endpoint', t.endpoint] as [string, string]] : []),
    ...(t.version ? [['version', t.version] as [string, string]] : []),
    ['region', t.region],
    ['run', r.run.id],
    ['date', r.run.startedAt.replace('T', ' ').replace(/\.\d+Z$/, 'Z')],
    ['suite', `${r.suite.name} ${r.suite.version}`],
    ...(runFilter(r.run) ? [['filter', runFilter(r.run)!] as [string, string]] : []),
    ...(r.baseline ? [['baseline', `${r.baseline.path} (${r.baseline.entries} entries)`] as [string, string]] : []),
    ['verdict', html`<strong>${r.verdict}</strong>${r.run.interrupted ? ' (interrupted: partial)' : null}`],
    ['counts', html`<span class="counts">${countsLine(r.summary.byOutcome)}</span>`],
    ...(r.errors.length ? [['suite errors', html`${r.errors.length}: ${r.errors[0]}${r.errors.length > 1 ? ' …' : ''}`] as [string, Html]] : []),
  ];
  return html`<dl class="facts">${rows.map(([k, v]) => html`<dt>${k}</dt><dd>${v}</dd>`)}</dl>`;
}

/** The page around a body: self-contained, no external assets. */
export function page(title: string, body: Html, script?: string): Html {
  return html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
<style>${raw(COMPARE_CSS)}</style>
</head>
<body>
${body}
${script ? html`<script>${raw(script)}</script>` : null}
</body>
</html>
`;
}
