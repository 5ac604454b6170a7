/**
 * The example config file in fixtures/ is valid and resolves as the README says.
 */
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';
import { resolveTarget } from '../harness/config/resolve-target.ts';

const EXAMPLE = fileURLToPath(new URL('../fixtures/kms-conformance.config.example.json', import.meta.url));

it('the example config resolves its default target', () => {
  const t = resolveTarget({ config: EXAMPLE }, {});
  expect(t).toMatchObject({ name: 'local-emulator', kind: 'endpoint', endpoint: 'http://127.0.0.1:4566', region: 'us-east-1' });
  expect(t.principals.primary).toMatchObject({ accessKeyId: 'test', accountId: '000000000000' });
  expect(t.principals.secondary).toEqual({ profile: 'emulator-second-account' });
});

it('the example config resolves a target named on the command line, with flags on top', () => {
  const t = resolveTarget({ config: EXAMPLE, target: 'staging', region: 'eu-central-1' }, {});
  expect(t).toMatchObject({ name: 'staging', endpoint: 'https://kms.staging.example.internal', region: 'eu-central-1' });
  expect(t.principals).toEqual({ primary: { profile: 'kms-conformance-primary' } });
});

it('the example config defines a process target and a container target of its own', () => {
  const moto = resolveTarget({ config: EXAMPLE, target: 'my-moto' }, {});
  expect(moto).toMatchObject({ kind: 'process', process: { command: '/opt/moto/bin/moto_server', args: ['-H', '{host}', '-p', '{port}'], readyTimeoutMs: 60_000 } });
  expect(moto.principals.secondary?.headers).toEqual({ 'x-moto-account-id': '210987654321' });
  const floci = resolveTarget({ config: EXAMPLE, target: 'floci' }, {});
  expect(floci).toMatchObject({ kind: 'container', container: { image: 'floci/floci:1.0.0', port: 4566, env: { FLOCI_DEFAULT_REGION: '{region}' } }, declared: { accounts: 'single' } });
});
