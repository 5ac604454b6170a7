/**
 * @module harness/cli/commands/filters
 * The requirement filters `run` and `list` share, so that both mean the same by them: `--grep`,
 * `--strength`, `--operation` and `--rerun-failed`. Filters combine: each one given must hold.
 */
import type { Command } from 'commander';
import { names, shard, strengths } from './parse.ts';

export interface FilterFlags {
  grep?: string;
  strength?: ('must' | 'should' | 'observe')[];
  operation?: string[];
  rerunFailed?: string;
  shard?: { index: number; count: number };
}

export function addFilterOptions(cmd: Command): Command {
  return cmd
    .option('--grep <pattern>', 'only requirements whose id matches (KEY: every KEY-*; KEY-01: that one), or, for any other pattern, whose "<id> — <statement>" matches it as a regular expression')
    .option('--strength <list>', 'only requirements of these strengths (must, should, observe; comma-separated)', strengths)
    .option('--operation <list>', 'only requirements about these operations (comma-separated, as list --coverage names them)', names)
    .option('--rerun-failed <run>', 'only the requirements that failed, were not implemented or were stale in an earlier run (its folder or results.json, e.g. reports/latest)')
    .option('--shard <i/n>', 'only part i of n of what the other filters select (every n-th requirement in id order); report merge joins the parts', shard);
}
