/**
 * @module harness/targets/builtin
 * The targets the suite knows by name: third-party KMS emulators it can start for the user, as a
 * program on this machine (`moto`, `local-kms`, `localstack`) or as a container
 * (`container:localstack`, `container:local-kms`, `container:moto`, `container:<any image>`).
 *
 * Each definition is plain target-config data (kind, launch settings, principals, what it declares),
 * the same shape a config file uses, so a user can copy one into their config and change it.
 * Sources for every setting: ../shared/research/kms-emulators.md §5 and the projects' READMEs
 * (https://github.com/getmoto/moto, https://github.com/nsmithuk/local-kms,
 * https://github.com/localstack/localstack).
 */
import type { PrincipalConfig } from '../config/target-config.ts';

/** A target definition before the region and flags are applied (validated by resolveTarget). */
export type TargetDefinition = Record<string, unknown> & { kind: 'process' | 'container' };

/** moto's multi-account mode: the account is chosen per request by this header. */
export const MOTO_ACCOUNT_HEADER = 'x-moto-account-id';
export const MOTO_ACCOUNTS = { primary: '123456789012', secondary: '210987654321' } as const;
/** local-kms serves one account; this is its documented default. */
export const LOCAL_KMS_ACCOUNT = '111122223333';
/** LocalStack takes an access key id of exactly 12 digits as the account id. */
export const LOCALSTACK_ACCOUNTS = { primary: '111111111111', secondary: '222222222222' } as const;

export const INSTALL = {
  moto: 'pip install "moto[server]"',
  localKms: 'go install github.com/nsmithuk/local-kms@v0.0.0-20260228092603-2a5e92d09ab6',
  localstack: 'pip install "localstack-core[runtime]"',
} as const;

/** Pinned images. LocalStack after 4.14 will not start without an auth token (kms-emulators.md §5.3). */
export const IMAGES = {
  localstack: 'localstack/localstack:4.12',
  localKms: 'nsmithuk/local-kms:3.11.7',
  moto: 'motoserver/moto:5.2.1',
} as const;

/** Fake credentials: emulators accept any; long and distinctive so redacting them cannot hide other text. */
function fake(label: string, accountId: string, headers?: Record<string, string>): PrincipalConfig {
  return { accessKeyId: `AKIAKMSCT${label.toUpperCase().padEnd(11, '0').slice(0, 11)}`, secretAccessKey: `kms-conformance-${label}-not-a-secret`, accountId, ...(headers && { headers }) };
}

function motoPrincipals() {
  return {
    primary: fake('motoprimary', MOTO_ACCOUNTS.primary, { [MOTO_ACCOUNT_HEADER]: MOTO_ACCOUNTS.primary }),
    secondary: fake('motosecond', MOTO_ACCOUNTS.secondary, { [MOTO_ACCOUNT_HEADER]: MOTO_ACCOUNTS.secondary }),
  };
}

function localstackPrincipals() {
  const p = (account: string): PrincipalConfig => ({ accessKeyId: account, secretAccessKey: `kms-conformance-localstack-${account}`, accountId: account });
  return { primary: p(LOCALSTACK_ACCOUNTS.primary), secondary: p(LOCALSTACK_ACCOUNTS.secondary) };
}

const localKmsPrincipals = () => ({ primary: fake('localkms', LOCAL_KMS_ACCOUNT) });

const MULTI = { accounts: 'multiple' };
const SINGLE = { accounts: 'single' };

const DEFINITIONS: Record<string, () => TargetDefinition> = {
  moto: () => ({
    kind: 'process',
    process: {
      command: 'moto_server',
      args: ['-H', '{host}', '-p', '{port}'],
      install: INSTALL.moto,
      // moto_server has no --version; ask the Python that pip installed it for.
      version: { command: ['python3', '-c', 'import moto; print(moto.__version__)'] },
    },
    principals: motoPrincipals(),
    // moto_server answers requests on threads of one process, and its KMS backend iterates plain dicts
    // other requests change: a ListKeys while another spec file creates a key can fail with HTTP 500
    // (RuntimeError: dictionary changed size during iteration). One spec file at a time keeps its
    // baseline run repeatable; --workers 4 shows the race.
    workers: 1,
    declared: { ...MULTI, accountSelection: `${MOTO_ACCOUNT_HEADER} header` },
  }),
  'local-kms': () => ({
    kind: 'process',
    process: {
      command: 'local-kms',
      env: { PORT: '{port}', KMS_ACCOUNT_ID: '{accountId}', KMS_REGION: '{region}', KMS_DATA_PATH: '{tempDir}' },
      lookIn: ['{GOBIN}', '{GOPATH}/bin'],
      install: INSTALL.localKms,
      // local-kms has no version flag (it starts serving); Go records the module version in the binary.
      version: { command: ['go', 'version', '-m', '{program}'], pattern: '^\\s*mod\\s+\\S+\\s+(\\S+)' },
    },
    principals: localKmsPrincipals(),
    declared: SINGLE,
  }),
  localstack: () => ({
    kind: 'process',
    process: {
      command: 'localstack',
      // Tried 2026-11-28 (see the README, Targets): on Python 3.11 the package fails on 3.12-only syntax; on 3.13 it
      // needs cbor2<6, then a pyOpenSSL older than cryptography 48 allows. Its own repo pins these; PyPI's package does not.
      unavailable: 'LocalStack host mode does not start from PyPI\'s localstack-core 2026.3.0 (it needs Python 3.12+ and dependency versions only LocalStack\'s own repository pins); use --target container:localstack where a container runtime exists',
      install: INSTALL.localstack,
    },
    principals: localstackPrincipals(),
    declared: MULTI,
  }),
  'container:localstack': () => ({
    kind: 'container',
    container: { image: IMAGES.localstack, port: 4566, env: { SERVICES: 'kms' }, flavour: 'localstack', wait: { log: 'Ready.' } },
    principals: localstackPrincipals(),
    declared: MULTI,
  }),
  'container:local-kms': () => ({
    kind: 'container',
    container: { image: IMAGES.localKms, port: 8080, env: { KMS_ACCOUNT_ID: '{accountId}', KMS_REGION: '{region}' } },
    principals: localKmsPrincipals(),
    declared: SINGLE,
  }),
  'container:moto': () => ({
    kind: 'container',
    container: { image: IMAGES.moto, port: 5000 },
    principals: motoPrincipals(),
    workers: 1, // the same moto_server as the moto target's
    declared: { ...MULTI, accountSelection: `${MOTO_ACCOUNT_HEADER} header` },
  }),
};

/** The built-in names, for "known targets" messages and the README. */
export const BUILTIN_TARGETS = Object.keys(DEFINITIONS);

/** The default endpoint port of `container:<image>`, the de-facto AWS emulator port (LocalStack, floci, fakecloud). */
export const DEFAULT_CONTAINER_PORT = 4566;

/**
 * The definition of a built-in target name, or of `container:<image>` for any image (its port from
 * KMS_CONFORMANCE_CONTAINER_PORT, default 4566); undefined for other names.
 */
export function builtinTarget(name: string, env: NodeJS.ProcessEnv = {}): TargetDefinition | undefined {
  const known = DEFINITIONS[name];
  if (known) return { name, ...known() };
  if (!name.startsWith('container:') || name.length === 'container:'.length) return undefined;
  const image = name.slice('container:'.length);
  const port = env.KMS_CONFORMANCE_CONTAINER_PORT ? Number(env.KMS_CONFORMANCE_CONTAINER_PORT) : DEFAULT_CONTAINER_PORT;
  return { name, kind: 'container', container: { image, port } };
}
