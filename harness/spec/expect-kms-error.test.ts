import { DisabledException, NotFoundException } from '@aws-sdk/client-kms';
import { describe, expect, it } from 'vitest';
import type { RawResponse } from '../clients/raw-client.ts';
import { ExpectationFailure, expectKmsError, expectRawError } from './expect-kms-error.ts';

const notFound = (status = 400) =>
  new NotFoundException({ message: 'Key does not exist', $metadata: { httpStatusCode: status, requestId: 'r-1' } });

/** Awaits `p`, which must reject, and returns what it rejected with. */
async function rejection(p: Promise<unknown>): Promise<unknown> {
  const outcome = await p.then(
    () => ({ ok: true as const }),
    (error: unknown) => ({ ok: false as const, error }),
  );
  expect(outcome.ok, 'expected a rejection, but the promise resolved').toBe(false);
  return (outcome as { error: unknown }).error;
}

describe('expectKmsError', () => {
  it('resolves with the answer when the call fails with the expected code (and status)', async () => {
    const answer = await expectKmsError(Promise.reject(notFound()), 'NotFoundException', 400);
    expect(answer).toEqual({ code: 'NotFoundException', status: 400, message: 'Key does not exist' });
  });

  it('throws ExpectationFailure saying the call succeeded when it succeeds', async () => {
    const e = await rejection(expectKmsError(Promise.resolve({ KeyMetadata: {} }), 'NotFoundException'));
    expect(e).toBeInstanceOf(ExpectationFailure);
    expect((e as ExpectationFailure).message).toContain('succeeded');
    expect((e as ExpectationFailure).actual).toBe('success');
  });

  it('throws ExpectationFailure with expected and actual for a different code', async () => {
    const e = await rejection(
      expectKmsError(Promise.reject(new DisabledException({ message: 'off', $metadata: { httpStatusCode: 400 } })), 'NotFoundException'),
    );
    expect(e).toBeInstanceOf(ExpectationFailure);
    const f = e as ExpectationFailure;
    expect(f.expected).toEqual({ code: 'NotFoundException' });
    expect(f.actual).toEqual({ code: 'DisabledException', status: 400, message: 'off' });
    expect(f.message).toContain('DisabledException');
  });

  it('throws ExpectationFailure for the right code with the wrong status', async () => {
    const e = await rejection(expectKmsError(Promise.reject(notFound(404)), 'NotFoundException', 400));
    expect(e).toBeInstanceOf(ExpectationFailure);
    const f = e as ExpectationFailure;
    expect(f.expected).toEqual({ code: 'NotFoundException', status: 400 });
    expect(f.actual).toMatchObject({ code: 'NotFoundException', status: 404 });
  });

  it('rethrows an error that is not an SDK service error, unchanged', async () => {
    const plain = new Error('connect ECONNREFUSED');
    expect(await rejection(expectKmsError(Promise.reject(plain), 'NotFoundException'))).toBe(plain);
    const other = { reason: 'not even an Error' };
    expect(await rejection(expectKmsError(Promise.reject(other), 'NotFoundException'))).toBe(other);
  });
});

function raw(status: number, errorCode?: string, message?: string): RawResponse {
  const json = errorCode ? { __type: errorCode, ...(message && { message }) } : { Keys: [] };
  return { status, headers: { 'content-type': 'application/x-amz-json-1.1' }, text: JSON.stringify(json), json, ...(errorCode && { errorCode }) };
}

/** Runs `fn`, which must throw an ExpectationFailure, and returns it. */
function failureOf(fn: () => unknown): ExpectationFailure {
  let thrown: unknown;
  try {
    fn();
  } catch (e) {
    thrown = e;
  }
  expect(thrown).toBeInstanceOf(ExpectationFailure);
  return thrown as ExpectationFailure;
}

describe('expectRawError', () => {
  it('returns the answer for the expected code and status', () => {
    expect(expectRawError(raw(400, 'ValidationException', 'bad'), 'ValidationException', 400)).toEqual({
      code: 'ValidationException',
      status: 400,
      message: 'bad',
    });
  });

  it('throws saying the request succeeded for a 2xx answer', () => {
    const f = failureOf(() => expectRawError(raw(200), 'ValidationException'));
    expect(f.message).toContain('succeeded');
    expect(f.actual).toBe('success');
  });

  it('throws with expected and actual for a different code or status', () => {
    const wrongCode = failureOf(() => expectRawError(raw(400, 'AccessDeniedException'), 'ValidationException'));
    expect(wrongCode.expected).toMatchObject({ code: 'ValidationException' });
    expect(wrongCode.actual).toMatchObject({ code: 'AccessDeniedException', status: 400 });
    const wrongStatus = failureOf(() => expectRawError(raw(500, 'ValidationException'), 'ValidationException', 400));
    expect(wrongStatus.expected).toEqual({ code: 'ValidationException', status: 400 });
    expect(wrongStatus.actual).toMatchObject({ code: 'ValidationException', status: 500 });
  });

  it('reports an error answer without a code as (none)', () => {
    const f = failureOf(() => expectRawError({ status: 502, headers: {}, text: 'Bad Gateway' }, 'ValidationException'));
    expect(f.actual).toMatchObject({ code: '(none)', status: 502 });
  });
});
