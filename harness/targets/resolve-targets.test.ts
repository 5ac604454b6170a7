/**
 * Target names and config-file targets of kind process and container: built-ins resolve to their
 * definitions, a config file can define its own (and override a built-in's name), and a bad
 * definition is one line naming the setting.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { resolveTarget, type TargetFlags } from '../config/resolve-target.ts';
import { tempDir } from '../test-support/reference-target.ts';
import { INSTALL, LOCAL_KMS_ACCOUNT, MOTO_ACCOUNT_HEADER, MOTO_ACCOUNTS } from '../config/builtin-targets.ts';
import { abortOf } from '../test-support/abort-of.ts';

let cwd: string;
beforeEach(() => {
  cwd = tempDir();
});
const resolve = (flags: TargetFlags = {}, env: NodeJS.ProcessEnv = {}) => resolveTarget(flags, env, cwd);
const withConfig = (targets: Record<string, unknown>) => writeFileSync(join(cwd, 'kms-conformance.config.json'), JSON.stringify({ targets }));

describe('built-in process targets', () => {
  it('moto: moto_server on a free port, two accounts chosen by header', () => {
    const t = resolve({ target: 'moto' });
    expect(t).toMatchObject({ name: 'moto', kind: 'process', region: 'us-east-1', declared: { accounts: 'multiple' } });
    expect(t.process).toMatchObject({ command: 'moto_server', args: ['-H', '{host}', '-p', '{port}'], install: INSTALL.moto });
    expect(t.process!.port).toBeUndefined();
    expect(t.principals.primary).toMatchObject({ accountId: MOTO_ACCOUNTS.primary, headers: { [MOTO_ACCOUNT_HEADER]: MOTO_ACCOUNTS.primary } });
    expect(t.principals.secondary).toMatchObject({ accountId: MOTO_ACCOUNTS.secondary, headers: { [MOTO_ACCOUNT_HEADER]: MOTO_ACCOUNTS.secondary } });
  });

  it('local-kms: one account, a fresh data folder, looked for in Go\'s bin folders too', () => {
    const t = resolve({ target: 'local-kms', region: 'ap-southeast-2' });
    expect(t.process).toMatchObject({
      command: 'local-kms',
      env: { PORT: '{port}', KMS_ACCOUNT_ID: '{accountId}', KMS_REGION: '{region}', KMS_DATA_PATH: '{tempDir}' },
      lookIn: ['{GOBIN}', '{GOPATH}/bin'],
      install: INSTALL.localKms,
    });
    expect(t.region).toBe('ap-southeast-2');
    expect(t.principals.primary.accountId).toBe(LOCAL_KMS_ACCOUNT);
    expect(t.principals.secondary, 'single account: no secondary').toBeUndefined();
    expect(t.declared).toEqual({ accounts: 'single' });
  });

  it('built-in principals are not replaced by AWS credentials from the environment', () => {
    const t = resolve({ target: 'moto' }, { AWS_ACCESS_KEY_ID: 'AKIAREALREALREAL0001', AWS_SECRET_ACCESS_KEY: 'real-secret' });
    expect(t.principals.primary.accessKeyId).not.toBe('AKIAREALREALREAL0001');
  });

  it('--endpoint cannot be combined with a target the harness starts', () => {
    expect(abortOf(() => resolve({ target: 'moto', endpoint: 'http://127.0.0.1:1' })).message).toMatch(/^--endpoint cannot be used with target 'moto'/);
  });

  it('an unknown name lists the built-ins', () => {
    const e = abortOf(() => resolve({ target: 'motto' }));
    expect(e.kind).toBe('usage');
    expect(e.message).toContain('moto, local-kms, localstack, container:localstack, container:local-kms, container:moto, container:<image>');
  });
});

describe('config-file process and container targets', () => {
  const processTarget = {
    kind: 'process',
    region: 'eu-west-1',
    process: { command: './emu', args: ['--listen', '{host}:{port}'], env: { EMU_DATA: '{tempDir}' }, readyTimeoutMs: 60_000 },
    principals: { primary: { accessKeyId: 'AKIAEMUEMUEMUEMU0001', secretAccessKey: 'emu-secret', accountId: '000000000001' } },
    declared: { accounts: 'single' },
  };

  it('a process target with its own command, args, env and timeout; defaults filled in', () => {
    withConfig({ emu: processTarget });
    const t = resolve({ target: 'emu' });
    expect(t).toMatchObject({ name: 'emu', kind: 'process', region: 'eu-west-1', declared: { accounts: 'single' } });
    expect(t.process).toEqual({ command: './emu', args: ['--listen', '{host}:{port}'], env: { EMU_DATA: '{tempDir}' }, host: '127.0.0.1', lookIn: [], readyTimeoutMs: 60_000, stopGraceMs: 5_000 });
  });

  it('a config target named like a built-in replaces it', () => {
    withConfig({ moto: { ...processTarget, process: { command: '/opt/moto/bin/moto_server', args: ['-p', '{port}'] } } });
    expect(resolve({ target: 'moto' }).process!.command).toBe('/opt/moto/bin/moto_server');
  });

  it('a container target with a fixed image and port', () => {
    withConfig({ floci: { kind: 'container', region: 'us-east-1', container: { image: 'floci/floci:1.0.0', port: 4566, env: { FLOCI_SERVICES_KMS_ENABLED: 'true' } } } });
    const t = resolve({ target: 'floci' });
    expect(t.container).toMatchObject({ image: 'floci/floci:1.0.0', port: 4566, wait: { http: '/' }, flavour: 'generic' });
    expect(t.principals.secondary).toBeUndefined();
  });

  it.each([
    [{ kind: 'process' }, `target kind 'process' needs a "process" object`],
    [{ ...processTarget, process: { args: [] } }, 'process.command: '],
    [{ ...processTarget, process: { command: 'x', readyTimeoutMs: -1 } }, 'process.readyTimeoutMs: '],
    [{ ...processTarget, process: { command: 'x', port: 70_000 } }, 'process.port: '],
    [{ ...processTarget, process: { command: 'x', colour: 'red' } }, 'process: '],
    [{ kind: 'container', container: { image: 'x' } }, 'container.port: '],
    [{ kind: 'endpoint', endpoint: 'http://h:1', container: { image: 'x', port: 1 } }, `"container" is only for targets of kind 'container'`],
    [{ ...processTarget, declared: { accounts: ['a'] } }, 'declared.accounts: '],
  ])('bad definition %j → one line naming the setting', (def, fragment) => {
    withConfig({ bad: def });
    const e = abortOf(() => resolve({ target: 'bad' }));
    expect(e.kind).toBe('config');
    expect(e.message).toMatch(/targets\.bad[.:]|\(target bad\)/);
    expect(e.message).toContain(fragment);
    expect(e.message).not.toContain('\n');
  });

  it('container:<image> with a port that is not a number', () => {
    const e = abortOf(() => resolve({ target: 'container:x/y:1' }, { KMS_CONFORMANCE_CONTAINER_PORT: 'many' }));
    expect(e.message).toMatch(/^target container:x\/y:1: container\.port: /);
  });
});
