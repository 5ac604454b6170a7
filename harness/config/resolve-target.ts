/**
 * @module harness/config/resolve-target
 * Builds the TargetConfig from CLI flags, a config file, the environment and defaults, in that order.
 *
 * With no credentials configured anywhere (no flags, no file principals, no AWS_ACCESS_KEY_ID, no
 * AWS_PROFILE), the documented default credentials of the reference endpoint are used, so
 * `kms-conformance serve` in one terminal and `kms-conformance run --endpoint …` in another need no setup.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { PRIMARY_ACCOUNT, SECONDARY_ACCOUNT } from '#reference/accounts.ts';
import { RunAbort } from '../errors.ts';
import { regionOfProfile } from './profile-region.ts';
import { BUILTIN_TARGETS as STARTED_TARGETS, builtinTarget } from '../targets/builtin.ts';
import { validateTarget, type PrincipalConfig, type TargetConfig } from './target-config.ts';

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
  rateLimits?: TargetConfig['rateLimits'];
  maxKeys?: number;
}

/** Target names that need no config file. */
export const BUILTIN_TARGETS = ['embedded', 'endpoint', 'aws'] as const;

/** The config file read by default when present in the working directory. */
export const DEFAULT_CONFIG_FILE = 'kms-conformance.config.json';
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

interface FileTargets {
  path: string;
  targets: Record<string, Record<string, unknown>>;
  defaultTarget?: string;
}

