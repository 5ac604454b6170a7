/**
 * Constructed RunResults for the report's tests: every outcome, two operations and an area, a
 * baseline, a suite error, a failed property and a cleanup problem. `hostile` puts markup into
 * every string that can come from a target or a user's files (statements are the suite's own).
 */
import type { Exchange } from '../harness/evidence/recorder.ts';
import { summarize, verdictOf, type Outcome, type RequirementResult, type RunResults } from '../harness/results/index.ts';
import type { Strength } from '../harness/spec/requirement.ts';

export const HOSTILE = '<script>window.__xss=1</script><img src=x onerror="window.__xss=2">';

function exchange(t: (s: string) => string, op: string, status: number, message?: string): Exchange {
  return {
    operation: t(op),
    principal: t('primary'),
    via: 'sdk',
    request: {
      method: 'POST',
      path: t('/'),
      headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': t(`TrentService.${op}`), 'x-note': t('header') },
      body: { KeyId: t('1234abcd-12ab-34cd-56ef-1234567890ab') },
    },
    response: {
      status,
      headers: { 'x-amzn-requestid': t('req-1') },
      body: status >= 400 ? { __type: t('NotFoundException'), message: t(message ?? 'Key does not exist') } : { KeyId: t('arn:aws:kms:us-east-1:111122223333:key/1') },
    },
    durationMs: 12,
    at: '2026-11-28T01:00:00.000Z',
  };
}

function req(id: string, operation: string, strength: Strength, outcome: Outcome, extra: Partial<RequirementResult> = {}): RequirementResult {
  return {
    id,
    statement: `${id} statement about ${operation}`,
    operation,
    source: { url: `https://docs.aws.amazon.com/kms/latest/APIReference/API_${operation}.html`, section: 'Errors', groundTruth: 'REQ-K1' },
    evidence: strength === 'observe' ? 'unknown' : 'documented',
    strength,
    outcome,
    durationMs: 42,
    exchanges: [],
    ...extra,
  };
}

export function fixtureResults(o: { hostile?: boolean } = {}): RunResults {
  const t = (s: string) => (o.hostile ? `${HOSTILE}${s}` : s);
  const requirements: RequirementResult[] = [
    req('DIKM-01', 'DeleteImportedKeyMaterial', 'must', 'pass', { exchanges: [exchange(t, 'DeleteImportedKeyMaterial', 200)] }),
    req('DIKM-06', 'DeleteImportedKeyMaterial', 'must', 'fail', {
      failure: { message: t('expected NotFoundException (HTTP 400) but got ResourceNotFoundException'), expected: { code: 'NotFoundException', status: 400 }, actual: { code: t('ResourceNotFoundException'), status: 400 } },
      exchanges: [exchange(t, 'DeleteImportedKeyMaterial', 400, 'Key does not exist')],
      cleanupProblems: [t('ScheduleKeyDeletion of key 1 failed: throttled')],
    }),
    req('DIKM-08', 'DeleteImportedKeyMaterial', 'should', 'fail', { failure: { message: t('message differs'), diff: t('- Expected\n+ Received\n\n- "Key does not exist"\n+ "Key was not found"') } }),
    req('DIKM-05', 'DeleteImportedKeyMaterial', 'observe', 'observed', { exchanges: [exchange(t, 'DeleteImportedKeyMaterial', 400, 'bad alias')], observations: [{ label: t('answer'), value: { code: t('ValidationException'), message: t('bad alias') } }] }),
    req('GPFI-01', 'GetParametersForImport', 'must', 'not-implemented', { failure: { message: t('UnknownOperationException: Unknown operation') } }),
    req('GPFI-05', 'GetParametersForImport', 'must', 'blocked', {
      failure: { message: t('blocked by DIKM-06: CreateKey with Origin EXTERNAL made a key in Enabled, not PendingImport') },
      blockedBy: 'DIKM-06',
    }),
    req('GPFI-02', 'GetParametersForImport', 'must', 'not-applicable', { note: t('the target declared no import support') }),
    req('GPFI-03', 'GetParametersForImport', 'must', 'expected-deviation', {
      failure: { message: t('ParametersValidTo is 100 days away') },
      baseline: { reason: t('the emulator keeps parameters for 100 days'), link: 'javascript:window.__xss=3', rawOutcome: 'fail' },
    }),
    req('GPFI-04', 'GetParametersForImport', 'should', 'stale-deviation', { baseline: { reason: t('used to answer 404'), link: 'https://github.com/example/emulator/issues/7', rawOutcome: 'pass' } }),
    req('MODEL-01', 'lifecycle-model', 'must', 'fail', {
      failure: { message: t('property failed: after DeleteImportedKeyMaterial(k1): KeyState PendingImport | replay: …'), expected: { KeyState: 'PendingDeletion' }, actual: { KeyState: t('PendingImport') } },
      observations: [
        { label: 'property', value: { seed: 1440478003, runs: 3, interrupted: false } },
        {
          label: 'counterexample',
          value: {
            seed: 1440478003,
            path: '0:2:1:1',
            replayPath: 'FCFJAAEAE:VF',
            counterexample: [t('(setup) k1 = CreateKey(EXTERNAL)'), 'ScheduleKeyDeletion(k1)', 'DeleteImportedKeyMaterial(k1)'],
            failure: t('after DeleteImportedKeyMaterial(k1): DescribeKey reports KeyState PendingImport'),
            replay: t("KMS_CONFORMANCE_REPLAY_PATH='0:2:1:1@FCFJAAEAE:VF' kms-conformance run --grep MODEL-01 --seed 1440478003"),
          },
        },
      ],
      exchanges: [exchange(t, 'CreateKey', 200), exchange(t, 'DescribeKey', 200)],
    }),
  ];
  const errors = [t('specs/broken.spec.ts: SyntaxError: Unexpected token')];
  return {
    schemaVersion: '1.0.0',
    suite: { name: 'kms-conformance', version: '0.1.0' },
    run: { id: 'kmsct-20261128T010000Z-abcd', startedAt: '2026-11-28T01:00:00.000Z', finishedAt: '2026-11-28T01:01:05.000Z', durationMs: 65_000, seed: 1440478003, grep: t('DIKM') },
    target: {
      name: t('emulator'),
      kind: 'endpoint',
      endpoint: t('http://127.0.0.1:4566'),
      region: t('us-east-1'),
      principals: ['primary', 'secondary'],
      version: t('1.2.3'),
      declared: { [t('importKeyMaterial')]: false, notes: t('declared by the user') },
    },
    baseline: { path: t('baselines/emulator.json'), target: t('emulator'), entries: 2, allowStale: false, unknownIds: [], notRun: [] },
    verdict: verdictOf(requirements, errors),
    summary: summarize(requirements),
    requirements,
    errors,
  };
}
