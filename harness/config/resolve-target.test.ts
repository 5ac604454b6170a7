import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { PRIMARY_ACCOUNT, SECONDARY_ACCOUNT } from '#reference/accounts.ts';
import { RunAbort } from '../errors.ts';
import { tempDir } from '../test-support/reference-target.ts';
import { resolveTarget, type TargetFlags } from './resolve-target.ts';
import { abortOf } from '../test-support/abort-of.ts';

const REF_PRIMARY = PRIMARY_ACCOUNT.credentials[0]!;
const REF_SECONDARY = SECONDARY_ACCOUNT.credentials[0]!;

/** Every test gets its own empty working directory, so no stray config file is picked up. */
let cwd: string;
beforeEach(() => {
  cwd = tempDir();
});

const resolve = (flags: TargetFlags = {}, env: NodeJS.ProcessEnv = {}) => resolveTarget(flags, env, cwd);

function writeConfig(content: unknown, name = 'kms-conformance.config.json'): string {
  const path = join(cwd, name);
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
  return path;
}

describe('resolveTarget: defaults and environment', () => {
  it('defaults to the embedded target in us-east-1 with both reference principals', () => {
    const t = resolve();
    expect(t.kind).toBe('embedded');
    expect(t.name).toBe('embedded');
    expect(t.region).toBe('us-east-1');
    expect(t.endpoint).toBeUndefined();
    expect(t.principals.primary).toEqual({ accessKeyId: REF_PRIMARY.accessKeyId, secretAccessKey: REF_PRIMARY.secretAccessKey, accountId: '111111111111' });
    expect(t.principals.secondary).toEqual({ accessKeyId: REF_SECONDARY.accessKeyId, secretAccessKey: REF_SECONDARY.secretAccessKey, accountId: '222222222222' });
  });

  it('--endpoint makes an endpoint target, with the reference principals when no credentials are configured', () => {
    const t = resolve({ endpoint: 'http://127.0.0.1:4566' });
    expect(t.kind).toBe('endpoint');
    expect(t.endpoint).toBe('http://127.0.0.1:4566');
    expect(t.principals.primary.accessKeyId).toBe(REF_PRIMARY.accessKeyId);
    expect(t.principals.secondary?.accessKeyId).toBe(REF_SECONDARY.accessKeyId);
  });

  it('AWS_ENDPOINT_URL_KMS beats AWS_ENDPOINT_URL', () => {
    const t = resolve({}, { AWS_ENDPOINT_URL_KMS: 'http://kms.local:1', AWS_ENDPOINT_URL: 'http://generic.local:2' });
    expect(t.kind).toBe('endpoint');
    expect(t.endpoint).toBe('http://kms.local:1');
    expect(resolve({}, { AWS_ENDPOINT_URL: 'http://generic.local:2' }).endpoint).toBe('http://generic.local:2');
  });

  it('takes the region from AWS_REGION, then AWS_DEFAULT_REGION', () => {
    expect(resolve({}, { AWS_REGION: 'eu-west-1', AWS_DEFAULT_REGION: 'ap-south-1' }).region).toBe('eu-west-1');
    expect(resolve({}, { AWS_DEFAULT_REGION: 'ap-south-1' }).region).toBe('ap-south-1');
  });

  it('the embedded target ignores AWS_ACCESS_KEY_ID and AWS_PROFILE', () => {
    const t = resolve({}, { AWS_ACCESS_KEY_ID: 'AKIAENVIRONMENT00001', AWS_SECRET_ACCESS_KEY: 'env-secret', AWS_PROFILE: 'dev' });
    expect(t.kind).toBe('embedded');
    expect(t.principals.primary.accessKeyId).toBe(REF_PRIMARY.accessKeyId);
    expect(t.principals.primary.profile).toBeUndefined();
  });

  it('an endpoint target uses AWS_ACCESS_KEY_ID / SECRET / SESSION_TOKEN from the environment', () => {
    const t = resolve(
      { endpoint: 'http://127.0.0.1:4566' },
      { AWS_ACCESS_KEY_ID: 'AKIAENVIRONMENT00001', AWS_SECRET_ACCESS_KEY: 'env-secret', AWS_SESSION_TOKEN: 'env-token' },
    );
    expect(t.principals.primary).toEqual({ accessKeyId: 'AKIAENVIRONMENT00001', secretAccessKey: 'env-secret', sessionToken: 'env-token' });
    expect(t.principals.secondary).toBeUndefined();
  });

  it('AWS_PROFILE gives a profile principal', () => {
    const t = resolve({ endpoint: 'http://127.0.0.1:4566' }, { AWS_PROFILE: 'conformance' });
    expect(t.principals.primary).toEqual({ profile: 'conformance' });
  });

  it('the secondary principal comes from KMS_CONFORMANCE_SECONDARY_*', () => {
    const base = { AWS_ACCESS_KEY_ID: 'AKIAENVIRONMENT00001', AWS_SECRET_ACCESS_KEY: 'env-secret' };
    const keys = resolve({ endpoint: 'http://h:1' }, {
      ...base,
      KMS_CONFORMANCE_SECONDARY_ACCESS_KEY_ID: 'AKIASECONDARYENV0001',
      KMS_CONFORMANCE_SECONDARY_SECRET_ACCESS_KEY: 'second-secret',
      KMS_CONFORMANCE_SECONDARY_SESSION_TOKEN: 'second-token',
    });
    expect(keys.principals.secondary).toEqual({ accessKeyId: 'AKIASECONDARYENV0001', secretAccessKey: 'second-secret', sessionToken: 'second-token' });
    const profile = resolve({ endpoint: 'http://h:1' }, { ...base, KMS_CONFORMANCE_SECONDARY_PROFILE: 'other-account' });
    expect(profile.principals.secondary).toEqual({ profile: 'other-account' });
  });

  it('refuses a secondary principal from the environment without a primary one', () => {
    const e = abortOf(() => resolve({ endpoint: 'http://h:1' }, { KMS_CONFORMANCE_SECONDARY_PROFILE: 'other-account' }));
    expect(e.kind).toBe('config');
    expect(e.message).toMatch(/KMS_CONFORMANCE_SECONDARY_PROFILE is set, but no primary credentials are/);
  });
});

