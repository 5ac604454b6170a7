/**
 * Writes specs/catalogue.json and docs/requirements.md from the spec files (`npm run catalogue`);
 * with --check, exits 1 when a committed file is not what the specs declare.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CATALOGUE_PATH, catalogueText } from '../harness/catalogue/catalogue.ts';
import { REQUIREMENTS_DOC, requirementsDoc } from '../harness/catalogue/docs.ts';
import { collectCatalogue } from '../harness/run/collect-catalogue.ts';
import { PACKAGE_ROOT } from '../harness/suite.ts';

const entries = await collectCatalogue();
const outputs: [string, string][] = [
  [CATALOGUE_PATH, catalogueText(entries)],
  [join(PACKAGE_ROOT, REQUIREMENTS_DOC), requirementsDoc(entries)],
];
for (const [path, text] of outputs) {
  if (process.argv.includes('--check')) {
    let committed = '';
    try {
      committed = readFileSync(path, 'utf8');
    } catch {
      /* missing counts as different */
    }
    if (committed !== text) {
      process.stderr.write(`${path} is not what the specs declare: run npm run catalogue\n`);
      process.exitCode = 1;
    }
  } else {
    writeFileSync(path, text);
    process.stdout.write(`wrote ${path}\n`);
  }
}
