/**
 * @module harness/spec/sources
 * Sources that recur across specs. A requirement resting on one of LocalStack's snapshot entries
 * recorded against real AWS cites the test and entry, and the dates it was recorded and last
 * validated (crypto ground truth §0.1 explains how to read the snapshots).
 */
import type { RequirementSource } from './requirement.ts';

/** The LocalStack commit whose KMS snapshots the ground truth uses. */
const LOCALSTACK_COMMIT = '8b9a79f05846835cf4dff63ab7eefdde9df83783';
export const LOCALSTACK_SNAPSHOT = `https://github.com/localstack/localstack/blob/${LOCALSTACK_COMMIT}/tests/aws/services/kms/test_kms.snapshot.json`;

/**
 * A snapshot entry recorded against AWS: `test` as LocalStack names it (class::test[params]),
 * `entry` the recorded answer's name (absent when the test asserts without a snapshot entry).
 */
export function recorded(test: string, entry: string | undefined, dates: string, groundTruth?: string): RequirementSource {
  return {
    url: LOCALSTACK_SNAPSHOT,
    section: `test_kms.py::${test}${entry ? ` › "${entry}"` : ''} (${dates})`,
    ...(groundTruth && { groundTruth }),
  };
}

/** AWS KMS API Reference page of an operation. */
export const apiRef = (op: string): string => `https://docs.aws.amazon.com/kms/latest/APIReference/API_${op}.html`;
export const DEV_GUIDE = 'https://docs.aws.amazon.com/kms/latest/developerguide';
/** botocore's model (the pinned version the reference is generated from). */
export const BOTOCORE_MODEL = 'https://github.com/boto/botocore/blob/1.44.8/botocore/data/kms/2014-11-01/service-2.json';
