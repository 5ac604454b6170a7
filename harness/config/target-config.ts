/**
 * @module harness/config/target-config
 * The one typed target configuration. It is assembled from, in order of precedence: CLI flags, a
 * config file, the environment (the AWS SDK's own variables), and defaults; then validated once.
 * A problem is reported as one line naming the setting and the fix (exit code 2).
 */
import { z } from 'zod';
import { RunAbort } from '../errors.ts';
import { formatIssue } from './issues.ts';
import { KINDS, TARGET_KINDS, type RateLimits } from './kinds.ts';
import { ContainerLaunchSchema, ProcessLaunchSchema } from './launch-config.ts';

/**
 * Workers a run uses unless the target says otherwise. Checks mostly wait (on the target, on the
 * wrapping-key pool's threads, on replicas leaving Creating), so a 2-core machine runs four
 * fastest (bench/cli-times.ts).
 */
export const DEFAULT_WORKERS = 4;
export const MAX_WORKERS = 32;

export const PrincipalSchema = z.object({
  /** Static credentials; when absent, `profile` or the SDK's default chain is used. */
  accessKeyId: z.string().min(1).optional(),
  secretAccessKey: z.string().min(1).optional(),
  sessionToken: z.string().min(1).optional(),
  profile: z.string().min(1).optional(),
  /** The principal's account id, when known; learnt from key ARNs otherwise. */
  accountId: z.string().regex(/^\d{12}$/, 'an account id is 12 digits').optional(),
  /** Extra headers on every request of this principal (moto picks the account from `x-moto-account-id`). */
  headers: z.record(z.string().regex(/^[a-z0-9-]+$/i, 'a header name'), z.string()).optional(),
}).strict().refine((p) => (p.accessKeyId === undefined) === (p.secretAccessKey === undefined), {
  message: 'accessKeyId and secretAccessKey go together',
});

export const TargetSchema = z.object({
  /** A name for reports (e.g. "embedded", "localstack-4.9"). */
  name: z.string().min(1),
  kind: z.enum(TARGET_KINDS),
  /** Required for `endpoint`; filled in at start for `embedded`, `process`, `container` and `aws` (see harness/aws/aws-endpoint.ts). */
  endpoint: z.url({ protocol: /^https?$/, error: 'endpoint must be an http(s) URL' }).optional(),
  region: z.string().regex(/^[a-z]{2,4}(-[a-z]+)+-\d+$/, 'region looks like us-east-1'),
  /** Other Regions of the same partition where multi-Region specs put replicas; two of its partition by default (harness/kms/multi-region.ts). */
  replicaRegions: z.array(z.string().regex(/^[a-z]{2,4}(-[a-z]+)+-\d+$/, 'region looks like us-east-1')).min(1).max(4).optional(),
  principals: z.object({ primary: PrincipalSchema, secondary: PrincipalSchema.optional() }).strict(),
  /** The target's known-deviation baseline file (harness/baseline); a relative path is relative to the config file. */
  baseline: z.string().min(1).optional(),
  /** Client-side request rates (requests per second) by request class; the aws kind has defaults. */
  rateLimits: z.object({
    read: z.number().positive().optional(),
    write: z.number().positive().optional(),
    crypto: z.number().positive().optional(),
    importParameters: z.number().positive().optional(),
  }).strict().optional(),
  /** Most keys a run may create; CreateKey beyond it is refused (aws: --max-keys, default AWS_DEFAULT_MAX_KEYS). */
  maxKeys: z.number().int().positive().optional(),
  /** The target may answer stale reads after a change (AWS does); specs wait with a bounded retry. */
  eventualConsistency: z.boolean().optional(),
  /** Spec files run side by side in at most this many workers (default DEFAULT_WORKERS); 1 runs one file at a time. */
  workers: z.number().int().min(1).max(MAX_WORKERS).optional(),
  /** For `process`: the program the harness starts (see launch-config.ts). */
  process: ProcessLaunchSchema.optional(),
  /** For `container`: the image the harness runs. */
  container: ContainerLaunchSchema.optional(),
  /** The target's version, for the report (process targets probe it when their definition says how). */
  version: z.string().min(1).optional(),
  /** What the target says about itself, shown in the report (e.g. `{ "accounts": "single" }`). */
  declared: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])).optional(),
}).strict();

export type PrincipalConfig = z.infer<typeof PrincipalSchema>;
export type PrincipalName = 'primary' | 'secondary';

/**
 * A target as the run uses it: the validated configuration with its kind's defaults applied
 * (harness/config/kinds.ts), so no consumer needs to know what kind of target it is.
 */
export type TargetConfig = Omit<z.infer<typeof TargetSchema>, 'rateLimits' | 'eventualConsistency'> & {
  /** Request rates per class; absent when the target is not rate limited. */
  rateLimits?: RateLimits;
  /** Attempts per call (only throttling is retried). */
  maxAttempts: number;
  /** Reads may lag behind writes for a while. */
  eventualConsistency: boolean;
  /** Spec files run side by side in this many workers at most (1 for real AWS: one rate limiter, an exact key count). */
  workers: number;
  /** The config file the target was defined in, when it was (a replay command must name it). */
  configFile?: string;
};

/** What a config file, a built-in definition and the flags make of a target, before its kind's defaults. */
export type TargetInput = z.infer<typeof TargetSchema>;

/** Turns the first zod issue into one line: `config: principals.primary.accessKeyId: …`. */
export function validateTarget(raw: unknown, origin: string): TargetInput {
  const parsed = TargetSchema.safeParse(raw);
  if (parsed.success) {
    const t = parsed.data;
    const endpointFrom = KINDS[t.kind].endpoint;
    if (endpointFrom === 'aws' && t.endpoint) {
      throw new RunAbort('config', `${origin}: target kind '${t.kind}' takes no endpoint (the SDK's AWS endpoint, or AWS_ENDPOINT_URL_KMS); use kind 'endpoint' for anything else`);
    }
    if (endpointFrom === 'given' && !t.endpoint) {
      throw new RunAbort('config', `${origin}: target kind '${t.kind}' needs an endpoint URL (--endpoint URL, or AWS_ENDPOINT_URL_KMS)`);
    }
    if (!KINDS[t.kind].fileParallelism && t.workers !== undefined && t.workers > 1) {
      throw new RunAbort('config', `${origin}: workers: a '${t.kind}' target runs one spec file at a time (one rate limiter, an exact key count); leave workers out or set 1`);
    }
    for (const kind of ['process', 'container'] as const) {
      if (t.kind === kind && !t[kind]) throw new RunAbort('config', `${origin}: target kind '${kind}' needs a "${kind}" object (see the README, Targets)`);
      if (t.kind !== kind && t[kind]) throw new RunAbort('config', `${origin}: "${kind}" is only for targets of kind '${kind}'`);
    }
    return t;
  }
  throw new RunAbort('config', `${origin}: ${formatIssue(parsed.error.issues[0]!, TargetSchema)}`);
}
