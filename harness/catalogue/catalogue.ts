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

/** An id (`KEY-01`) or an id prefix (`KEY`, `KEY-`): matched against ids only, precisely. */
const ID_LIKE = /^[A-Z][A-Z0-9]*(-[0-9]*)?$/;

/**
 * Whether `grep` selects `r`. A pattern that looks like an id or an id's area names ids: `KEY` is
 * every `KEY-*` and nothing else (not `IKM-*` because of a statement's `KEY_…`); `KEY-01` is exactly
 * that one when `exact` (an id of that name exists), else the ids it begins (`PROTO-0`: PROTO-01…09).
 * Any other pattern is a regular expression over `<id> — <statement>`.
 */
export function grepSelects(grep: string, r: Pick<Requirement, 'id' | 'statement'>, exact = true): boolean {
  if (ID_LIKE.test(grep)) {
    if (/-[0-9]+$/.test(grep)) return exact ? r.id === grep : r.id.startsWith(grep);
    const area = grep.replace(/-$/, '');
    return r.id.startsWith(`${area}-`);
  }
  return grepPattern(grep).test(testNameOf(r));
}

/** What a run or a listing is limited to; every filter given must hold (they combine with "and"). */
export interface Selection {
  grep?: string;
  /** Only these strengths. */
  strength?: readonly Requirement['strength'][];
  /** Only requirements naming one of these operations (as `list` shows them). */
  operation?: readonly string[];
  /** Only these ids (`--rerun-failed`: the problems of an earlier run), and where they came from. */
  ids?: { readonly from: string; readonly ids: ReadonlySet<string> };
  /** Only part `index` (1-based) of `count`: of what the other filters select, every count-th requirement in id order. */
  shard?: { readonly index: number; readonly count: number };
}

/** True when the selection filters anything. */
export function isFiltered(sel: Selection): boolean {
  return sel.grep !== undefined || sel.strength !== undefined || sel.operation !== undefined || sel.ids !== undefined || sel.shard !== undefined;
}

/** The selection as the options that made it, for reports: `--grep 'KEY' --strength must`. */
export function describeSelection(sel: Selection): string | undefined {
  const parts = [
    ...(sel.grep !== undefined ? [`--grep '${sel.grep}'`] : []),
    ...(sel.strength ? [`--strength ${sel.strength.join(',')}`] : []),
    ...(sel.operation ? [`--operation ${sel.operation.join(',')}`] : []),
    ...(sel.ids ? [`--rerun-failed ${sel.ids.from}`] : []),
    ...(sel.shard ? [`--shard ${sel.shard.index}/${sel.shard.count}`] : []),
  ];
  return parts.length ? parts.join(' ') : undefined;
}

/**
 * The requirements `sel` selects (all without filters). An operation no requirement names is a usage
 * error (exit 2) naming the closest one, so that a typo does not look like an empty selection.
 */
export function selectRequirements(all: readonly CatalogueEntry[], sel: Selection | string | undefined): CatalogueEntry[] {
  const s: Selection = typeof sel === 'string' ? { grep: sel } : (sel ?? {});
  if (s.grep !== undefined && !ID_LIKE.test(s.grep)) grepPattern(s.grep);
  if (s.operation) {
    const known = new Set(all.map((r) => r.operation));
    for (const op of s.operation) {
      if (!known.has(op)) {
        const near = [...known].find((k) => k.toLowerCase() === op.toLowerCase());
        throw new RunAbort('usage', `--operation ${op}: no requirement names that operation${near ? ` (did you mean ${near}?)` : ''}; kms-conformance list --coverage shows them`);
      }
    }
  }
  const exact = s.grep !== undefined && all.some((r) => r.id === s.grep);
  const selected = all.filter(
    (r) =>
      (s.grep === undefined || grepSelects(s.grep, r, exact)) &&
      (!s.strength || s.strength.includes(r.strength)) &&
      (!s.operation || s.operation.includes(r.operation)) &&
      (!s.ids || s.ids.ids.has(r.id)),
  );
  if (!s.shard) return selected;
  // Deterministic: the same selection and shard count always split the same way, whatever the machine.
  const { index, count } = s.shard;
  return [...selected].sort((a, b) => byId(a.id, b.id)).filter((_, i) => i % count === index - 1);
}

const byId = (a: string, b: string) => a.localeCompare(b, 'en', { numeric: true });

/** The one line, shared by `list` and `run`, for filters that select nothing (exit 2). */
export function nothingSelected(sel: Selection): RunAbort {
  return new RunAbort('usage', `no requirement matched ${describeSelection(sel) ?? 'the filters'} (see kms-conformance list)`);
}

/** A vitest test-name pattern that selects exactly these requirements. */
export function exactNamePattern(reqs: readonly Pick<Requirement, 'id'>[]): string {
  return `^(?:${reqs.map((r) => r.id.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')}) — `;
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
