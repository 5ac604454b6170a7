/**
 * Writes specs/catalogue.json from the spec files (`npm run catalogue`); with --check, exits 1 when
 * the committed file is not what the specs declare.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { CATALOGUE_PATH, catalogueText } from '../harness/catalogue/catalogue.ts';
import { collectCatalogue } from '../harness/run/collect-catalogue.ts';

const text = catalogueText(await collectCatalogue());
if (process.argv.includes('--check')) {
  let committed = '';
  try {
    committed = readFileSync(CATALOGUE_PATH, 'utf8');
  } catch {
    /* missing counts as different */
  }
  if (committed !== text) {
    process.stderr.write(`${CATALOGUE_PATH} is not what the specs declare: run npm run catalogue\n`);
    process.exitCode = 1;
  }
} else {
  writeFileSync(CATALOGUE_PATH, text);
  process.stdout.write(`wrote ${CATALOGUE_PATH}\n`);
}
