/**
 * @module harness/spec/requirement-test
 * `requirement(def, body)` declares one conformance check: a vitest test named `<id> — <statement>`,
 * carrying the requirement as metadata, with clients for the target, evidence capture, and teardown
 * of everything it created. This is the only way specs declare tests.
 */
import type { KMSClient } from '@aws-sdk/client-kms';
import { test } from 'vitest';
import type { PrincipalName, TargetConfig } from '../config/target-config.ts';
import type { RawKmsClient } from '../clients/raw-client.ts';
import { EvidenceRecorder, setCurrentRecorder, type Exchange } from '../evidence/recorder.ts';
import { teardown } from '../resources/teardown.ts';
import { attachEvidence, labelRequirement } from './allure-labels.ts';
import { Blocked } from './blocked.ts';
import { workerState } from './context.ts';
import { ExpectationFailure } from './expect-kms-error.ts';
import { inKmsTerms, printable } from './failure-words.ts';
import { OPERATION_NAMES } from '../../reference/api/kms-api.generated.ts';
import type { Observation } from '../results/index.ts';
import { checkRequirement, type Requirement } from './requirement.ts';

/** An answer recorded by an `observe` check (or alongside any check). */
export type { Observation };

declare module '@vitest/runner' {
  interface TaskMeta {
    requirement?: Requirement;
    exchanges?: Exchange[];
    observations?: Observation[];
    /** Set when the target does not have the operation under test. */
    notImplemented?: string;
    /** Set when the check ended as not applicable to the target, with the reason. */
    notApplicable?: string;
    /** Set when a set-up step failed for a reason this requirement checks (harness/spec/blocked.ts). */
    blockedBy?: string;
    /** Expected vs actual of a failed expectation, for the report's diff. */
    expectation?: { expected: unknown; actual: unknown };
    cleanupProblems?: string[];
  }
}

/** What a requirement's body gets. */
export interface SpecContext {
  readonly target: TargetConfig;
  readonly runId: string;
  readonly seed: number;
  /** SDK client of the primary principal. */
  readonly primary: KMSClient;
  /** SDK client of the secondary principal; undefined when the target has none. */
  readonly secondary: KMSClient | undefined;
  /** SDK client of a principal in another Region of the target (multi-Region replicas). */
  inRegion(region: string, principal?: PrincipalName): KMSClient;
  /** Raw signed-HTTP client of a principal. */
  raw(principal?: PrincipalName): RawKmsClient;
  /** A well-formed key id that names no key. */
  syntheticKeyId(): string;
  /** A well-formed custom key store id that names no store (the harness lets store operations name only these). */
  syntheticStoreId(): string;
  /** An alias name owned by this run. */
  aliasName(label: string): string;
  /** Records what the target answered, for `observe` checks and the report. */
  observe(label: string, value: unknown): void;
  /** Ends the check as not applicable to this target (a capability it does not have), saying why. */
  notApplicable(reason: string): never;
}

const MODEL_OPERATIONS: ReadonlySet<string> = new Set(OPERATION_NAMES);

/** Answers that mean "this target does not have the operation" rather than "it got it wrong". */
const NOT_IMPLEMENTED_CODES = new Set(['UnknownOperationException', 'InvalidAction', 'NotImplemented', 'NotImplementedException']);

/**
 * True when the failure comes from the target not having an operation: an UnknownOperation-style
 * error code, HTTP 501, or a last answer that was not JSON at all (an HTML error page, say).
 */
function notImplementedIn(error: unknown, last: Exchange | undefined): boolean {
  // An operation AWS's model does not have (one a protocol check made up, or no X-Amz-Target at all)
  // is not missing from the target: how the target refuses it is the answer being judged.
  if (last && !MODEL_OPERATIONS.has(last.operation)) return false;
  const e = error as { name?: string; $metadata?: { httpStatusCode?: number }; actual?: { code?: string; status?: number } };
  const code = e.actual?.code ?? e.name;
  const status = e.actual?.status ?? e.$metadata?.httpStatusCode;
  if ((code !== undefined && NOT_IMPLEMENTED_CODES.has(code)) || status === 501) return true;
  const r = last?.response;
  return r !== undefined && r.status >= 400 && typeof r.body === 'string' && /^\s*</.test(r.body);
}

/**
 * Declares one requirement check.
 * @example
 * requirement({ id: 'KEY-01', statement: '…', operation: 'CreateKey', source: { url: '…' }, evidence: 'recorded', strength: 'must' },
 *   async (kms) => { … });
 */
export function requirement(def: Requirement, body: (kms: SpecContext) => Promise<void>, options: { timeout?: number } = {}): void {
  checkRequirement(def);
  test(`${def.id} — ${def.statement}`, { meta: { requirement: def }, ...(options.timeout && { timeout: options.timeout }) }, async ({ task, skip }) => {
    const w = workerState();
    const recorder = new EvidenceRecorder(w.secrets);
    const observations: Observation[] = [];
    setCurrentRecorder(recorder);
    await labelRequirement(def, w.target);
    w.registry.openScope();
    const kms: SpecContext = {
      target: w.target,
      runId: w.runId,
      seed: w.seed,
      primary: w.client('primary'),
      secondary: w.target.principals.secondary ? w.client('secondary') : undefined,
      inRegion: (region, principal = 'primary') => w.client(principal, region),
      raw: (principal = 'primary') => w.raw(principal),
      syntheticKeyId: () => w.registry.syntheticKeyId(),
      syntheticStoreId: () => w.registry.syntheticStoreId(),
      aliasName: (label) => w.registry.aliasName(label),
      observe: (label, value) => observations.push({ label, value: JSON.parse(w.secrets.scrub(JSON.stringify(value ?? null))) }),
      notApplicable: (reason) => {
        // Marked in the metadata: a skip without it is a check that never ran (filtered out, or a cancelled run).
        task.meta.notApplicable = reason;
        return skip(reason);
      },
    };
    try {
      await body(kms);
    } catch (e) {
      // The operation the target lacks is the one of the last exchange (a set-up step's, often), not
      // necessarily the requirement's own.
      const last = recorder.all().at(-1);
      if (e instanceof Blocked) {
        // A set-up step met what another requirement checks: that one's finding, not a second one.
        task.meta.blockedBy = e.owner;
        throw e;
      }
      if (notImplementedIn(e, last)) task.meta.notImplemented = last?.operation ?? def.operation;
      // The report's failure line in KMS terms: which field, expected and answered; an HTML page as such.
      const words = inKmsTerms(e, last);
      if (e instanceof Error) e.message = printable(words ?? e.message);
      if (e instanceof ExpectationFailure) task.meta.expectation = { expected: e.expected, actual: e.actual };
      throw e;
    } finally {
      setCurrentRecorder(undefined);
      task.meta.exchanges = [...recorder.all()];
      if (observations.length) task.meta.observations = observations;
      await attachEvidence(task.meta.exchanges, observations);
      const problems = await teardown(w.registry, (p, region) => w.client(p as PrincipalName, region), w.registry.closeScope());
      if (problems.length) task.meta.cleanupProblems = problems;
    }
  });
}
