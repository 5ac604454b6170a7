/**
 * @module harness/cli/actions/baseline
 * What `baseline update` and `baseline show` do.
 */
import { runFilter } from '../../results/index.ts';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { formatBaseline, readBaseline } from '../../baseline/baseline-file.ts';
import { baselineFileName, locateBaseline } from '../../baseline/locate.ts';
import { readRunResults } from '../../baseline/read-results.ts';
import { updateBaseline } from '../../baseline/update.ts';
import { RunAbort } from '../../errors.ts';
import type { CommandContext } from '../commands/types.ts';

export interface UpdateOptions { target?: string; file?: string; targetVersion?: string; dryRun?: boolean }

/** A path for the terminal: relative to the working directory when inside it. */
function shownIn(cwd: string): (path: string) => string {
  return (path) => {
    const rel = relative(cwd, path);
    return rel && !rel.startsWith('..') ? rel : path;
  };
}

export function update(run: string | undefined, opts: UpdateOptions, { write, cwd }: CommandContext): void {
  const shown = shownIn(cwd);
  const { path: resultsPath, results } = readRunResults(run, cwd);
  const file = opts.file
    ? resolve(cwd, opts.file)
    : opts.target
      ? join(cwd, 'baselines', baselineFileName(opts.target))
      : results.baseline?.path ?? join(cwd, 'baselines', baselineFileName(results.target.name));
  const existing = existsSync(file) ? readBaseline(file) : undefined;
  const target = opts.target ?? existing?.target ?? results.target.name;
  const u = updateBaseline(existing, results, { target, ...(opts.targetVersion && { targetVersion: opts.targetVersion }) });

  write(`baseline ${shown(file)} (target ${target}) from ${shown(resultsPath)}${results.target.name !== target ? ` (a run of target ${results.target.name})` : ''}`);
  if (runFilter(results.run) || results.run.interrupted || results.errors.length) {
    write('  the run was partial (filtered, interrupted or suite errors): entries for requirements it did not run are kept as they are');
  }
  for (const e of u.added) write(`  + ${e.id.padEnd(9)} ${e.expect?.padEnd(15) ?? ''} ${e.reason}`);
  for (const r of u.removed) write(`  - ${r.id.padEnd(9)} ${r.why}`);
  for (const c of u.changed) write(`  ~ ${c.id.padEnd(9)} was ${c.from}, now ${c.to}: check its reason`);
  const unchecked = u.unchecked.length ? `, ${u.unchecked.length} kept unchecked (${[...new Set(u.unchecked.map((x) => x.why))].join(', ')})` : '';
  const counts = `${u.file.entries.length} entries (${u.added.length} added, ${u.removed.length} removed, ${u.changed.length} changed${unchecked})`;
  if (opts.dryRun) write(`dry run: would write ${counts}`);
  else {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, formatBaseline(u.file));
    write(`wrote ${shown(file)}: ${counts}`);
  }
  if (u.unreviewed.length) {
    write(`${u.unreviewed.length} entr${u.unreviewed.length === 1 ? 'y needs' : 'ies need'} a real reason (provisional, "reviewed": false): ${u.unreviewed.join(', ')}`);
  }
}

export function show(file: string | undefined, opts: { target?: string }, { write, cwd }: CommandContext): void {
  const shown = shownIn(cwd);
  const path = file
    ? resolve(cwd, file)
    : opts.target
      ? locateBaseline({ name: opts.target }, {}, cwd)
      : undefined;
  if (!path) throw new RunAbort('usage', opts.target ? `no baseline for target '${opts.target}' (looked for baselines/${baselineFileName(opts.target)})` : 'name a baseline file or --target');
  const b = readBaseline(path);
  write(`${shown(path)}: target ${b.target}${b.targetVersion ? ` ${b.targetVersion}` : ''}, written with suite ${b.suiteVersion}, ${b.entries.length} entries`);
  for (const e of b.entries) {
    write(`  ${e.id.padEnd(9)} ${(e.expect ?? 'fail or n/i').padEnd(15)} ${e.reviewed === false ? '(provisional) ' : ''}${e.reason}${e.link ? ` <${e.link}>` : ''}`);
  }
  const unreviewed = b.entries.filter((e) => e.reviewed === false).length;
  if (unreviewed) write(`${unreviewed} entr${unreviewed === 1 ? 'y needs' : 'ies need'} a real reason ("reviewed": false)`);
}
