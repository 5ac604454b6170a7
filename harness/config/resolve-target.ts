/**
 * @module harness/config/resolve-target
 * Builds the target from CLI flags, a config file, the environment and defaults, in that order,
 * validates it, and applies its kind's defaults (kinds.ts): the result is complete, so nothing
 * downstream needs to know the kind.
 *
 * With no credentials configured anywhere (no flags, no file principals, no AWS_ACCESS_KEY_ID, no
 * AWS_PROFILE), the documented default credentials of the reference endpoint are used, so
 * `kms-conformance serve` in one terminal and `kms-conformance run --endpoint …` in another need no setup.
 */
import { dirname, resolve } from 'node:path';
import { PRIMARY_ACCOUNT, SECONDARY_ACCOUNT } from '#reference/accounts.ts';
import { RunAbort } from '../errors.ts';
import { BUILTIN_TARGETS as STARTED_TARGETS, builtinTarget } from './builtin-targets.ts';
import { readConfigFile, type ConfigFile, type FileTarget } from './config-file.ts';
import { KINDS, type KindTraits, type RateLimits, type TargetKind } from './kinds.ts';
import { regionOfProfile } from './profile-region.ts';
import { DEFAULT_WORKERS, validateTarget, type PrincipalConfig, type TargetConfig, type TargetInput } from './target-config.ts';

export { DEFAULT_CONFIG_FILE } from './config-file.ts';

export interface TargetFlags {
  target?: string;
  endpoint?: string;
  region?: string;
  config?: string;
  /** Shared-config profile of the primary principal (overrides the file and the environment). */
  profile?: string;
  /** Shared-config profile of the secondary principal. */
  secondaryProfile?: string;
  /** Request rates by class (`--rate write=2,read=10`); merged over the config file's. */
  rateLimits?: Partial<RateLimits>;
  maxKeys?: number;
  /** Spec files side by side (`--workers`); over the config file's. */
  workers?: number;
  /** The target's name in reports and for its baseline (`baselines/<name>.json`); default the target's own. */
  name?: string;
}

/** Target names that need no config file and start nothing. */
export const BUILTIN_TARGETS = ['embedded', 'endpoint', 'aws'] as const;

export const DEFAULT_REGION = 'us-east-1';

/** The reference endpoint's documented default principals. */
export function referencePrincipals(): TargetConfig['principals'] {
  const cred = (a: typeof PRIMARY_ACCOUNT): PrincipalConfig => ({
    accessKeyId: a.credentials[0]!.accessKeyId,
    secretAccessKey: a.credentials[0]!.secretAccessKey,
    accountId: a.accountId,
  });
  return { primary: cred(PRIMARY_ACCOUNT), secondary: cred(SECONDARY_ACCOUNT) };
}

/** Credentials for an image the suite knows nothing about: emulators accept any; the account is learnt from key ARNs. */
const GENERIC_EMULATOR_PRINCIPAL: PrincipalConfig = { accessKeyId: 'AKIAKMSCTCONTAINER01', secretAccessKey: 'kms-conformance-container-not-a-secret' };

const FALLBACK_PRINCIPALS: Record<(typeof KINDS)[TargetKind]['fallbackPrincipals'], () => TargetConfig['principals']> = {
  reference: referencePrincipals,
  emulator: () => ({ primary: GENERIC_EMULATOR_PRINCIPAL }),
  // Real AWS never falls back to the reference's test credentials: the SDK's chain decides.
  'sdk-chain': () => ({ primary: {} }),
};