describe('resolveTarget: precedence', () => {
  const fileTarget = { targets: { lab: { kind: 'endpoint', endpoint: 'http://file.local:3', region: 'eu-central-1' } }, defaultTarget: 'lab' };
  const env = { AWS_ENDPOINT_URL_KMS: 'http://env.local:4', AWS_REGION: 'ap-northeast-1' };

  it('flags beat the config file for region and endpoint', () => {
    writeConfig(fileTarget);
    const t = resolve({ endpoint: 'http://flag.local:5', region: 'us-west-2' }, env);
    expect(t.endpoint).toBe('http://flag.local:5');
    expect(t.region).toBe('us-west-2');
  });

  it('the config file beats the environment for region and endpoint', () => {
    writeConfig(fileTarget);
    const t = resolve({}, env);
    expect(t.name).toBe('lab');
    expect(t.endpoint).toBe('http://file.local:3');
    expect(t.region).toBe('eu-central-1');
  });

  it('flags beat the environment when there is no config file', () => {
    const t = resolve({ endpoint: 'http://flag.local:5', region: 'us-west-2' }, env);
    expect(t.endpoint).toBe('http://flag.local:5');
    expect(t.region).toBe('us-west-2');
  });
});

describe('resolveTarget: config file', () => {
  it('selects a named target from the file in the working directory', () => {
    writeConfig({
      targets: {
        lab: {
          endpoint: 'http://lab.local:4566',
          region: 'eu-west-3',
          principals: { primary: { accessKeyId: 'AKIALABPRIMARY000001', secretAccessKey: 'lab-secret' } },
        },
      },
    });
    const t = resolve({ target: 'lab' });
    expect(t).toEqual({
      name: 'lab',
      kind: 'endpoint',
      endpoint: 'http://lab.local:4566',
      region: 'eu-west-3',
      principals: { primary: { accessKeyId: 'AKIALABPRIMARY000001', secretAccessKey: 'lab-secret' } },
      // The endpoint kind's defaults (harness/config/kinds.ts).
      maxAttempts: 1,
      eventualConsistency: false,
      workers: 4,
      // Where it was defined: a replay command names the file.
      configFile: expect.stringMatching(/kms-conformance\.config\.json$/),
    });
  });

  it('a missing --config file is a one-line RunAbort naming the file', () => {
    const e = abortOf(() => resolve({ config: 'nowhere.json' }));
    expect(e.kind).toBe('config');
    expect(e.exitCode).toBe(2);
    expect(e.message).toContain(join(cwd, 'nowhere.json'));
    expect(e.message).not.toContain('\n');
  });

  it('invalid JSON is a one-line RunAbort naming the file', () => {
    const path = writeConfig('{\n  "targets": {\n    "lab": \n}\n', 'broken.json');
    const e = abortOf(() => resolve({ config: 'broken.json' }));
    expect(e.kind).toBe('config');
    expect(e.message).toContain(path);
    expect(e.message).toMatch(/not valid JSON/);
    expect(e.message).not.toContain('\n');
  });

  it('"targets" that is not an object is a one-line RunAbort naming the file', () => {
    for (const targets of [['lab'], 'lab', null]) {
      const path = writeConfig({ targets });
      const e = abortOf(() => resolve());
      expect(e.kind).toBe('config');
      expect(e.message).toContain(path);
      expect(e.message).toMatch(/: targets: .*expected record/);
      expect(e.message).not.toContain('\n');
    }
  });

  it('an invalid region inside a target is a one-line RunAbort naming the file, the target and the setting', () => {
    const path = writeConfig({ targets: { lab: { endpoint: 'http://lab.local:1', region: 'Mars-1' } } });
    const e = abortOf(() => resolve({ target: 'lab' }));
    expect(e.kind).toBe('config');
    expect(e.message).toContain(path);
    expect(e.message).toContain('targets.lab.region: ');
    expect(e.message).not.toContain('\n');
  });

  it('an unknown --target lists the known targets', () => {
    writeConfig({ targets: { lab: { endpoint: 'http://lab.local:1' }, staging: { endpoint: 'http://staging.local:1' } } });
    const e = abortOf(() => resolve({ target: 'prod' }));
    expect(e.kind).toBe('usage');
    expect(e.message).toContain("'prod'");
    expect(e.message).toContain('known: embedded, endpoint, aws, moto, local-kms, localstack');
    expect(e.message).toMatch(/container:<image>, lab, staging\)$/);
  });

  it('--endpoint with --target embedded is a usage error', () => {
    const e = abortOf(() => resolve({ target: 'embedded', endpoint: 'http://127.0.0.1:4566' }));
    expect(e.kind).toBe('usage');
    expect(e.message).toContain('--endpoint');
    expect(e.message).not.toContain('\n');
  });
});

