/**
 * @module harness/spec/requirement
 * A requirement is one checkable statement about AWS KMS behaviour, with a stable id, its source and
 * how strong the evidence for it is (shared/DESIGN.md). Each spec test carries exactly one. The
 * types are the results schema's (harness/results); this module checks a declaration's consistency.
 */
import { REQUIREMENT_ID, type Requirement } from '../results/index.ts';

export type { EvidenceLevel, Requirement, RequirementSource, Strength } from '../results/index.ts';

/** Checks a requirement's own consistency; a malformed one is a bug in the suite, not the target. */
export function checkRequirement(r: Requirement): void {
  if (!REQUIREMENT_ID.test(r.id)) throw new Error(`requirement id '${r.id}' is not of the form AREA-NN`);
  if (!r.statement.trim() || r.statement.includes('\n')) throw new Error(`${r.id}: the statement must be one non-empty line`);
  if (!/^https?:\/\//.test(r.source.url)) throw new Error(`${r.id}: the source must be a link`);
  if (r.strength === 'must' && r.evidence !== 'recorded' && r.evidence !== 'documented') {
    throw new Error(`${r.id}: a 'must' requirement rests on recorded or documented behaviour, not '${r.evidence}'`);
  }
  if (r.evidence === 'unknown' && r.strength !== 'observe') throw new Error(`${r.id}: unknown AWS behaviour can only be observed`);
}
