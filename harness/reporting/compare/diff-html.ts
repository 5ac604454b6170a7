/**
 * @module harness/reporting/compare/diff-html
 * The diff of two runs as one self-contained HTML page: one section per kind of change.
 */
import { html, toString, type Html } from '../html/html.ts';
import { changesOf, type Change, type ChangeKind, type RunDiff } from './diff.ts';
import { cell, jsonBlock, page, requirementHeading, runFacts } from './parts-html.ts';

/** Section titles and what each kind means, as the README documents them. */
export const CHANGE_TITLES: Record<ChangeKind, [title: string, meaning: string]> = {
  regressed: ['Regressed', 'acceptable before (pass, observed, not applicable, expected deviation), failing now (fail, not implemented, stale deviation)'],
  improved: ['Improved', 'failing before, acceptable now'],
  'observation-changed': ['Observations changed', 'the check recorded a different answer (ids, times and ports aside)'],
  changed: ['Other changes', 'a different outcome on the same side (e.g. pass → not applicable, fail → not implemented), or a failure with a different message'],
  added: ['Added', 'checked only in the new run'],
  removed: ['Removed', 'checked only in the old run'],
};

function observationTable(c: Change): Html | null {
  if (!c.observations?.length) return null;
  return html`<table><thead><tr><th>answer</th><th>old</th><th>new</th></tr></thead>${c.observations.map(
    (o) => html`<tr><td>${o.label}</td><td>${'old' in o ? jsonBlock(o.old) : html`<em>not recorded</em>`}</td><td>${'new' in o ? jsonBlock(o.new) : html`<em>not recorded</em>`}</td></tr>`,
  )}</table>`;
}

function section(d: RunDiff, kind: ChangeKind): Html {
  const list = changesOf(d, kind);
  const [title, meaning] = CHANGE_TITLES[kind];
  if (!list.length) return html`<h2 id="${kind}">${title} (0)</h2><p class="meta">${meaning}: none.</p>`;
  return html`<h2 id="${kind}">${title} (${list.length})</h2><p class="meta">${meaning}.</p>
<table class="changes"><thead><tr><th>Requirement</th><th>old</th><th>new</th></tr></thead>
${list.map(
  // The answers that changed get their own old/new table below; the cells keep the rest collapsed.
  (c) => html`<tr class="row"><th scope="row" class="req">${requirementHeading(c.requirement)}</th>
${cell(c.old?.outcome ?? 'absent', c.old, !c.observations?.length)}${cell(c.new?.outcome ?? 'absent', c.new, !c.observations?.length)}</tr>
${c.observations?.length ? html`<tr><td colspan="3">${observationTable(c)}</td></tr>` : null}`,
)}
</table>`;
}

export function renderDiffHtml(d: RunDiff): string {
  const a = d.old.results;
  const b = d.new.results;
  const title = `kms-conformance diff: ${a.target.name} ${a.run.id} → ${b.target.name} ${b.run.id}`;
  const kinds: ChangeKind[] = ['regressed', 'improved', 'observation-changed', 'changed', 'added', 'removed'];
  const body = html`<header>
<h1>${title}</h1>
<p class="meta">Generated ${d.generatedAt} · ${kinds.map((k) => html`<a href="#${k}">${CHANGE_TITLES[k][0].toLowerCase()} ${changesOf(d, k).length}</a> · `)}${d.unchanged} unchanged</p>
${d.warnings.map((w) => html`<p class="warning">${w}</p>`)}
</header>
<table><thead><tr><th scope="col">old: ${a.target.name}</th><th scope="col">new: ${b.target.name}</th></tr></thead>
<tr><td>${runFacts(a)}</td><td>${runFacts(b)}</td></tr></table>
${kinds.map((k) => section(d, k))}`;
  return toString(page(title, body));
}
