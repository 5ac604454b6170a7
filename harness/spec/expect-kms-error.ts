/**
 * @module harness/spec/expect-kms-error
 * The one way specs assert an error: it fails when the call succeeds, and when it fails some other way.
 */
import type { RawResponse } from '../clients/raw-client.ts';

/** What a KMS error answer looked like, from the SDK or the raw client. */
export interface KmsErrorAnswer {
  code: string;
  status: number | undefined;
  message: string | undefined;
}

/** Thrown by expectations: a target answer that differs from the requirement. */
export class ExpectationFailure extends Error {
  override readonly name = 'ExpectationFailure';
  constructor(
    message: string,
    readonly expected: unknown,
    readonly actual: unknown,
  ) {
    super(message);
  }
}

function fromSdk(e: unknown): KmsErrorAnswer | undefined {
  const err = e as { name?: string; message?: string; $metadata?: { httpStatusCode?: number }; $fault?: string };
  if (!err || typeof err !== 'object' || !err.$metadata) return undefined;
  return { code: err.name ?? 'Unknown', status: err.$metadata.httpStatusCode, message: err.message };
}

/**
 * Awaits `call` and returns the KMS error it produced, checking its code (and status when given).
 * @example const e = await expectKmsError(kms.primary.send(new DescribeKeyCommand({ KeyId: 'x' })), 'NotFoundException');
 */
export async function expectKmsError(call: Promise<unknown>, code: string, status?: number): Promise<KmsErrorAnswer> {
  let answer: KmsErrorAnswer;
  try {
    await call;
  } catch (e) {
    const a = fromSdk(e);
    if (!a) throw e; // a network or harness failure is not the answer being checked
    answer = a;
    if (answer.code !== code || (status !== undefined && answer.status !== status)) {
      throw new ExpectationFailure(
        `expected ${code}${status ? ` (HTTP ${status})` : ''} but got ${answer.code} (HTTP ${answer.status}): ${answer.message ?? ''}`,
        { code, ...(status && { status }) },
        { code: answer.code, status: answer.status, message: answer.message },
      );
    }
    return answer;
  }
  throw new ExpectationFailure(`expected ${code} but the call succeeded`, { code }, 'success');
}

/** The same check for a raw response. */
export function expectRawError(res: RawResponse, code: string, status?: number): KmsErrorAnswer {
  const answer = { code: res.errorCode ?? '(none)', status: res.status, message: (res.json?.message ?? res.json?.Message) as string | undefined };
  if (res.status < 300) throw new ExpectationFailure(`expected ${code} but the request succeeded (HTTP ${res.status})`, { code }, 'success');
  if (answer.code !== code || (status !== undefined && answer.status !== status)) {
    throw new ExpectationFailure(`expected ${code}${status ? ` (HTTP ${status})` : ''} but got ${answer.code} (HTTP ${answer.status})`, { code, status }, answer);
  }
  return answer;
}