describe('workers', () => {
  it('four by default, one for moto (its server is not thread-safe), and --workers over both', () => {
    expect(resolve().workers).toBe(4);
    expect(resolve({ target: 'moto' }).workers).toBe(1);
    expect(resolve({ target: 'container:moto' }).workers).toBe(1);
    expect(resolve({ target: 'moto', workers: 3 }).workers).toBe(3);
    expect(resolve({ workers: 2 }).workers).toBe(2);
  });

  it('a config-file target may set them; aws refuses more than one with one line', () => {
    writeConfig({ targets: { lab: { endpoint: 'http://lab.local:4566', workers: 2 } } });
    expect(resolve({ target: 'lab' }).workers).toBe(2);
    expect(resolve({ target: 'aws' }, { AWS_REGION: 'us-east-1' }).workers).toBe(1);
    const e = abortOf(() => resolve({ target: 'aws', workers: 2 }, { AWS_REGION: 'us-east-1' }));
    expect(e.kind).toBe('config');
    expect(e.message).toMatch(/workers: a 'aws' target runs one spec file at a time/);
    expect(e.message).not.toContain('\n');
  });
});

describe('the aws target', () => {
  it("uses the SDK credential chain, never the reference credentials, and AWS's regional endpoint", () => {
    const t = resolve({ target: 'aws' });
    expect(t).toMatchObject({ name: 'aws', kind: 'aws', principals: { primary: {} } });
    expect(t.endpoint).toBe('https://kms.us-east-1.amazonaws.com');
    expect(resolve({ target: 'aws', region: 'cn-north-1' }).endpoint).toBe('https://kms.cn-north-1.amazonaws.com.cn');
    expect(resolve({ target: 'aws' }, { AWS_ENDPOINT_URL_KMS: 'http://127.0.0.1:9' }).endpoint).toBe('http://127.0.0.1:9');
    expect(t.principals.secondary).toBeUndefined();
  });

  it('takes --profile and --secondary-profile for the two accounts', () => {
    const t = resolve({ target: 'aws', profile: 'acct-a', secondaryProfile: 'acct-b' }, { AWS_ACCESS_KEY_ID: 'AKIDENV', AWS_SECRET_ACCESS_KEY: 's' });
    expect(t.principals).toEqual({ primary: { profile: 'acct-a' }, secondary: { profile: 'acct-b' } });
  });

  it('takes the environment profiles when no flag is given', () => {
    const t = resolve({ target: 'aws' }, { AWS_PROFILE: 'p1', KMS_CONFORMANCE_SECONDARY_PROFILE: 'p2' });
    expect(t.principals).toEqual({ primary: { profile: 'p1' }, secondary: { profile: 'p2' } });
  });

  it("reads the region from the primary profile when neither a flag nor AWS_REGION gives it", () => {
    const config = join(cwd, 'aws-config');
    writeFileSync(config, '[default]\nregion = us-west-2\n\n[profile acct-a]\nregion = eu-central-1\n');
    expect(resolve({ target: 'aws', profile: 'acct-a' }, { AWS_CONFIG_FILE: config }).region).toBe('eu-central-1');
    expect(resolve({ target: 'aws' }, { AWS_CONFIG_FILE: config }).region).toBe('us-west-2');
    expect(resolve({ target: 'aws', profile: 'acct-a', region: 'ap-south-1' }, { AWS_CONFIG_FILE: config }).region).toBe('ap-south-1');
  });

  it('refuses --endpoint, and an endpoint in a config-file aws target', () => {
    expect(() => resolve({ target: 'aws', endpoint: 'http://127.0.0.1:1' })).toThrow(RunAbort);
    writeConfig({ targets: { prod: { name: 'prod', kind: 'aws', endpoint: 'http://127.0.0.1:1', region: 'us-east-1', principals: { primary: {} } } } });
    expect(() => resolve({ target: 'prod' })).toThrow(/takes no endpoint/);
  });

  it('carries rate limits and the key budget from the config file, flags overriding them class by class', () => {
    writeConfig({ targets: { prod: { name: 'prod', kind: 'aws', region: 'us-east-1', principals: { primary: { profile: 'x' } }, rateLimits: { write: 1, read: 5 }, maxKeys: 40 } } });
    const t = resolve({ target: 'prod', rateLimits: { write: 3 } });
    expect(t).toMatchObject({ kind: 'aws', rateLimits: { write: 3, read: 5 }, maxKeys: 40 });
  });
});
