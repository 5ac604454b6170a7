/**
 * @module harness/run/session-slot
 * How the CLI hands its session to the conformance project's global setup, in the same process:
 * a slot on globalThis. Kept apart and tiny, because vitest loads the global setup (and everything
 * it imports) through its module runner before the first spec starts.
 */
import type { TestProject } from 'vitest/node';
import type { TargetConfig } from '../config/target-config.ts';

export interface SessionContext {
  target: TargetConfig;
  runId: string;
  ledgerPath: string;
  seed: number;
}

const SESSION_SLOT = Symbol.for('kms-conformance.session');

export function handedSession(): SessionContext | undefined {
  return (globalThis as Record<symbol, SessionContext | undefined>)[SESSION_SLOT];
}

export function handSession(s: SessionContext | undefined): void {
  (globalThis as Record<symbol, SessionContext | undefined>)[SESSION_SLOT] = s;
}

/** Gives the spec workers of `project` the session (see harness/spec/context.ts). */
export function provide(project: TestProject, s: SessionContext): void {
  project.provide('kmsTarget', s.target);
  project.provide('kmsRunId', s.runId);
  project.provide('kmsLedgerPath', s.ledgerPath);
  project.provide('kmsSeed', s.seed);
}
