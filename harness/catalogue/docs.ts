/**
 * @module harness/catalogue/docs
 * docs/requirements.md, written from the catalogue by `npm run catalogue`: every requirement with its
 * strength, evidence, statement and source, by area, and an index of the ground-truth facts the
 * requirements cite, so that an id such as MGT-120 can be followed in a clone of this repository.
 */
import type { CatalogueEntry } from './catalogue.ts';

export const REQUIREMENTS_DOC = 'docs/requirements.md';

/** Safe in a Markdown table cell. */
function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\s*\n\s*/g, ' ');
}

const byId = (a: string, b: string) => a.localeCompare(b, 'en', { numeric: true });

/** The fact ids a groundTruth field names: `REQ-D1…D5, MGT-120` → REQ-D1…D5, MGT-120. */
export function factIds(groundTruth: string | undefined): string[] {
  if (!groundTruth) return [];
  return groundTruth.split(/,\s*/).map((s) => s.trim()).filter(Boolean);
}

export function requirementsDoc(reqs: readonly CatalogueEntry[]): string {
  const areas = new Map<string, CatalogueEntry[]>();
  for (const r of [...reqs].sort((a, b) => byId(a.id, b.id))) {
    const list = areas.get(r.operation) ?? [];
    list.push(r);
    areas.set(r.operation, list);
  }
  const facts = new Map<string, string[]>();
  for (const r of reqs) for (const f of factIds(r.source.groundTruth)) facts.set(f, [...(facts.get(f) ?? []), r.id]);
  const lines = [
    '# Requirements',
    '',
    '<!-- Generated from the spec files by `npm run catalogue`; do not edit. -->',
    '',
    `Every requirement the suite checks (${reqs.length}), by operation or area: its strength, how we know`,
    'what AWS does (the evidence level), the statement, and the source it rests on. The words are',
    'explained in [vocabulary.md](vocabulary.md); `kms-conformance list` prints the same from the command line.',
    '',
    '**Ground truth.** The project keeps notes of AWS KMS behaviour, each fact with an id and an',
    'evidence mark, drawn from the AWS documentation, the AWS API model (botocore), and answers',
    "recorded from real AWS (LocalStack's snapshot tests, and issue threads quoting real errors). A",
    'requirement names the facts it rests on in its "ground truth" column: `REQ-…` and the lettered',
    'sections (`c.7`, `f#2`) are facts of the imported-key-material lifecycle, `CRY-…` of',
    'cryptography and key specs, `MGT-…` of key management (rotation, policies, grants, aliases, tags,',
    'multi-Region keys, key states). The notes themselves are not part of this repository; what each',
    'fact says is the statement of the requirements resting on it, and where AWS says it is the source',
    'they link. The [index of facts](#index-of-facts) at the end lists, for each fact id, the',
    'requirements that rest on it.',
    '',
  ];
  for (const [area, list] of [...areas].sort(([a], [b]) => a.localeCompare(b, 'en'))) {
    lines.push(`## ${area}`, '', '| id | strength | evidence | statement | source | ground truth |', '| --- | --- | --- | --- | --- | --- |');
    for (const r of list) {
      const src = `[${cell(r.source.section ?? r.source.url.replace(/^https?:\/\//, ''))}](${r.source.url})`;
      lines.push(`| ${r.id} | ${r.strength} | ${r.evidence} | ${cell(r.statement)} | ${src} | ${cell(r.source.groundTruth ?? '')} |`);
    }
    lines.push('');
  }
  lines.push('## Index of facts', '', '| fact | requirements resting on it |', '| --- | --- |');
  for (const [fact, ids] of [...facts].sort(([a], [b]) => byId(a, b))) lines.push(`| ${cell(fact)} | ${[...new Set(ids)].sort(byId).join(', ')} |`);
  lines.push('');
  return lines.join('\n');
}
