/**
 * @module harness/reporting/compare/markdown
 * Compact Markdown for a README or a pull request: the compatibility table of a comparison (per
 * area and per requirement), and the changes of a diff. Target text is escaped for Markdown tables
 * and for the HTML that Markdown renderers let through.
 */
import type { RunDiff } from './diff.ts';
import { changesOf } from './diff.ts';
import { CHANGE_TITLES } from './diff-html.ts';
import { countOutcomes, type CellOutcome, type Matrix } from './matrix.ts';
import { causeGroups, groupCounts, someIds } from '../../results/index.ts';

/** Safe inside a Markdown table cell: no pipes, no line breaks, no markup. */
export function mdCell(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\|/g, '\\|')
    .replace(/[`*_[\]]/g, (c) => `\\${c}`)
    .replace(/\s*[\r\n]+\s*/g, ' ');
}

const SHORT: Record<CellOutcome, string> = {
  pass: '✅ pass',
  fail: '❌ fail',
  'not-implemented': '⛔ not impl.',
  blocked: '🚧 blocked',
  'not-applicable': '➖ n/a',
  observed: '👁 observed',
  'expected-deviation': '⚠️ expected dev.',
  'stale-deviation': '❗ stale dev.',
  absent: '· not run',
};

function summaryCell(c: Record<CellOutcome, number>): string {
  const checked = Object.values(c).reduce((a, b) => a + b, 0) - c.absent;
  if (!checked) return 'not run';
  const extra = (['fail', 'not-implemented', 'blocked', 'stale-deviation', 'expected-deviation', 'not-applicable', 'observed'] as const)
    .filter((o) => c[o])
    .map((o) => `${c[o]} ${o === 'not-implemented' ? 'not impl.' : o === 'not-applicable' ? 'n/a' : o.replace('-deviation', ' dev.')}`);
  return [`${c.pass}/${checked - c.observed - c['not-applicable']} pass`, ...extra].join(', ');
}

function row(cells: string[]): string {
  return `| ${cells.join(' | ')} |`;
}

/** The compatibility table: targets, a per-area summary, and each requirement's outcome per target. */
export function renderMatrixMarkdown(m: Matrix): string {
  const names = m.columns.map((c) => mdCell(c.label));
  const lines: string[] = [];
  lines.push(`Generated ${m.generatedAt.slice(0, 10)} by \`kms-conformance report compare\`.`, '');
  lines.push(row(['target', 'kind', 'version', 'suite', 'run', 'verdict']), row(Array(6).fill('---')));
  for (const c of m.columns) {
    const r = c.run.results;
    lines.push(row([mdCell(c.label), mdCell(r.target.kind), mdCell(r.target.version ?? '—'), mdCell(r.suite.version), mdCell(`${r.run.id} (${r.run.startedAt.slice(0, 10)})`), mdCell(r.verdict)]));
  }
  lines.push('', row(['area', ...names]), row(Array(names.length + 1).fill('---')));
  for (const g of m.groups) lines.push(row([`${mdCell(g.name)} (${g.rows.length})`, ...m.columns.map((_, i) => summaryCell(countOutcomes(g.rows, i)))]));
  const all = m.groups.flatMap((g) => g.rows);
  lines.push(row([`**all** (${all.length})`, ...m.columns.map((_, i) => `**${summaryCell(countOutcomes(all, i))}**`)]));
  // What each target should fix first: its failures by cause, most must requirements first.
  for (const c of m.columns) {
    const groups = causeGroups(c.run.results.requirements);
    if (!groups.length) continue;
    lines.push('', `**${mdCell(c.label)}: what to fix first** (${groups.length} cause${groups.length === 1 ? '' : 's'})`, '');
    for (const g of groups.slice(0, 5)) lines.push(`- ${mdCell(g.cause)}: ${groupCounts(g)} (${mdCell(someIds(g.ids, 4))})`);
  }
  lines.push('', '<details><summary>Every requirement</summary>', '');
  lines.push(row(['requirement', 'strength', ...names]), row(Array(names.length + 2).fill('---')));
  for (const r of all) {
    const flag = r.differs ? ' ≠' : '';
    lines.push(row([`${mdCell(r.requirement.id)}${flag}`, r.requirement.strength, ...r.cells.map((c) => SHORT[c.outcome])]));
  }
  lines.push('', '≠: the targets differ (outcome or observed answer).', '', '</details>', '');
  return lines.join('\n');
}

/** The changes of a diff as Markdown lists, e.g. for a pull-request comment. */
export function renderDiffMarkdown(d: RunDiff): string {
  const a = d.old.results;
  const b = d.new.results;
  const lines = [`**kms-conformance diff**: ${mdCell(a.target.name)} \`${a.run.id}\` → ${mdCell(b.target.name)} \`${b.run.id}\` (generated ${d.generatedAt.slice(0, 10)})`, ''];
  for (const w of d.warnings) lines.push(`> ${mdCell(w)}`, '');
  for (const kind of ['regressed', 'improved', 'observation-changed', 'changed', 'added', 'removed'] as const) {
    const list = changesOf(d, kind);
    if (!list.length) continue;
    lines.push(`### ${CHANGE_TITLES[kind][0]} (${list.length})`, '');
    for (const c of list) {
      const from = c.old ? c.old.outcome : 'not run';
      const to = c.new ? c.new.outcome : 'not run';
      const why = c.new?.failure?.message ? `: ${mdCell(c.new.failure.message)}` : '';
      const obs = c.observations?.length ? ` (answers changed: ${c.observations.map((o) => mdCell(o.label)).join(', ')})` : '';
      lines.push(`- **${mdCell(c.requirement.id)}** ${mdCell(c.requirement.statement)}: ${from} → ${to}${why}${obs}`);
    }
    lines.push('');
  }
  lines.push(`${d.unchanged} unchanged.`, '');
  return lines.join('\n');
}
