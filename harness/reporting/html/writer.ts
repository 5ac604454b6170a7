/**
 * @module harness/reporting/html/writer
 * The artefact writer that leaves `index.html` in a run's output folder, with the evidence files
 * the page loads on demand in `evidence/` beside it (html/evidence.ts).
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { RunResults } from '../../results/index.ts';
import { EVIDENCE_DIR, evidenceFiles } from './evidence.ts';
import { renderReport } from './page.ts';

export function writeHtmlReport(results: RunResults, dir: string): string[] {
  const path = join(dir, 'index.html');
  writeFileSync(path, renderReport(results));
  // A folder written again (report merge into an old run folder) keeps no evidence of before.
  const evidence = join(dir, EVIDENCE_DIR);
  rmSync(evidence, { recursive: true, force: true });
  mkdirSync(evidence, { recursive: true });
  for (const f of evidenceFiles(results.requirements)) writeFileSync(join(evidence, f.name), f.text);
  return [path, `${evidence}/`];
}
