/**
 * @module harness/spec/blocked
 * A check whose set-up step fails for a reason another requirement checks is `blocked` by that
 * requirement: it says nothing about its own statement, and the report counts it with its owner's
 * failure rather than as a second, independent one. A CreateKey with Origin EXTERNAL that answers a
 * key in Enabled is KEY-01's failure; the forty checks that needed a PendingImport key are blocked
 * by KEY-01.
 */

const REQUIREMENT_ID = /^[A-Z][A-Z0-9]*-\d+$/;

/** Thrown by a set-up step; `owner` is the requirement that checks what went wrong. */
export class Blocked extends Error {
  override readonly name = 'Blocked';

  constructor(readonly owner: string, readonly what: string) {
    super(`blocked by ${owner}: ${what}`);
    if (!REQUIREMENT_ID.test(owner)) throw new Error(`blockedBy: '${owner}' is not a requirement id (like KEY-01)`);
  }
}

/** Ends the check as blocked by `owner`, saying what the set-up step met. */
export function blockedBy(owner: string, what: string): never {
  throw new Blocked(owner, what);
}

/** A set-up step's condition: unless it holds, the check is blocked by `owner` (`what` says what was met instead). */
export function precondition(holds: boolean, owner: string, what: string | (() => string)): asserts holds {
  if (!holds) blockedBy(owner, typeof what === 'function' ? what() : what);
}
