/**
 * @module harness/targets/started-target
 * What starting a target gives back, and what a lifecycle of one kind is (one file per kind in this folder).
 */
import type { TargetConfig } from '../config/target-config.ts';

export interface StartedTarget {
  /** The target with its endpoint, as the specs use it. */
  target: TargetConfig;
  /** Stops what the lifecycle started (nothing for an endpoint). Safe to call twice. */
  stop(): Promise<void>;
}

export interface StartOptions {
  log?: (msg: string) => void;
}

export type TargetLifecycle = (target: TargetConfig, opts: StartOptions) => Promise<StartedTarget>;
