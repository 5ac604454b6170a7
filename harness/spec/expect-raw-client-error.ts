/**
 * @module harness/spec/expect-raw-client-error
 * expectClientError for a raw response: where AWS documents that a request is refused but not with
 * which error code, the response must be a client error (HTTP 4xx); a success fails the check.
 */
import type { RawResponse } from '../clients/raw-client.ts';
import { ExpectationFailure, type KmsErrorAnswer } from './expect-kms-error.ts';

/**
 * Returns the client error a raw request was refused with, whatever its code.
 * @example kms.observe('answer', expectRawClientError(await kms.raw().send({ operation, body, target: null })));
 */
export function expectRawClientError(res: RawResponse): KmsErrorAnswer {
  const answer: KmsErrorAnswer = { code: res.errorCode ?? '(none)', status: res.status, message: (res.json?.message ?? res.json?.Message) as string | undefined };
  if (res.status < 300) throw new ExpectationFailure(`expected a client error but the request succeeded (HTTP ${res.status})`, { status: '4xx' }, 'success');
  if (res.status < 400 || res.status > 499) throw new ExpectationFailure(`expected a client error (HTTP 4xx) but got ${answer.code} (HTTP ${res.status})`, { status: '4xx' }, answer);
  return answer;
}
