/**
 * @module harness/reporting/compare/matrix-html
 * The comparison matrix as one self-contained HTML page: requirements as rows grouped by operation
 * or area, runs as columns, filters for disagreements and failures, and a search box.
 */
import { html, toString, type Html } from '../html/html.ts';
import { countOutcomes, type Matrix, type MatrixRow } from './matrix.ts';
import { cell, countsLine, page, requirementHeading, runFacts } from './parts-html.ts';
import { COMPARE_SCRIPT } from './styles.ts';
import { causeOf, isDeviating, type RequirementResult } from '../../results/index.ts';

/** Each column's distinct baseline reasons, numbered in the order they first appear. */
type Reasons = Map<string, number>[];

const reasonRef = (column: number, n: number) => `reason-${column}-${n}`;

function row(r: MatrixRow, reasons: Reasons): Html {
  const q = r.requirement;
  return html`<tr class="row${r.differs ? ' differs' : ''}" id="req-${q.id}" data-differs="${r.differs ? '1' : '0'}" data-failing="${r.failing ? '1' : '0'}" data-disagree="${r.disagree ? '1' : '0'}" data-dev=" ${r.deviatesIn.join(' ')} ">
<th scope="row" class="req">${requirementHeading(q)}${r.differs ? html`<div class="msg"><span class="tag">runs differ</span></div>` : null}</th>
${r.cells.map((c, i) => {
    const reason = c.result?.baseline?.reason;
    return cell(c.outcome, c.result, r.showAnswers, reason === undefined ? undefined : reasonRef(i, reasons[i]!.get(reason)!));
  })}
</tr>`;
}

/** A row's cause in the first column that has a problem with it ('' when none has): rows of one cause sit together. */
function causeKey(r: MatrixRow, byColumn: readonly ReadonlyMap<string, RequirementResult>[]): string {
  for (const [i, c] of r.cells.entries()) {
    const q = c.result;
    if (q && isDeviating(q.baseline?.rawOutcome ?? q.outcome)) return `1 ${causeOf(q, byColumn[i])}`;
  }
  return '2';
}

export function renderMatrixHtml(m: Matrix): string {
  const rows = m.groups.flatMap((g) => g.rows);
  const differing = rows.filter((r) => r.differs).length;
  const disagreeing = rows.filter((r) => r.disagree).length;
  const failing = rows.filter((r) => r.failing).length;
  const deviating = m.columns.map((_, i) => rows.filter((r) => r.deviatesIn.includes(i)).length);
  const alone = m.columns.map((_, i) => rows.filter((r) => r.deviatesIn.length === 1 && r.deviatesIn[0] === i).length);
  const title = `kms-conformance: ${m.columns.length} run${m.columns.length === 1 ? '' : 's'} compared`;
  const head = html`<tr><th scope="col">Requirement</th>${m.columns.map(
    (c) => html`<th scope="col"><div class="col-name">${c.label}</div>${runFacts(c.run.results)}</th>`,
  )}</tr>`;
  const reasons: Reasons = m.columns.map(() => new Map());
  const byColumn = m.columns.map((c) => new Map(c.run.results.requirements.map((q) => [q.id, q])));
  for (const r of rows) r.cells.forEach((c, i) => {
    const reason = c.result?.baseline?.reason;
    if (reason !== undefined && !reasons[i]!.has(reason)) reasons[i]!.set(reason, reasons[i]!.size + 1);
  });
  const groups = m.groups.map((g) => {
    // Within an area, rows that fail for one cause are together, ahead of the rest; ids order each run of rows.
    const sorted = [...g.rows].sort((a, b) => causeKey(a, byColumn).localeCompare(causeKey(b, byColumn)) || a.requirement.id.localeCompare(b.requirement.id, 'en', { numeric: true }));
    const perColumn = m.columns.map((_, i) => countsLine(countOutcomes(g.rows, i)));
    return html`<tbody class="group">
<tr class="group-head"><th scope="rowgroup">${g.name} <span class="tag">${g.rows.length}</span></th>${perColumn.map((c) => html`<th class="counts">${c}</th>`)}</tr>
${sorted.map((r) => row(r, reasons))}
</tbody>`;
  });
  const reasonLists = m.columns.map((c, i) =>
    reasons[i]!.size
      ? html`<section class="reasons"><h3>${c.label}: baseline reasons</h3><ol>${[...reasons[i]!].map(([text, n]) => html`<li id="${reasonRef(i, n)}">${text}</li>`)}</ol></section>`
      : null,
  );
  const body = html`<header>
<h1>${title}</h1>
<p class="meta">Generated ${m.generatedAt} · ${rows.length} requirements · ${disagreeing} that hold on some runs and not on others · ${differing} where the runs differ in any way · columns in the order given</p>
</header>
<div class="controls" data-controls hidden>
<input type="search" id="q" placeholder="Search id, statement, operation, answer…" aria-label="Search requirements">
<label>Rows <select id="rows">
<option value="">all</option>
<option value="disagree">it holds on some runs, not on others (${String(disagreeing)})</option>
<option value="differ">the runs differ in any way: outcome, message or answer (${String(differing)})</option>
<option value="fail">a run has a problem: a failure not in its baseline, or a stale entry (${String(failing)})</option>
${m.columns.map((c, i) => html`<option value="dev-${String(i)}">it does not hold on ${c.label} (${String(deviating[i])})</option>`)}
${m.columns.length > 2 ? m.columns.map((c, i) => html`<option value="alone-${String(i)}">it does not hold on ${c.label} alone (${String(alone[i])})</option>`) : null}
</select></label>
<span id="shown" class="meta"></span>
</div>
<div class="scroll">
<table class="matrix">
<thead>${head}</thead>
${groups}
</table>
</div>
${reasonLists}
<p class="legend">Outcomes: pass · fail · not implemented (the target lacks the operation) · not applicable (a capability the target declared absent) · observed (AWS behaviour unknown; the target's answer is shown) · expected deviation (a failure its baseline lists) · stale deviation (a baselined failure that now passes) · not run (the run did not check this requirement). Rows marked "runs differ" have different outcomes or different answers, ids and times aside.</p>`;
  return toString(page(title, body, COMPARE_SCRIPT));
}
