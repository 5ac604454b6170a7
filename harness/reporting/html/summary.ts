/**
 * @module harness/reporting/html/summary
 * The top of the report: what was tested and when, the verdict in words, counts per outcome and per
 * strength, the baseline, suite errors and a list of the problems linking to their rows.
 */
import { causeGroups, groupCounts, runFilter, DEVIATING_OUTCOMES, gates, OUTCOMES, OUTCOME_WORDS, PROBLEM_OUTCOMES, STRENGTHS, type RunResults } from '../../results/index.ts';
import { html, type Html } from './html.ts';
import { anchor, badge, date, duration, pretty, strengthTag } from './format.ts';

function verdict(r: RunResults): Html {
  const stale = r.summary.byOutcome['stale-deviation'] + (r.baseline?.unknownIds.length ?? 0);
  const expected = r.summary.byOutcome['expected-deviation'];
  const mustExpected = r.summary.byStrength.must['expected-deviation'];
  const failed = gates(r);
  const mustFailed = DEVIATING_OUTCOMES.reduce((n, o) => n + r.summary.byStrength.must[o], 0);
  const words =
    r.verdict === 'error'
      ? 'The suite itself failed, so the results are incomplete'
      : r.verdict === 'nonconformant' && mustFailed > 0
        ? 'At least one "must" requirement failed or is not implemented'
        : r.verdict === 'nonconformant'
          ? `The baseline is stale: ${stale} listed deviation${stale === 1 ? '' : 's'} no longer fail${stale === 1 ? 's' : ''} (update the baseline)`
          : r.verdict === 'conformant-to-baseline'
            ? `Every "must" requirement passed, apart from ${mustExpected} known deviation${mustExpected === 1 ? '' : 's'} listed in the baseline (${expected} in all)`
            : 'Every "must" requirement passed';
  const cls = r.verdict === 'conformant' ? 'good' : r.verdict === 'conformant-to-baseline' ? 'warn' : 'bad';
  return html`<div class="verdict v-${cls}" role="status"><div class="verdict-word">${r.verdict.toUpperCase()}</div><div class="verdict-text">${words}.</div><div class="verdict-exit">Exit code ${
    failed ? '1 (the run fails)' : '0 (the run passes)'
  }${r.run.interrupted ? ' · the run was interrupted' : ''}</div></div>`;
}

function target(r: RunResults): Html {
  const t = r.target;
  const declared = t.declared && Object.keys(t.declared).length > 0 ? t.declared : undefined;
  return html`<dl class="facts">
<dt>Target</dt><dd><b>${t.name}</b> <span class="muted">(${t.kind})</span></dd>
${t.endpoint ? html`<dt>Endpoint</dt><dd><code>${t.endpoint}</code></dd>` : null}
<dt>Region</dt><dd>${t.region}</dd>
${t.version ? html`<dt>Version</dt><dd>${t.version}</dd>` : null}
${t.principals.length ? html`<dt>Principals</dt><dd>${t.principals.join(', ')}</dd>` : null}
${declared ? html`<dt>Declared</dt><dd><ul class="declared">${Object.entries(declared).map(([k, v]) => html`<li><code>${k}</code>: ${pretty(v)}</li>`)}</ul></dd>` : null}
<dt>Suite</dt><dd>${r.suite.name} ${r.suite.version}</dd>
<dt>Date</dt><dd>${date(r.run.startedAt)}</dd>
<dt>Duration</dt><dd>${duration(r.run.durationMs)}</dd>
<dt>Seed</dt><dd><code>${String(r.run.seed)}</code></dd>
${runFilter(r.run) ? html`<dt>Only</dt><dd>requirements selected by <code>${runFilter(r.run)}</code></dd>` : null}
<dt>Run id</dt><dd><code>${r.run.id}</code></dd>
${r.baseline ? html`<dt>Baseline</dt><dd><code>${r.baseline.path}</code>, ${String(r.baseline.entries)} entr${r.baseline.entries === 1 ? 'y' : 'ies'}${r.baseline.allowStale ? ', stale entries allowed' : ''}</dd>` : null}
</dl>`;
}

