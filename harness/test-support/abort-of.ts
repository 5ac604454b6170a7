/**
 * @module harness/test-support/abort-of
 * For tests of one-line errors: runs `fn`, which must throw a RunAbort, and returns it.
 */
import { expect } from 'vitest';
import { RunAbort } from '../errors.ts';

export function abortOf(fn: () => unknown): RunAbort {
  let thrown: unknown;
  try {
    fn();
  } catch (e) {
    thrown = e;
  }
  expect(thrown, 'expected a RunAbort, but nothing was thrown').toBeInstanceOf(RunAbort);
  return thrown as RunAbort;
}
