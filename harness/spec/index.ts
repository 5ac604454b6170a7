/**
 * @module harness/spec
 * The import surface for specs: declare requirements, assert errors.
 */
export { requirement, type SpecContext, type Observation } from './requirement-test.ts';
export { Blocked, blockedBy, precondition } from './blocked.ts';
export { expectClientError, expectRawClientError } from './expect-client-error.ts';
export { expectKmsError, expectRawError, ExpectationFailure, type KmsErrorAnswer } from './expect-kms-error.ts';
export type { Requirement, EvidenceLevel, Strength, RequirementSource } from './requirement.ts';
export { apiRef, BOTOCORE_MODEL, DEV_GUIDE, LOCALSTACK_SNAPSHOT, recorded } from './sources.ts';
export { answerOf, isError, labelled, members, type ErrorAnswer } from './answers.ts';
