/**
 * @module harness/run/collect-catalogue
 * Reads the requirements from the spec files themselves, through vitest's collection (imports the
 * files, runs no test): what `npm run catalogue` writes to specs/catalogue.json.
 */
import { join, relative } from 'node:path';
import { createVitest } from 'vitest/node';
import { referencePrincipals, withKindDefaults } from '../config/resolve-target.ts';
import { sessionContext } from './session-context.ts';
import { PACKAGE_ROOT } from '../suite.ts';
import type { CatalogueEntry } from '../catalogue/catalogue.ts';

export async function collectCatalogue(): Promise<CatalogueEntry[]> {
  // Collecting imports the spec files but runs no test: the session given is never used.
  const provide = sessionContext({
    target: withKindDefaults({ name: 'list', kind: 'embedded', region: 'us-east-1', principals: referencePrincipals() }),
    runId: 'list',
    ledgerPath: '/dev/null',
    seed: 0,
  });
  const vitest = await createVitest('test', { root: PACKAGE_ROOT, config: join(PACKAGE_ROOT, 'vitest.config.ts'), project: ['conformance'], provide, run: true, watch: false, reporters: [] });
  try {
    const { testModules } = await vitest.collect();
    const out: CatalogueEntry[] = [];
    for (const m of testModules) {
      const file = relative(PACKAGE_ROOT, m.moduleId).replace(/\\/g, '/');
      for (const tc of m.children.allTests()) {
        const r = tc.meta().requirement;
        if (r) out.push({ ...r, file });
      }
    }
    return out;
  } finally {
    await vitest.close();
  }
}