function envPrincipals(env: NodeJS.ProcessEnv): TargetConfig['principals'] | undefined {
  const primary: PrincipalConfig = {};
  if (env.AWS_ACCESS_KEY_ID || env.AWS_SECRET_ACCESS_KEY) {
    if (env.AWS_ACCESS_KEY_ID) primary.accessKeyId = env.AWS_ACCESS_KEY_ID;
    if (env.AWS_SECRET_ACCESS_KEY) primary.secretAccessKey = env.AWS_SECRET_ACCESS_KEY;
    if (env.AWS_SESSION_TOKEN) primary.sessionToken = env.AWS_SESSION_TOKEN;
  } else if (env.AWS_PROFILE) {
    primary.profile = env.AWS_PROFILE;
  } else {
    const orphan = Object.keys(env).find((k) => k.startsWith('KMS_CONFORMANCE_SECONDARY_'));
    if (orphan) throw new RunAbort('config', `${orphan} is set, but no primary credentials are (set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or AWS_PROFILE)`);
    return undefined;
  }
  if (!env.KMS_CONFORMANCE_SECONDARY_ACCESS_KEY_ID && !env.KMS_CONFORMANCE_SECONDARY_PROFILE) return { primary };
  const secondary: PrincipalConfig = env.KMS_CONFORMANCE_SECONDARY_ACCESS_KEY_ID
    ? {
        accessKeyId: env.KMS_CONFORMANCE_SECONDARY_ACCESS_KEY_ID,
        ...(env.KMS_CONFORMANCE_SECONDARY_SECRET_ACCESS_KEY && { secretAccessKey: env.KMS_CONFORMANCE_SECONDARY_SECRET_ACCESS_KEY }),
        ...(env.KMS_CONFORMANCE_SECONDARY_SESSION_TOKEN && { sessionToken: env.KMS_CONFORMANCE_SECONDARY_SESSION_TOKEN }),
      }
    : { profile: env.KMS_CONFORMANCE_SECONDARY_PROFILE! };
  return { primary, secondary };
}

function withProfileFlags(p: TargetConfig['principals'], flags: TargetFlags): TargetConfig['principals'] {
  if (!flags.profile && !flags.secondaryProfile) return p;
  return {
    primary: flags.profile ? { profile: flags.profile } : p.primary,
    ...((flags.secondaryProfile || p.secondary) && { secondary: flags.secondaryProfile ? { profile: flags.secondaryProfile } : p.secondary! }),
  };
}

/** The target's definition: the config file's, else a built-in's (`moto`, `container:<image>`, …); undefined for the plain kinds. */
function definitionOf(name: string, file: ConfigFile | undefined, env: NodeJS.ProcessEnv): FileTarget | undefined {
  // A config file's own definition wins over a started target of the same name.
  const defined = file?.targets[name] ?? builtinTarget(name, env);
  if (defined || (BUILTIN_TARGETS as readonly string[]).includes(name)) return defined as FileTarget | undefined;
  const known = [...BUILTIN_TARGETS, ...STARTED_TARGETS, 'container:<image>', ...Object.keys(file?.targets ?? {})].join(', ');
  throw new RunAbort('usage', `unknown target '${name}' (known: ${known})`);
}

/** Refuses --endpoint where the kind has its endpoint from elsewhere, saying what to do instead. */
function checkEndpointFlag(name: string, kind: TargetKind, endpoint: string | undefined): void {
  if (!endpoint || KINDS[kind].endpoint === 'given') return;
  if (kind === 'embedded') throw new RunAbort('usage', '--endpoint cannot be used with --target embedded; use --target endpoint or drop --target');
  if (KINDS[kind].endpoint === 'aws') {
    throw new RunAbort('usage', "--endpoint cannot be used with an aws target (it uses AWS's endpoint; AWS_ENDPOINT_URL_KMS overrides it); use --target endpoint");
  }
  throw new RunAbort('usage', `--endpoint cannot be used with target '${name}': the harness starts it and knows its endpoint`);
}

/** AWS's regional KMS endpoint, unless the SDK's own endpoint variables override it. */
export function awsEndpoint(region: string, env: NodeJS.ProcessEnv = process.env): string {
  const override = env.AWS_ENDPOINT_URL_KMS || env.AWS_ENDPOINT_URL;
  if (override) return override;
  return `https://kms.${region}.amazonaws.com${region.startsWith('cn-') ? '.cn' : ''}`;
}

