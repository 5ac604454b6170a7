/**
 * @module harness/spec/requirement
 * A requirement is one checkable statement about AWS KMS behaviour, with a stable id, its source and
 * how strong the evidence for it is (shared/DESIGN.md). Each spec test carries exactly one.
 */

export type EvidenceLevel = 'recorded' | 'documented' | 'inferred' | 'unknown';
/** must: nonconformance when failed; should: parity detail; observe: AWS unknown, no verdict. */
export type Strength = 'must' | 'should' | 'observe';

export interface RequirementSource {
  /** Link to the AWS documentation page or the recording. */
  url: string;
  /** Section or anchor within it. */
  section?: string;
  /** Id of the fact in ../shared/ground-truth/aws-kms-import-lifecycle.md (e.g. REQ-C1). */
  groundTruth?: string;
}

export interface Requirement {
  /** Stable, never reused: `AREA-NN` (e.g. `KEY-01`, `DIKM-03`). */
  id: string;
  /** One line, in our own words. */
  statement: string;
  /** The KMS operation, or an area such as `protocol` or `key-identifiers`. */
  operation: string;
  source: RequirementSource;
  evidence: EvidenceLevel;
  strength: Strength;
}

const ID = /^[A-Z][A-Z0-9]*(-[A-Z0-9]+)*-\d{2,3}$/;

/** Checks a requirement's own consistency; a malformed one is a bug in the suite, not the target. */
export function checkRequirement(r: Requirement): void {
  if (!ID.test(r.id)) throw new Error(`requirement id '${r.id}' is not of the form AREA-NN`);
  if (!r.statement.trim() || r.statement.includes('\n')) throw new Error(`${r.id}: the statement must be one non-empty line`);
  if (!/^https?:\/\//.test(r.source.url)) throw new Error(`${r.id}: the source must be a link`);
  if (r.strength === 'must' && r.evidence !== 'recorded' && r.evidence !== 'documented') {
    throw new Error(`${r.id}: a 'must' requirement rests on recorded or documented behaviour, not '${r.evidence}'`);
  }
  if (r.evidence === 'unknown' && r.strength !== 'observe') throw new Error(`${r.id}: unknown AWS behaviour can only be observed`);
}
