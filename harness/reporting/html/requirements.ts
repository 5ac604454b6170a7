/**
 * @module harness/reporting/html/requirements
 * The requirements, one section per operation or area, each row with its outcome, source and
 * (expandable) evidence. Rows carry data attributes the filters read.
 */
import { isProblem, OUTCOMES, OUTCOME_WORDS, type Outcome, type RequirementResult } from '../../results/index.ts';
import { html, type Html } from './html.ts';
import { renderDiff } from './diff.ts';
import { counterexampleOf, exchangesPlaceholder, renderCounterexample, renderObservations } from './evidence.ts';
import { anchor, badge, duration, link, strengthTag } from './format.ts';

/** Requirements by operation or area, groups in name order, rows in id order as they came. */
export function groupByOperation(requirements: readonly RequirementResult[]): [string, RequirementResult[]][] {
  const groups = new Map<string, RequirementResult[]>();
  for (const r of requirements) {
    const g = groups.get(r.operation) ?? [];
    g.push(r);
    groups.set(r.operation, g);
  }
  return [...groups.entries()].sort(([a], [b]) => a.localeCompare(b, 'en'));
}

export function outcomeCounts(rs: readonly RequirementResult[]): Record<Outcome, number> {
  const c = Object.fromEntries(OUTCOMES.map((o) => [o, 0])) as Record<Outcome, number>;
  for (const r of rs) c[r.outcome]++;
  return c;
}

function source(r: RequirementResult): Html {
  const s = r.source;
  return html`<span class="source">${link(s.url, s.section ? `${s.section}` : s.url.replace(/^https?:\/\//, ''))}${
    s.groundTruth ? html` · ground truth <code>${s.groundTruth}</code>` : null
  }</span>`;
}

function baselineNote(r: RequirementResult): Html | null {
  const b = r.baseline;
  if (!b) return null;
  const what =
    r.outcome === 'stale-deviation'
      ? 'The baseline expects this requirement to fail, but it passed: remove the entry from the baseline.'
      : `Listed in the baseline (without it: ${OUTCOME_WORDS[b.rawOutcome].label}).`;
  return html`<div class="baseline-note"><b>Baseline.</b> ${what} Reason: ${b.reason}${b.link ? html` — ${link(b.link, b.link)}` : null}</div>`;
}

/**
 * The failure, visible without expanding anything. A failed property shows its own story (the inner
 * failure, the shrunk counterexample, seed, path and replay command) instead of the one-line summary.
 */
function failureBlock(r: RequirementResult): Html | null {
  const f = r.failure;
  if (!f) return null;
  const cx = counterexampleOf(r.observations);
  const message = cx ? `Property failed: ${cx.failure}` : f.message;
  // A blocked check links the requirement whose finding stopped it.
  const blocked = r.blockedBy && message.startsWith(`blocked by ${r.blockedBy}: `)
    ? html`blocked by <a href="#${anchor(r.blockedBy)}">${r.blockedBy}</a>: ${message.slice(`blocked by ${r.blockedBy}: `.length)}`
    : null;
  return html`<div class="failure"><p class="message">${blocked ?? message}</p>${renderDiff(f)}${cx ? renderCounterexample(cx) : null}</div>`;
}

function detailsOf(r: RequirementResult, index: number): Html | null {
  // What an observe check recorded is its result, so it is shown in the open (see observedBlock).
  const parts = [r.strength === 'observe' ? null : renderObservations(r.observations), exchangesPlaceholder(r.exchanges.length, index)].filter((p) => p !== null);
  if (parts.length === 0) return null;
  const what = [
    r.exchanges.length ? `${r.exchanges.length} request${r.exchanges.length === 1 ? '' : 's'}` : '',
    r.observations?.length ? `${r.observations.length} observation${r.observations.length === 1 ? '' : 's'}` : '',
  ].filter(Boolean);
  return html`<details class="evidence"><summary>Evidence${what.length ? ` (${what.join(', ')})` : ''}</summary>${parts}</details>`;
}

function rowOf(r: RequirementResult, index: number): Html {
  const problem = isProblem(r.outcome);
  return html`<article class="req${problem ? ' problem' : ''}" id="${anchor(r.id)}" data-outcome="${r.outcome}" data-strength="${r.strength}" data-operation="${r.operation}">
<div class="req-head">
${badge(r.outcome)}
<a class="req-id" href="#${anchor(r.id)}">${r.id}</a>
<span class="statement">${r.statement}</span>
<span class="req-meta">${strengthTag(r.strength)} <span class="evidence-level">${r.evidence}</span> <span class="dur">${duration(r.durationMs)}</span></span>
</div>
<div class="req-body">
${source(r)}
${r.note ? html`<div class="note"><b>Not applicable:</b> ${r.note}</div>` : null}
${failureBlock(r)}
${r.strength === 'observe' ? renderObservations(r.observations) : null}
${baselineNote(r)}
${r.cleanupProblems?.length ? html`<div class="cleanup"><b>Clean-up problems:</b><ul>${r.cleanupProblems.map((p) => html`<li>${p}</li>`)}</ul></div>` : null}
${detailsOf(r, index)}
</div>
</article>`;
}

function groupCounts(c: Record<Outcome, number>): Html {
  return html`<span class="group-counts">${OUTCOMES.filter((o) => c[o] > 0).map((o) => html`<span class="count o-${o}">${String(c[o])} ${OUTCOME_WORDS[o].label}</span>`)}</span>`;
}

export function renderRequirements(requirements: readonly RequirementResult[]): Html {
  if (requirements.length === 0) return html`<section class="group"><p class="empty">No requirement ran.</p></section>`;
  // A row's evidence is found in the evidence files by its place in `requirements` (evidenceFiles).
  const indexOf = new Map(requirements.map((r, i) => [r, i]));
  const row = (r: RequirementResult) => rowOf(r, indexOf.get(r)!);
  return html`${groupByOperation(requirements).map(
    ([op, rs]) => html`<section class="group" data-operation="${op}">
<h2><span class="group-name">${op}</span> <span class="group-total">${String(rs.length)} requirement${rs.length === 1 ? '' : 's'}</span>${groupCounts(outcomeCounts(rs))}<span class="shown js-only"></span></h2>
${rs.map(row)}
</section>`,
  )}`;
}
