/**
 * Which requirements each reference fault must make fail: the intended catches, one or more `must`
 * requirements per fault (`ID` must fail; `ID:not-implemented` must be reported as not implemented). `test/faults.test.ts` checks every row; `bench/kill-matrix.ts` prints the
 * full matrix (every requirement each fault makes fail).
 */
import type { FaultName } from '../reference/faults/index.ts';

/**
 * Faults that are not deviations the specs must catch but inputs for the project's own tests: a
 * report must stay inert when a target answers with markup (test/report-browser.test.ts).
 */
export const TEST_INPUT_FAULTS: ReadonlySet<FaultName> = new Set(['hostile-messages']);

export const INTENDED_CATCHES: Record<Exclude<FaultName, 'hostile-messages'>, readonly string[]> = {
  'accept-alias': ['DIKM-03', 'DIKM-04', 'PROP-04'],
  // Against a target that is not AWS the harness does not retry (evidence stays one request per
  // call), so the first CreateKey's ThrottlingException fails KEY-01; test/aws/ shows the aws target retrying it.
  'throttle-first-request': ['KEY-01'],
  'skip-origin-check': ['DIKM-20', 'DIKM-21'],
  'refuse-pending-deletion': ['DIKM-27'],
  'refuse-pending-import': ['DIKM-29', 'DIKM-30'],
  'pending-deletion-to-pending-import': ['DIKM-27', 'MODEL-01'],
  'ignore-arn-account': ['DIKM-40', 'PROP-05'],
  'accept-different-material': ['DIKM-44', 'IKM-03'],
  'stay-enabled-after-delete': ['DIKM-23', 'DIKM-26', 'DIKM-34', 'PROP-06'],
  'unbound-import-token': ['IKM-20'],
  'long-import-parameters': ['GPFI-03'],
  'ignore-expiration-model': ['IKM-10', 'IKM-12'],
  'empty-delete-response': ['DIKM-45'],
  'wrong-error-code': ['DIKM-06', 'DIKM-07', 'PROTO-10'],
  'wrong-status-code': ['DIKM-06', 'DIKM-32', 'GPFI-07', 'PROTO-10'],
  'no-signature-check': ['PROTO-20', 'PROTO-23', 'PROTO-26'],
  'no-import-operations': ['DIKM-01:not-implemented', 'GPFI-01:not-implemented'],
};