/**
 * Resolves the target. Throws RunAbort (exit 2) with one line when something is wrong.
 * @example resolveTarget({ endpoint: 'http://127.0.0.1:4566' }, process.env)
 */
export function resolveTarget(flags: TargetFlags, env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): TargetConfig {
  const file = readConfigFile(flags.config, cwd);
  const envEndpoint = env.AWS_ENDPOINT_URL_KMS || env.AWS_ENDPOINT_URL || undefined;
  const requested = flags.target ?? file?.defaultTarget ?? (flags.endpoint || envEndpoint ? 'endpoint' : 'embedded');
  const defined = definitionOf(requested, file, env);
  const kind: TargetKind = defined?.kind ?? (requested === 'embedded' || requested === 'aws' ? requested : 'endpoint');
  const traits: KindTraits = KINDS[kind];
  checkEndpointFlag(requested, kind, flags.endpoint);

  const principals = withProfileFlags(
    (traits.environmentPrincipals ? (defined?.principals ?? envPrincipals(env)) : undefined) ?? FALLBACK_PRINCIPALS[traits.fallbackPrincipals](),
    flags,
  );
  const region =
    flags.region ?? defined?.region ?? env.AWS_REGION ?? env.AWS_DEFAULT_REGION ??
    (traits.regionFromProfile ? regionOfProfile(principals.primary.profile ?? env.AWS_PROFILE, env) : undefined) ?? DEFAULT_REGION;
  const origin = file?.targets[requested] ? `${file.path} (target ${requested})` : requested.startsWith('container:') ? `target ${requested}` : 'target';
  const rateLimits = defined?.rateLimits !== undefined || flags.rateLimits ? { ...defined?.rateLimits, ...flags.rateLimits } : undefined;
  const maxKeys = flags.maxKeys ?? defined?.maxKeys;
  const workers = flags.workers ?? defined?.workers;
  const input: TargetInput = validateTarget(
    {
      ...defined,
      ...(rateLimits && { rateLimits }),
      ...(maxKeys !== undefined && { maxKeys }),
      ...(workers !== undefined && { workers }),
      name: flags.name ?? defined?.name ?? requested,
      kind,
      ...(traits.endpoint === 'given' && { endpoint: flags.endpoint ?? defined?.endpoint ?? envEndpoint }),
      region,
      principals,
      ...(defined?.baseline !== undefined && file?.targets[requested] && { baseline: resolve(dirname(file.path), defined.baseline) }),
    },
    origin,
  );
  const resolved = withKindDefaults(input, env);
  return file?.targets[requested] ? { ...resolved, configFile: file.path } : resolved;
}

/** `base` with the classes `over` sets. */
function mergeRates(base: RateLimits, over: Partial<RateLimits> | undefined): RateLimits {
  const out = { ...base };
  for (const [k, v] of Object.entries(over ?? {}) as [keyof RateLimits, number | undefined][]) if (v !== undefined) out[k] = v;
  return out;
}

/** The target with what its kind implies filled in (kinds.ts); explicit settings win. */
export function withKindDefaults(t: TargetInput, env: NodeJS.ProcessEnv = process.env): TargetConfig {
  const traits: KindTraits = KINDS[t.kind];
  const rates = traits.rateLimits ?? (t.rateLimits ? { read: Infinity, write: Infinity, crypto: Infinity, importParameters: Infinity } : undefined);
  const maxKeys = t.maxKeys ?? traits.maxKeys;
  const { rateLimits, ...rest } = t;
  return {
    ...rest,
    ...(traits.endpoint === 'aws' && { endpoint: awsEndpoint(t.region, env) }),
    ...(rates && { rateLimits: mergeRates(rates, rateLimits) }),
    ...(maxKeys !== undefined && { maxKeys }),
    maxAttempts: traits.maxAttempts,
    eventualConsistency: t.eventualConsistency ?? traits.eventualConsistency,
    workers: traits.fileParallelism ? (t.workers ?? DEFAULT_WORKERS) : 1,
  };
}
