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
