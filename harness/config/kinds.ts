/**
 * @module harness/config/kinds
 * Target kinds as data: what each kind of target is and the defaults it runs with. resolveTarget
 * applies them once, so nothing downstream asks which kind a target is: it reads the resolved
 * settings (attempts, rates, key limit, waiting for consistency, parallelism).
 */

export type RequestClass = 'read' | 'write' | 'crypto' | 'importParameters';
export type RateLimits = Record<RequestClass, number>;

/**
 * Defaults for real AWS: well below the documented default quotas (writes 5/s, reads hundreds/s,
 * cryptographic operations thousands/s, GetParametersForImport under 1/s for the large wrapping
 * keys), because other users of the account share them
 * (https://docs.aws.amazon.com/kms/latest/developerguide/requests-per-second.html).
 */
export const AWS_DEFAULT_RATES: RateLimits = { read: 10, write: 2, crypto: 20, importParameters: 0.5 };

/** The flag that allows a run against real AWS. Long on purpose: nobody types it by accident. */
export const CONFIRM_FLAG = '--yes-create-real-aws-keys';

export interface KindTraits {
  /** Where the endpoint comes from: the harness starts the target, the user gives it, or AWS's regional endpoint. */
  readonly endpoint: 'started' | 'given' | 'aws';
  /** Whose credentials sign when the config names none: the reference's documented ones, a fixed emulator pair, or the SDK's chain. */
  readonly fallbackPrincipals: 'reference' | 'emulator' | 'sdk-chain';
  /** Principals from the environment count (the embedded target always uses the reference's own). */
  readonly environmentPrincipals: boolean;
  /** A real service: it needs this confirmation flag, prints its plan first, and its answers may be recorded as ground truth. */
  readonly realService?: { readonly confirmFlag: string };
  /** The region may come from the primary principal's shared-config profile. */
  readonly regionFromProfile: boolean;
  /** Keys it holds outlive a run (everything but the embedded reference, which starts empty every time). */
  readonly keysOutliveRun: boolean;
  /** The harness says so before starting it (it may take a while). */
  readonly announceStart: boolean;
  /** Most keys a run may create; CreateKey beyond it is refused. */
  readonly maxKeys?: number;
  /** Client-side request rates; absent: unlimited. */
  readonly rateLimits?: RateLimits;
  /** Attempts per call; only throttling is retried. One keeps the evidence at one request per call. */
  readonly maxAttempts: number;
  /** Reads may lag behind writes for a while; specs wait with a bounded retry. */
  readonly eventualConsistency: boolean;
  /** Spec files may run in parallel workers (one at a time keeps one rate limiter and an exact key count). */
  readonly fileParallelism: boolean;
}

const LOCAL = { maxAttempts: 1, eventualConsistency: false, fileParallelism: true, regionFromProfile: false } as const;

export const KINDS = {
  /** The reference endpoint, in-process. */
  embedded: { ...LOCAL, endpoint: 'started', fallbackPrincipals: 'reference', environmentPrincipals: false, announceStart: false, keysOutliveRun: false },
  /** Any running endpoint (`--endpoint URL`). */
  endpoint: { ...LOCAL, endpoint: 'given', fallbackPrincipals: 'reference', environmentPrincipals: true, announceStart: false, keysOutliveRun: true },
  /** A program the harness starts (moto, local-kms, one of the config file). */
  process: { ...LOCAL, endpoint: 'started', fallbackPrincipals: 'reference', environmentPrincipals: true, announceStart: true, keysOutliveRun: true },
  /** An image the harness runs with a container runtime. */
  container: { ...LOCAL, endpoint: 'started', fallbackPrincipals: 'emulator', environmentPrincipals: true, announceStart: true, keysOutliveRun: true },
  /** AWS KMS itself. */
  aws: {
    endpoint: 'aws',
    fallbackPrincipals: 'sdk-chain',
    environmentPrincipals: true,
    realService: { confirmFlag: CONFIRM_FLAG },
    regionFromProfile: true,
    announceStart: false,
    keysOutliveRun: true,
    maxKeys: 250,
    rateLimits: AWS_DEFAULT_RATES,
    maxAttempts: 4,
    eventualConsistency: true,
    fileParallelism: false,
  },
} as const satisfies Record<string, KindTraits>;

export type TargetKind = keyof typeof KINDS;
export const TARGET_KINDS = Object.keys(KINDS) as [TargetKind, ...TargetKind[]];

export function traitsOf(kind: TargetKind): KindTraits {
  return KINDS[kind];
}
