/**
 * @module reference/faults
 * Applies named faults to a reference: behavioural faults replace operation definitions, wire-level
 * faults wrap the request handler. Reached only through `kms-conformance serve --fault` (hidden) and
 * the project's own tests.
 */
import type { WireHandler } from '../protocol/aws-json.ts';
import type { OperationList } from '../operations/index.ts';
import { BEHAVIOUR_FAULTS } from './behaviour.ts';
import { checkFaults, type FaultName } from './catalogue.ts';
import { WIRE_FAULTS, type WireFaultEnv } from './wire.ts';

export { FAULTS, HOSTILE_MARKUP, checkFaults, type FaultName } from './catalogue.ts';

export interface Faulty {
  /** The operation list with the behavioural faults' replacements. */
  operations: OperationList;
  /** Wraps the request handler with the wire-level faults. */
  wrap(handler: WireHandler): WireHandler;
}

/** The reference's operations and handler wrapper with `names` switched on (none: both unchanged). */
export function applyFaults(names: readonly string[], operations: OperationList, env: WireFaultEnv): Faulty {
  const faults: readonly FaultName[] = [...checkFaults(names)];
  return {
    operations: faults.reduce((list, f) => BEHAVIOUR_FAULTS[f]?.(list) ?? list, operations),
    wrap: (handler) => faults.reduce((h, f) => WIRE_FAULTS[f]?.(h, env) ?? h, handler),
  };
}
