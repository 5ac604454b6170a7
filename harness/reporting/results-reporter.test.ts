import type { TestCase } from 'vitest/node';
import { describe, expect, it } from 'vitest';
import type { Requirement } from '../results/index.ts';
import { ResultsReporter, unhandledLine } from './results-reporter.ts';

const REQ: Requirement = {
  id: 'KEY-01',
  statement: 'a statement',
  operation: 'CreateKey',
  source: { url: 'https://docs.aws.amazon.com/kms/latest/APIReference/API_CreateKey.html' },
  evidence: 'recorded',
  strength: 'must',
};

/** A finished test case as vitest hands it to reporters (only what the reporter reads). */
function testCase(state: string, o: { strength?: Requirement['strength']; note?: string; error?: { name: string; message: string }; meta?: object } = {}): TestCase {
  const requirement = { ...REQ, strength: o.strength ?? 'must' };
  return {
    meta: () => ({ requirement, exchanges: [], ...o.meta }),
    result: () => ({ state, ...(o.note && { note: o.note }), errors: o.error ? [o.error] : [] }),
    diagnostic: () => ({ duration: 12.4 }),
  } as unknown as TestCase;
}

describe('ResultsReporter outcomes', () => {
  it.each([
    ['passed', 'must', undefined, 'pass'],
    ['passed', 'observe', undefined, 'observed'],
    ['failed', 'must', undefined, 'fail'],
    ['skipped', 'must', 'no session token', 'not-applicable'],
  ] as const)('%s %s → %s', (state, strength, note, outcome) => {
    const r = new ResultsReporter();
    r.onTestCaseResult(testCase(state, { strength, ...(note && { note, meta: { notApplicable: note } }), ...(state === 'failed' && { error: { name: 'AssertionError', message: 'boom\nmore' } }) }));
    expect(r.results[0]).toMatchObject({ id: 'KEY-01', outcome, durationMs: 12, ...(note && { note }) });
  });

  it('leaves out checks an interrupted run cancelled (skipped by vitest, not declared not applicable)', () => {
    const r = new ResultsReporter();
    r.onTestCaseResult(testCase('skipped', { note: 'The test run was aborted by the user.' }));
    expect(r.results).toEqual([]);
  });

  it('reports a failure whose operation the target lacks as not-implemented, with the first line of the error', () => {
    const r = new ResultsReporter();
    r.onTestCaseResult(testCase('failed', { meta: { notImplemented: 'CreateKey' }, error: { name: 'UnknownOperationException', message: 'Unknown operation\nstack' } }));
    expect(r.results[0]).toMatchObject({ outcome: 'not-implemented', failure: { message: 'Unknown operation' } });
  });

  it('reports a set-up step blocked by another requirement as blocked, naming it, even when the step met a missing operation', () => {
    const r = new ResultsReporter();
    r.onTestCaseResult(testCase('failed', { meta: { blockedBy: 'KEY-06', notImplemented: 'DisableKey' }, error: { name: 'Blocked', message: 'blocked by KEY-06: DisableKey left the key Enabled, not Disabled' } }));
    expect(r.results[0]).toMatchObject({ outcome: 'blocked', blockedBy: 'KEY-06', failure: { message: 'blocked by KEY-06: DisableKey left the key Enabled, not Disabled' } });
  });

  it('leaves out tests skipped without a reason (filtered out of the run)', () => {
    const r = new ResultsReporter();
    r.onTestCaseResult(testCase('skipped'));
    expect(r.results).toEqual([]);
  });

  it('collects safety refusals, which end the run with exit code 2', () => {
    const r = new ResultsReporter();
    r.onTestCaseResult(testCase('failed', { error: { name: 'SafetyRefusal', message: "refusing EnableKey: KeyId 'x' names a resource this run did not create" } }));
    expect(r.safetyRefusals).toEqual(["KEY-01: refusing EnableKey: KeyId 'x' names a resource this run did not create"]);
  });
});

describe('unhandledLine', () => {
  it('names the spec file, the running test and the first frame of the project that vitest saw the stray error in', () => {
    const e = {
      message: "Key 'arn:aws:kms:us-east-1:123456789012:key/k' does not exist",
      stack: `NotFoundException: Key does not exist\n    at de (${process.cwd()}/node_modules/@aws-sdk/x.js:1:2)\n    at probe (${process.cwd()}/specs/keys/create.spec.ts:40:7)`,
      VITEST_TEST_PATH: `${process.cwd()}/specs/keys/create.spec.ts`,
      VITEST_TEST_NAME: 'KEY-09 — a statement',
    };
    expect(unhandledLine(e)).toBe(
      "unhandled: Key 'arn:aws:kms:us-east-1:123456789012:key/k' does not exist (specs/keys/create.spec.ts, while \"KEY-09 — a statement\" ran, at specs/keys/create.spec.ts:40:7)",
    );
  });

  it('is the bare message when vitest knows nothing of where it came from', () => {
    expect(unhandledLine({ message: 'boom' })).toBe('unhandled: boom');
  });
});
