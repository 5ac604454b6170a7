/**
 * @module harness/catalogue/catalogue
 * The requirement catalogue as data: `specs/catalogue.json`, every requirement the specs declare with
 * the spec file that holds it. `list`, `--grep` and the manifest read it without loading vitest;
 * `npm run catalogue` writes it from the specs, and a test keeps the two in step.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { RunAbort } from '../errors.ts';
import { RequirementSchema, type Requirement } from '../results/index.ts';
import { PACKAGE_ROOT } from '../suite.ts';

/** Where the catalogue is, in the package. */
export const CATALOGUE_PATH = join(PACKAGE_ROOT, 'specs', 'catalogue.json');

export const CatalogueEntrySchema = RequirementSchema.extend({
  /** The spec file, relative to the package root (`specs/keys/create-key.spec.ts`). */
  file: z.string().regex(/^specs\/.+\.spec\.ts$/),
}).strict();

export const CatalogueSchema = z
  .object({
    note: z.string(),
    requirements: z.array(CatalogueEntrySchema),
  })
  .strict();

export type CatalogueEntry = z.infer<typeof CatalogueEntrySchema>;

let cached: readonly CatalogueEntry[] | undefined;

/** Every requirement of the suite, sorted by id. A missing or broken catalogue is a broken install (exit 2). */
export function readCatalogue(path = CATALOGUE_PATH): readonly CatalogueEntry[] {
  if (path === CATALOGUE_PATH && cached) return cached;
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (e) {
    throw new RunAbort('config', `the requirement catalogue ${path} cannot be read (${(e as Error).message.split('\n')[0]}); run npm run catalogue`);
  }
  const parsed = CatalogueSchema.safeParse(raw);
  if (!parsed.success) throw new RunAbort('config', `the requirement catalogue ${path} is malformed (${parsed.error.issues[0]!.message}); run npm run catalogue`);
  if (path === CATALOGUE_PATH) cached = parsed.data.requirements;
  return parsed.data.requirements;
}

/** The name vitest gives a requirement's test, which `--grep` matches: `<id> — <statement>`. */
export function testNameOf(r: Pick<Requirement, 'id' | 'statement'>): string {
  return `${r.id} — ${r.statement}`;
}

/** A `--grep` pattern, or the one-line usage error for a pattern that is not a regular expression. */
export function grepPattern(grep: string): RegExp {
  try {
    return new RegExp(grep);
  } catch (e) {
    throw new RunAbort('usage', `--grep '${grep}' is not a regular expression (${(e as Error).message})`);
  }
}

/** The requirements `grep` matches (all without one). */
export function selectRequirements(all: readonly CatalogueEntry[], grep: string | undefined): CatalogueEntry[] {
  if (grep === undefined) return [...all];
  const pattern = grepPattern(grep);
  return all.filter((r) => pattern.test(testNameOf(r)));
}

/** The catalogue file's text for `requirements` (sorted by id, two-space JSON, final newline). */
export function catalogueText(requirements: readonly CatalogueEntry[]): string {
  const sorted = [...requirements].sort((a, b) => a.id.localeCompare(b.id, 'en', { numeric: true }));
  return `${JSON.stringify({ note: 'Generated from the specs by `npm run catalogue`; do not edit.', requirements: sorted }, null, 2)}\n`;
}

/** One line per requirement, for the terminal. */
export function formatCatalogue(reqs: readonly Requirement[]): string[] {
  const lines = reqs.map((r) => `${r.id.padEnd(9)} ${r.strength.padEnd(7)} ${r.evidence.padEnd(10)} ${r.operation.padEnd(26)} ${r.statement}`);
  const by = (k: 'strength' | 'evidence') => {
    const counts = new Map<string, number>();
    for (const r of reqs) counts.set(r[k], (counts.get(r[k]) ?? 0) + 1);
    return [...counts].map(([v, n]) => `${n} ${v}`).join(', ');
  };
  return [...lines, '', reqs.length ? `${reqs.length} requirements (${by('strength')}; ${by('evidence')})` : '0 requirements'];
}
