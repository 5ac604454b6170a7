/**
 * @module reference/test-support/expect-kms-error
 * Negative assertions that cannot pass when the call succeeds: the outcome is captured first, then
 * asserted, so a resolved call fails the test instead of skipping the checks.
 */
import { expect } from 'vitest';
import { KmsError, type KmsErrorName } from '../errors.ts';

interface SdkLikeError {
  name: string;
  message: string;
  $metadata?: { httpStatusCode?: number };
}

function checkMessage(actual: string | undefined, message: string | RegExp | undefined): void {
  if (message === undefined) return;
  if (typeof message === 'string') expect(actual).toBe(message);
  else expect(actual).toMatch(message);
}

/**
 * Awaits an SDK call and asserts it was rejected with the KMS error `name` (HTTP 400 unless the
 * error is a server fault) and, when given, the exact message or a message matching the pattern.
 */
export async function expectKmsError(call: Promise<unknown>, name: KmsErrorName, message?: string | RegExp): Promise<SdkLikeError> {
  const outcome = await call.then(
    (value) => ({ ok: true as const, value }),
    (error: unknown) => ({ ok: false as const, error }),
  );
  expect(outcome.ok, `expected ${name}, but the call succeeded`).toBe(false);
  const error = (outcome as { error: SdkLikeError }).error;
  expect(error.name).toBe(name);
  expect(error.$metadata?.httpStatusCode).toBe(name === 'KMSInternalException' ? 500 : 400);
  checkMessage(error.message, message);
  return error;
}

/** The synchronous counterpart for reference functions that throw KmsError directly. */
export function expectThrownKmsError(fn: () => unknown, name: KmsErrorName, message?: string | RegExp): KmsError {
  let thrown: unknown;
  let returned = false;
  try {
    fn();
    returned = true;
  } catch (err) {
    thrown = err;
  }
  expect(returned, `expected ${name}, but the function returned`).toBe(false);
  expect(thrown).toBeInstanceOf(KmsError);
  const error = thrown as KmsError;
  expect(error.name).toBe(name);
  checkMessage(error.wireMessage, message);
  return error;
}
