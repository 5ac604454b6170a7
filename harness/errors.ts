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

/**
 * The target cannot run on this machine for a reason that is not the user's mistake (no container
 * runtime, say): the run is skipped with one line and exit code 0, so CI without Docker stays green.
 */
export class RunSkipped extends Error {
  override readonly name = 'RunSkipped';
  readonly exitCode = 0 as const;
}