function counts(r: RunResults): Html {
  const s = r.summary;
  const cell = (n: number) => (n === 0 ? html`<td class="zero">0</td>` : html`<td>${String(n)}</td>`);
  return html`<table class="counts">
<thead><tr><th></th><th>total</th>${OUTCOMES.map((o) => html`<th>${badge(o)}</th>`)}</tr></thead>
<tbody>
${STRENGTHS.map((st) => {
  const row = s.byStrength[st];
  const total = OUTCOMES.reduce((n, o) => n + row[o], 0);
  return html`<tr><th>${strengthTag(st)}</th><td>${String(total)}</td>${OUTCOMES.map((o) => cell(row[o]))}</tr>`;
})}
<tr class="all"><th>all</th><td>${String(s.total)}</td>${OUTCOMES.map((o) => cell(s.byOutcome[o]))}</tr>
</tbody></table>`;
}

function errors(r: RunResults): Html | null {
  if (r.errors.length === 0) return null;
  return html`<section class="suite-errors" id="suite-errors"><h2>Suite errors (${String(r.errors.length)})</h2>
<p>The suite itself broke; requirements in the affected files did not run.</p>
<ul>${r.errors.map((e) => html`<li><pre>${e}</pre></li>`)}</ul></section>`;
}

/** The failures grouped by cause, most must requirements first: what to fix first. */
function causes(r: RunResults): Html | null {
  const groups = causeGroups(r.requirements);
  if (groups.length === 0) return null;
  return html`<section class="causes" id="causes"><h2>What to fix first (${String(groups.length)} cause${groups.length === 1 ? '' : 's'})</h2>
<p class="muted">The failures grouped by cause, ranked by the <code>must</code> requirements each explains; expected deviations count (a baseline explains a failure, it does not fix it).</p>
<ol>${groups.map(
    (g) => html`<li><b>${g.cause}</b> <span class="muted">${groupCounts(g)}</span><div class="cause-ids">${g.ids.slice(0, 24).map((id) => html`<a href="#${anchor(id)}">${id}</a> `)}${g.ids.length > 24 ? `and ${g.ids.length - 24} more` : ''}</div></li>`,
  )}</ol></section>`;
}

function problems(r: RunResults): Html {
  // must first, then should, then observe: the order of STRENGTHS.
  const list = r.requirements.filter((q) => PROBLEM_OUTCOMES.has(q.outcome)).sort((a, b) => STRENGTHS.indexOf(a.strength) - STRENGTHS.indexOf(b.strength));
  if (list.length === 0) return html`<section class="problems none" id="problems"><h2>Problems</h2><p>None: nothing failed, nothing is missing.</p></section>`;
  return html`<section class="problems" id="problems"><h2>Problems (${String(list.length)})</h2><ul>${list.map(
    (q) => html`<li>${badge(q.outcome)} ${strengthTag(q.strength)} <a href="#${anchor(q.id)}">${q.id}</a> <span class="statement">${q.statement}</span>${
      q.failure ? html`<div class="problem-msg">${q.failure.message}</div>` : null
    }</li>`,
  )}</ul></section>`;
}

export function renderSummary(r: RunResults): Html {
  return html`<header class="top">
<h1>KMS conformance report <span class="muted">· ${r.target.name}</span></h1>
<div class="top-grid">${verdict(r)}${target(r)}</div>
${counts(r)}
</header>
${errors(r)}
${causes(r)}
${problems(r)}`;
}

export function renderLegend(): Html {
  return html`<details class="legend" open><summary>How to read this report</summary>
<div class="legend-grid">
<dl>${OUTCOMES.map((o) => html`<dt>${badge(o)}</dt><dd>${OUTCOME_WORDS[o].meaning}.</dd>`)}</dl>
<dl>
<dt>${strengthTag('must')}</dt><dd>AWS documents or was recorded doing this: a failure makes the target nonconformant.</dd>
<dt>${strengthTag('should')}</dt><dd>A parity detail (message text, content type): reported, not part of the verdict.</dd>
<dt>${strengthTag('observe')}</dt><dd>AWS behaviour is unknown: the answer is recorded for comparison, with no verdict.</dd>
<dt>evidence</dt><dd>How we know AWS does this: <i>recorded</i> (seen on real AWS), <i>documented</i>, <i>inferred</i>, or <i>unknown</i>.</dd>
<dt>Evidence ▸</dt><dd>Open it under a requirement to see every request and response it made (secrets redacted) and what it observed.</dd>
</dl></div></details>`;
}
