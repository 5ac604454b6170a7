/**
 * @module harness/run/session-context
 * How a session reaches the spec workers: as vitest's provided context (`inject('kmsTarget')`, see
 * harness/spec/context.ts). The CLI passes it with the vitest instance it creates, so several runs
 * can share a process; plain vitest (no CLI) leaves it empty and the global setup opens a session.
 * Kept tiny: vitest loads the global setup, and what it imports, before the first spec starts.
 */
import type { TestProject } from 'vitest/node';
import type { TargetConfig } from '../config/target-config.ts';

export interface SessionContext {
  target: TargetConfig;
  runId: string;
  ledgerPath: string;
  seed: number;
}

/** The provided context of a session. */
export function sessionContext(s: SessionContext): { kmsTarget: TargetConfig; kmsRunId: string; kmsLedgerPath: string; kmsSeed: number } {
  return { kmsTarget: s.target, kmsRunId: s.runId, kmsLedgerPath: s.ledgerPath, kmsSeed: s.seed };
}

/** True when the project's vitest instance was given a session (by the CLI). */
export function hasSession(project: TestProject): boolean {
  return project.getProvidedContext().kmsTarget !== undefined;
}

/** Gives the spec workers of `project` the session. */
export function provide(project: TestProject, s: SessionContext): void {
  for (const [k, v] of Object.entries(sessionContext(s))) project.provide(k as 'kmsTarget', v as never);
}
