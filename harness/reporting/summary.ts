/**
 * @module harness/reporting/summary
 * The few lines `run` prints at the end: counts per outcome and per strength, the failed required
 * checks, the verdict, and where the artefacts are.
 */
import { relative } from 'node:path';
import { paint, type Paint } from './colour.ts';
import { causeGroups, groupCounts, runFilter, someIds, countOf, failsConformance, OUTCOMES, STRENGTHS, type Outcome, type RunResults } from '../results/index.ts';

/** How many causes the console names. */
const TOP_CAUSES = 5;

/** How many failed `must` ids are named before "and N more". */
const MAX_NAMED = 10;

/** "3 passed, 1 failed": the outcomes that occur, and passed and failed always when `always`. */
function counts(c: Record<Outcome, number>, always = true): string {
  return OUTCOMES.filter((o) => (always && (o === 'pass' || o === 'fail')) || c[o] > 0)
    .map((o) => countOf(o, c[o]))
    .join(', ');
}

/**
 * The end-of-run summary. `written` are the artefact paths, shown relative to `cwd` when inside it.
 */
export function formatSummary(r: RunResults, written: readonly string[], cwd = process.cwd(), c: Paint = paint(false)): string[] {
  const s = r.summary;
  const lines = ['', `${s.total} requirements: ${counts(s.byOutcome)}`];
  for (const strength of STRENGTHS) {
    const n = OUTCOMES.reduce((sum, o) => sum + s.byStrength[strength][o], 0);
    if (n) lines.push(`  ${strength.padEnd(8)}${String(n).padStart(4)}: ${counts(s.byStrength[strength], false)}`);
  }
  const groups = causeGroups(r.requirements);
  if (groups.length) {
    lines.push(`what to fix first (${groups.length} cause${groups.length === 1 ? '' : 's'}, by the must requirements each explains):`);
    for (const g of groups.slice(0, TOP_CAUSES)) lines.push(`  ${groupCounts(g)}: ${g.cause} (${someIds(g.ids, 4)})`);
    if (groups.length > TOP_CAUSES) lines.push(`  … and ${groups.length - TOP_CAUSES} more causes in index.html`);
  }
  const failedMust = r.requirements.filter(failsConformance).map((q) => q.id);
  if (failedMust.length) {
    const more = failedMust.length > MAX_NAMED ? ` and ${failedMust.length - MAX_NAMED} more` : '';
    lines.push(`failed required checks: ${failedMust.slice(0, MAX_NAMED).join(', ')}${more}`);
  }
  const stale = r.requirements.filter((q) => q.outcome === 'stale-deviation').map((q) => q.id);
  if (stale.length) lines.push(`stale baseline entries (now passing): ${stale.join(', ')}`);
  const unknown = r.baseline?.unknownIds ?? [];
  if (unknown.length) lines.push(`stale baseline entries (no such requirement): ${unknown.join(', ')}`);
  if (r.baseline) lines.push(`baseline: ${r.baseline.path} (${r.baseline.entries} entries)`);
  for (const e of r.errors) lines.push(`suite error: ${e}`);
  const n = failedMust.length;
  const why = [
    ...(n ? [`${n} required check${n === 1 ? '' : 's'} failed`] : []),
    ...((stale.length || unknown.length) && !r.baseline?.allowStale ? ['the baseline is stale: refresh it with `kms-conformance baseline update`, or pass --allow-stale'] : []),
  ];
  const verdictColour = r.verdict === 'conformant' || r.verdict === 'conformant-to-baseline' ? c.green : c.red;
  lines.push(`${c.bold('verdict:')} ${verdictColour(r.verdict)}${why.length ? ` (${why.join('; ')})` : ''}`);
  lines.push(`took ${(r.run.durationMs / 1000).toFixed(1)} s`);
  if (runFilter(r.run)) lines.push(`partial run: only requirements selected by ${runFilter(r.run)} ran`);
  const notRun = r.run.notRun ?? [];
  if (notRun.length) {
    const more = notRun.length > MAX_NAMED ? ` and ${notRun.length - MAX_NAMED} more` : '';
    lines.push(`did not run${r.run.interrupted ? ' (interrupted)' : ''}: ${notRun.length} requirement${notRun.length === 1 ? '' : 's'}, ${notRun.slice(0, MAX_NAMED).join(', ')}${more}; nothing is claimed about them`);
  }
  const shown = (p: string) => {
    const rel = relative(cwd, p);
    return rel && !rel.startsWith('..') ? rel : p;
  };
  if (written.length) lines.push('written:', ...written.map((p) => `  ${shown(p)}`));
  return lines;
}
