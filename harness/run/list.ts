/**
 * @module harness/run/list
 * `kms-conformance list`: the requirement catalogue, read from the specs without running them.
 */
import { join } from 'node:path';
import { createVitest } from 'vitest/node';
import { referencePrincipals } from '../config/resolve-target.ts';
import type { Requirement } from '../spec/requirement.ts';
import { PACKAGE_ROOT } from './run.ts';
import { handSession } from './session.ts';

/** Every requirement the specs declare (filtered by `grep` on "<id> — <statement>"), sorted by id. */
export async function listRequirements(grep?: string): Promise<Requirement[]> {
  // Collecting imports the spec files but runs no test: the session handed over is never used.
  handSession({
    target: { name: 'list', kind: 'embedded', region: 'us-east-1', principals: referencePrincipals() },
    runId: 'list',
    ledgerPath: '/dev/null',
    seed: 0,
  });
  try {
    const vitest = await createVitest('test', {
      root: PACKAGE_ROOT,
      config: join(PACKAGE_ROOT, 'vitest.config.ts'),
      project: ['conformance'],
      run: true,
      watch: false,
      reporters: [],
    });
    try {
      const { testModules } = await vitest.collect();
      const pattern = grep ? new RegExp(grep) : undefined;
      const out: Requirement[] = [];
      for (const m of testModules) {
        for (const tc of m.children.allTests()) {
          const r = tc.meta().requirement;
          if (r && (!pattern || pattern.test(tc.name))) out.push(r);
        }
      }
      return out.sort((a, b) => a.id.localeCompare(b.id, 'en', { numeric: true }));
    } finally {
      await vitest.close();
    }
  } finally {
    handSession(undefined);
  }
}

/** One line per requirement, for the terminal. */
export function formatCatalogue(reqs: readonly Requirement[]): string[] {
  const lines = reqs.map((r) => `${r.id.padEnd(9)} ${r.strength.padEnd(7)} ${r.evidence.padEnd(10)} ${r.operation.padEnd(26)} ${r.statement}`);
  const by = (k: 'strength' | 'evidence') => {
    const counts = new Map<string, number>();
    for (const r of reqs) counts.set(r[k], (counts.get(r[k]) ?? 0) + 1);
    return [...counts].map(([v, n]) => `${n} ${v}`).join(', ');
  };
  return [...lines, '', `${reqs.length} requirements (${by('strength')}; ${by('evidence')})`];
}
