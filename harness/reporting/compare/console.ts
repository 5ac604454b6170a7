/**
 * @module harness/reporting/compare/console
 * The few lines `report compare` prints: for a matrix, one line per run; for a diff, what regressed
 * and what improved by id, the other kinds as counts with ids.
 */
import { changesOf, type Change, type RunDiff } from './diff.ts';
import { CHANGE_TITLES } from './diff-html.ts';
import type { Matrix } from './matrix.ts';
import { countsLine } from './parts-html.ts';

const MAX_LISTED = 20;

function firstLine(s: string, max = 120): string {
  const line = s.split('\n')[0]!;
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}

function changeLine(c: Change): string {
  const from = c.old?.outcome ?? 'not run';
  const to = c.new?.outcome ?? 'not run';
  const why = c.new?.failure?.message ? `  ${firstLine(c.new.failure.message)}` : '';
  const obs = c.observations?.length ? `  answers changed: ${c.observations.map((o) => o.label).join(', ')}` : '';
  return `  ${c.requirement.id.padEnd(9)} ${c.requirement.strength.padEnd(7)} ${from} → ${to}${why}${obs}`;
}

export function matrixSummary(m: Matrix): string[] {
  const rows = m.groups.flatMap((g) => g.rows);
  const lines = m.columns.map((c) => `${c.label}: ${c.run.results.verdict}, ${countsLine(c.run.results.summary.byOutcome)}`);
  lines.push(`${rows.length} requirements, ${rows.filter((r) => r.differs).length} where the runs differ`);
  return lines;
}

export function diffSummary(d: RunDiff): string[] {
  const a = d.old.results;
  const b = d.new.results;
  const lines = [`diff: ${a.target.name} ${a.run.id} → ${b.target.name} ${b.run.id}`];
  for (const w of d.warnings) lines.push(`warning: ${w}`);
  for (const kind of ['regressed', 'improved', 'observation-changed', 'changed', 'added', 'removed'] as const) {
    const list = changesOf(d, kind);
    if (!list.length) continue;
    lines.push(`${CHANGE_TITLES[kind][0].toLowerCase()} (${list.length}):`);
    for (const c of list.slice(0, MAX_LISTED)) lines.push(changeLine(c));
    if (list.length > MAX_LISTED) lines.push(`  … and ${list.length - MAX_LISTED} more (see the HTML)`);
  }
  const counts = (['regressed', 'improved', 'observation-changed', 'changed', 'added', 'removed'] as const).map((k) => `${changesOf(d, k).length} ${CHANGE_TITLES[k][0].toLowerCase()}`);
  lines.push(`${counts.join(', ')}, ${d.unchanged} unchanged`);
  return lines;
}
