/**
 * The replay command a property failure prints names the target as the run did: nothing for the
 * embedded target, the endpoint and region for an --endpoint run, and the config file for a target
 * defined in one (without it the name would be an unknown target, exit 2).
 */
import { describe, expect, it } from 'vitest';
import { withKindDefaults } from '../config/resolve-target.ts';
import { replayTargetFlags } from './property.ts';

const base = { region: 'us-east-1', principals: { primary: {} } } as const;

describe('replayTargetFlags', () => {
  it('names each kind of target the way the run was given it', () => {
    expect(replayTargetFlags(withKindDefaults({ ...base, name: 'embedded', kind: 'embedded' }))).toBe('');
    expect(replayTargetFlags(withKindDefaults({ ...base, name: 'endpoint', kind: 'endpoint', endpoint: 'http://127.0.0.1:4566' }))).toBe(' --endpoint http://127.0.0.1:4566 --region us-east-1');
    expect(replayTargetFlags(withKindDefaults({ ...base, name: 'moto', kind: 'process' }))).toBe(' --target moto');
    expect(replayTargetFlags({ ...withKindDefaults({ ...base, name: 'my-emu', kind: 'endpoint', endpoint: 'http://127.0.0.1:9' }), configFile: '/work/kms-conformance.config.json' })).toBe(' --config /work/kms-conformance.config.json --target my-emu');
  });
});
