/**
 * The README's compatibility table is generated (scripts/update-compat-table.ts), dated, and names
 * each target with its version; this keeps a hand edit or a lost marker from going unnoticed.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { ROOT } from './cli-support.ts';

it('the README holds a generated, dated compatibility table for the reference and both emulators', () => {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const block = /<!-- compat:start[^>]*-->\n([\s\S]*?)<!-- compat:end -->/.exec(readme)?.[1] ?? '';
  expect(block).toMatch(/^Generated \d{4}-\d{2}-\d{2} by `kms-conformance report compare`\.$/m);
  expect(block).toMatch(/^\| embedded \| embedded \|/m);
  expect(block).toMatch(/^\| moto \| process \| \d+\.\d+\.\d+ \|/m);
  expect(block).toMatch(/^\| local-kms \| process \| v\S+ \|/m);
  expect(block).toMatch(/^\| \*\*all\*\* \(\d+\) \|/m);
  expect(readFileSync(join(ROOT, 'docs', 'compatibility.md'), 'utf8')).toContain('<details><summary>Every requirement</summary>');
});
