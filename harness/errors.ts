/**
 * @module harness/errors
 * Errors that end a run before any spec runs. Each carries one line for the user and exits 2.
 */

/** A usage, configuration, reachability, credential or safety problem: one line, exit code 2. */
export class RunAbort extends Error {
  override readonly name = 'RunAbort';
  readonly exitCode = 2 as const;
  constructor(
    readonly kind: 'usage' | 'config' | 'unreachable' | 'credentials' | 'safety',
    message: string,
  ) {
    super(message);
  }
}
