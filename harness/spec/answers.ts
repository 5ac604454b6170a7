/**
 * @module harness/spec/answers
 * Small tools the crypto specs share for reading a target's answers: a call's answer as an
 * observation (success or the error it was), a response's members, and a label on a failed
 * expectation that keeps its expected and actual values for the report.
 */
import { ExpectationFailure } from './expect-kms-error.ts';

/** What an error answer was: code, HTTP status and message. */
export interface ErrorAnswer {
  code: string | undefined;
  status: number | undefined;
  message: string | undefined;
}

/** The members of an SDK response, without the SDK's own $metadata, sorted. */
export const members = (out: object): string[] => Object.keys(out).filter((k) => k !== '$metadata').sort();

/**
 * What a call answered, for `kms.observe`: the members of a success, or the error's code, status
 * and message. A failure that is not a KMS answer (the network, the harness) is rethrown.
 */
export async function answerOf(call: Promise<unknown>): Promise<{ ok: true; members: string[] } | ErrorAnswer> {
  try {
    return { ok: true, members: members((await call) as object) };
  } catch (e) {
    const err = e as { name?: string; message?: string; $metadata?: { httpStatusCode?: number } };
    if (!err?.$metadata) throw e;
    return { code: err.name, status: err.$metadata.httpStatusCode, message: err.message };
  }
}

/** True when an answer of `answerOf` is an error. */
export const isError = (a: Awaited<ReturnType<typeof answerOf>>): a is ErrorAnswer => !('ok' in a);

/** Names the case in a failed expectation, keeping its expected and actual answers for the report. */
export async function labelled<T>(label: string, check: Promise<T>): Promise<T> {
  try {
    return await check;
  } catch (e) {
    if (e instanceof ExpectationFailure) throw new ExpectationFailure(`${label}: ${e.message}`, e.expected, e.actual);
    throw e;
  }
}
