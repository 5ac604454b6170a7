/**
 * `npm run schema`: writes schema/results.schema.json from the zod schema in
 * harness/reporting/results-schema.ts. Run it after changing the results shape; a test fails while
 * the committed file is out of date.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { resultsJsonSchemaText } from '../harness/results/index.ts';

const path = fileURLToPath(new URL('../schema/results.schema.json', import.meta.url));
writeFileSync(path, resultsJsonSchemaText());
process.stdout.write(`wrote ${path}\n`);
