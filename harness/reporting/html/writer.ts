/**
 * @module harness/reporting/html/writer
 * The artefact writer that leaves `index.html` in a run's output folder.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { RunResults } from '../../results/index.ts';
import { renderReport } from './page.ts';

export function writeHtmlReport(results: RunResults, dir: string): string[] {
  const path = join(dir, 'index.html');
  writeFileSync(path, renderReport(results));
  return [path];
}
