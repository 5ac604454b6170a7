/**
 * @module harness/spec/expect-client-error
 * For checks where AWS documents that a call is refused but not with which error code (ground
 * truth c.10): the call must fail with a client error (4xx), optionally one of a few codes. Like
 * expectKmsError, it fails when the call succeeds.
 */
import type { RawResponse } from '../clients/raw-client.ts';
import { ExpectationFailure, type KmsErrorAnswer } from './expect-kms-error.ts';

/**
 * Awaits `call` and returns the client error it produced.
 * @param o.codes the error codes allowed (any code when absent)
 * @param o.status the HTTP status required (any 4xx when absent)
 * @example const e = await expectClientError(send(aliasArn)); kms.observe('code', e.code);
 */
export async function expectClientError(call: Promise<unknown>, o: { codes?: readonly string[]; status?: number } = {}): Promise<KmsErrorAnswer> {
  const expected = { ...(o.codes && { code: o.codes.join(' | ') }), status: o.status ?? '4xx' };
  let error: unknown;
  try {
    await call;
  } catch (e) {
    error = e;
  }
  if (error === undefined) throw new ExpectationFailure(`expected a client error${o.codes ? ` (${o.codes.join(' or ')})` : ''} but the call succeeded`, expected, 'success');
  const e = error as { name?: string; message?: string; $metadata?: { httpStatusCode?: number } };
  if (!e || typeof e !== 'object' || !e.$metadata) throw error; // a network or harness failure is not the answer being checked
  const answer: KmsErrorAnswer = { code: e.name ?? 'Unknown', status: e.$metadata.httpStatusCode, message: e.message };
  const statusOk = o.status !== undefined ? answer.status === o.status : answer.status !== undefined && answer.status >= 400 && answer.status < 500;
  if (!statusOk || (o.codes && !o.codes.includes(answer.code))) {
    throw new ExpectationFailure(
      `expected a client error${o.codes ? ` ${o.codes.join(' or ')}` : ''} (HTTP ${o.status ?? '4xx'}) but got ${answer.code} (HTTP ${answer.status}): ${answer.message ?? ''}`,
      expected,
      answer,
    );
  }
  return answer;
}

/**
 * The same for a raw response: a client error (HTTP 4xx) whatever its code; a success fails.
 * @example kms.observe('answer', expectRawClientError(await kms.raw().send({ operation, body, target: null })));
 */
export function expectRawClientError(res: RawResponse): KmsErrorAnswer {
  const answer: KmsErrorAnswer = { code: res.errorCode ?? '(none)', status: res.status, message: (res.json?.message ?? res.json?.Message) as string | undefined };
  if (res.status < 300) throw new ExpectationFailure(`expected a client error but the request succeeded (HTTP ${res.status})`, { status: '4xx' }, 'success');
  if (res.status < 400 || res.status > 499) throw new ExpectationFailure(`expected a client error (HTTP 4xx) but got ${answer.code} (HTTP ${res.status})`, { status: '4xx' }, answer);
  return answer;
}
