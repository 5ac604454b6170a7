/**
 * The raw client's safety gate sees what the target would see: a body given as a string, and the
 * operation the X-Amz-Target header names. Nothing is sent when it refuses (the endpoint is closed).
 */
import { describe, expect, it } from 'vitest';
import type { TargetConfig } from '../config/target-config.ts';
import { ResourceRegistry, SafetyRefusal } from '../resources/registry.ts';
import { RawKmsClient } from './raw-client.ts';
import { withKindDefaults } from '../config/resolve-target.ts';

const FOREIGN = '0b7c5e1d-9f3a-4c2b-8e6d-5a4f3b2c1d0e';
const target: TargetConfig = withKindDefaults({ name: 't', kind: 'endpoint', endpoint: 'http://127.0.0.1:9', region: 'us-east-1',
  principals: { primary: { accessKeyId: 'AKIDTEST', secretAccessKey: 'secret-test' } } });
const raw = () => new RawKmsClient(target, 'primary', new ResourceRegistry('run-x'));

describe('RawKmsClient safety gate', () => {
  it('refuses a mutation of a foreign key given as a JSON string body', async () => {
    await expect(raw().send({ operation: 'ScheduleKeyDeletion', body: JSON.stringify({ KeyId: FOREIGN, PendingWindowInDays: 7 }) })).rejects.toThrow(SafetyRefusal);
  });

  it('refuses when the X-Amz-Target header names a mutation the operation label does not', async () => {
    await expect(raw().send({ operation: 'DescribeKey', target: 'TrentService.DisableKey', body: { KeyId: FOREIGN } })).rejects.toThrow(SafetyRefusal);
  });

  it('refuses CreateKey: only the SDK client tags and registers keys', async () => {
    await expect(raw().send({ operation: 'CreateKey', body: {} })).rejects.toThrow(/raw client/);
  });
});