function readConfigFile(flags: TargetFlags, cwd: string): FileTargets | undefined {
  const path = flags.config ? resolve(cwd, flags.config) : resolve(cwd, DEFAULT_CONFIG_FILE);
  if (!existsSync(path)) {
    if (flags.config) throw new RunAbort('config', `config file not found: ${path}`);
    return undefined;
  }
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (e) {
    throw new RunAbort('config', `${path}: not valid JSON (${(e as Error).message.split('\n')[0]})`);
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw new RunAbort('config', `${path}: must be a JSON object`);
  const obj = raw as Record<string, unknown>;
  const targets = obj.targets;
  if (targets !== undefined && (typeof targets !== 'object' || targets === null || Array.isArray(targets))) {
    throw new RunAbort('config', `${path}: "targets" must be an object of named targets`);
  }
  return {
    path,
    targets: (targets ?? {}) as Record<string, Record<string, unknown>>,
    ...(typeof obj.defaultTarget === 'string' && { defaultTarget: obj.defaultTarget }),
  };
}

function envPrincipals(env: NodeJS.ProcessEnv): Partial<TargetConfig['principals']> | undefined {
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
  const out: Partial<TargetConfig['principals']> = { primary };
  if (env.KMS_CONFORMANCE_SECONDARY_ACCESS_KEY_ID || env.KMS_CONFORMANCE_SECONDARY_PROFILE) {
    out.secondary = env.KMS_CONFORMANCE_SECONDARY_ACCESS_KEY_ID
      ? {
          accessKeyId: env.KMS_CONFORMANCE_SECONDARY_ACCESS_KEY_ID,
          ...(env.KMS_CONFORMANCE_SECONDARY_SECRET_ACCESS_KEY && { secretAccessKey: env.KMS_CONFORMANCE_SECONDARY_SECRET_ACCESS_KEY }),
          ...(env.KMS_CONFORMANCE_SECONDARY_SESSION_TOKEN && { sessionToken: env.KMS_CONFORMANCE_SECONDARY_SESSION_TOKEN }),
        }
      : { profile: env.KMS_CONFORMANCE_SECONDARY_PROFILE! };
  }
  return out;
}

/**
 * Resolves the target. Throws RunAbort (exit 2) with one line when something is wrong.
 * @example resolveTarget({ endpoint: 'http://127.0.0.1:4566' }, process.env)
 */
export function resolveTarget(flags: TargetFlags, env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): TargetConfig {
  const file = readConfigFile(flags, cwd);
  const envEndpoint = env.AWS_ENDPOINT_URL_KMS || env.AWS_ENDPOINT_URL || undefined;

  let name = flags.target ?? file?.defaultTarget ?? (flags.endpoint || envEndpoint ? 'endpoint' : 'embedded');
  let fromFile: Record<string, unknown> | undefined;
  fromFile = file?.targets[name];
  if (!(BUILTIN_TARGETS as readonly string[]).includes(name)) {
    // A config file's own definition wins over a started target of the same name.
    fromFile ??= builtinTarget(name, env);
    if (!fromFile) {
      const known = [...BUILTIN_TARGETS, ...STARTED_TARGETS, 'container:<image>', ...Object.keys(file?.targets ?? {})].join(', ');
      throw new RunAbort('usage', `unknown target '${name}' (known: ${known})`);
    }
  }
  if (flags.endpoint && name === 'embedded') {
    throw new RunAbort('usage', '--endpoint cannot be used with --target embedded; use --target endpoint or drop --target');
  }
  const origin = file?.targets[name] ? `${file.path} (target ${name})` : name.startsWith('container:') ? `target ${name}` : 'target';
  const kind = (fromFile?.kind as string | undefined) ?? (name === 'embedded' || name === 'aws' ? name : 'endpoint');
  if (flags.endpoint && kind === 'aws') {
    throw new RunAbort('usage', "--endpoint cannot be used with an aws target (it uses AWS's endpoint; AWS_ENDPOINT_URL_KMS overrides it); use --target endpoint");
  }
  if (flags.endpoint && (kind === 'process' || kind === 'container')) {
    throw new RunAbort('usage', `--endpoint cannot be used with target '${name}': the harness starts it and knows its endpoint`);
  }
  if (name === 'endpoint') name = fromFile?.name as string | undefined ?? 'endpoint';

  const fileEndpoint = fromFile?.endpoint as string | undefined;
  const filePrincipals = fromFile?.principals as TargetConfig['principals'] | undefined;
  // Real AWS never falls back to the reference's test credentials: the SDK's chain decides.
  const fallback = kind === 'aws' ? { primary: {} } : kind === 'container' ? { primary: GENERIC_EMULATOR_PRINCIPAL } : referencePrincipals();
  const principals = withProfileFlags(
    kind === 'embedded' ? referencePrincipals() : filePrincipals ?? mergeEnv(envPrincipals(env)) ?? fallback,
    flags,
  );
  const profileRegion = kind === 'aws' ? regionOfProfile(principals.primary.profile ?? env.AWS_PROFILE, env) : undefined;

  return validateTarget(
    {
      ...fromFile,
      ...((fromFile?.rateLimits !== undefined || flags.rateLimits) && { rateLimits: { ...(fromFile?.rateLimits as object | undefined), ...flags.rateLimits } }),
      ...((flags.maxKeys ?? fromFile?.maxKeys) !== undefined && { maxKeys: flags.maxKeys ?? fromFile?.maxKeys }),
      name: (fromFile?.name as string | undefined) ?? name,
      kind,
      ...(kind === 'endpoint' && { endpoint: flags.endpoint ?? fileEndpoint ?? envEndpoint }),
      ...(kind === 'aws' && fileEndpoint && { endpoint: fileEndpoint }), // refused by validateTarget, with the reason
      region: flags.region ?? (fromFile?.region as string | undefined) ?? env.AWS_REGION ?? env.AWS_DEFAULT_REGION ?? profileRegion ?? DEFAULT_REGION,
      principals,
      ...(fromFile?.baseline !== undefined && {
        baseline: typeof fromFile.baseline === 'string' && fromFile.baseline ? resolve(dirname(file!.path), fromFile.baseline) : fromFile.baseline,
      }),
    },
    origin,
  );
}

function withProfileFlags(p: TargetConfig['principals'], flags: TargetFlags): TargetConfig['principals'] {
  if (!flags.profile && !flags.secondaryProfile) return p;
  return {
    primary: flags.profile ? { profile: flags.profile } : p.primary,
    ...((flags.secondaryProfile || p.secondary) && { secondary: flags.secondaryProfile ? { profile: flags.secondaryProfile } : p.secondary! }),
  };
}

/** Credentials for an image the suite knows nothing about: emulators accept any; the account is learnt from key ARNs. */
const GENERIC_EMULATOR_PRINCIPAL: PrincipalConfig = { accessKeyId: 'AKIAKMSCTCONTAINER01', secretAccessKey: 'kms-conformance-container-not-a-secret' };

function mergeEnv(p: Partial<TargetConfig['principals']> | undefined): TargetConfig['principals'] | undefined {
  if (!p?.primary) return undefined;
  return p.secondary ? { primary: p.primary, secondary: p.secondary } : { primary: p.primary };
}
