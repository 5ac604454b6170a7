import { CreateKeyCommand, DescribeKeyCommand, DisableKeyCommand, ListResourceTagsCommand, type KMSClient } from '@aws-sdk/client-kms';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EvidenceRecorder, setCurrentRecorder } from '../evidence/recorder.ts';
import { SecretList } from '../evidence/redact.ts';
import { ResourceRegistry, RUN_TAG_KEY, SafetyRefusal } from '../resources/registry.ts';
import { startReferenceTarget, type ReferenceTarget } from '../test-support/reference-target.ts';
import { createKmsClient } from './sdk-client.ts';

const RUN_ID = 'run-sdk-client-test';

let ref: ReferenceTarget;
let registry: ResourceRegistry;
let guarded: KMSClient;
let plain: KMSClient;

beforeAll(async () => {
  ref = await startReferenceTarget();
  registry = new ResourceRegistry(RUN_ID);
  guarded = createKmsClient(ref.target, 'primary', { registry });
  plain = createKmsClient(ref.target, 'primary');
});

afterAll(async () => {
  guarded?.destroy();
  plain?.destroy();
  await ref?.server.close();
});

describe('createKmsClient with a registry', () => {
  it('tags CreateKey with the run id and registers the key', async () => {
    const out = await guarded.send(new CreateKeyCommand({ Description: 'harness test', Tags: [{ TagKey: 'team', TagValue: 'qa' }] }));
    const meta = out.KeyMetadata!;
    const tags = await plain.send(new ListResourceTagsCommand({ KeyId: meta.KeyId! }));
    expect(tags.Tags).toEqual(
      expect.arrayContaining([
        { TagKey: RUN_TAG_KEY, TagValue: RUN_ID },
        { TagKey: 'team', TagValue: 'qa' },
      ]),
    );
    expect(registry.owns(meta.KeyId!)).toBe(true);
    expect(registry.owns(meta.Arn!)).toBe(true);
  });

  it("replaces a run tag the caller passed with this run's id", async () => {
    const out = await guarded.send(new CreateKeyCommand({ Tags: [{ TagKey: RUN_TAG_KEY, TagValue: 'someone-else' }] }));
    const tags = await plain.send(new ListResourceTagsCommand({ KeyId: out.KeyMetadata!.KeyId! }));
    expect(tags.Tags).toEqual([{ TagKey: RUN_TAG_KEY, TagValue: RUN_ID }]);
  });

  it('refuses CreateKey beyond the key budget', async () => {
    const budget = new ResourceRegistry(RUN_ID, undefined, 1);
    const c = createKmsClient(ref.target, 'primary', { registry: budget });
    await c.send(new CreateKeyCommand({}));
    await expect(c.send(new CreateKeyCommand({}))).rejects.toThrow(SafetyRefusal);
    c.destroy();
  });

  it('registers the created key in the open scope, with its ARN and principal', async () => {
    registry.openScope();
    const out = await guarded.send(new CreateKeyCommand({}));
    const { keys } = registry.closeScope();
    expect(keys).toEqual([{ keyId: out.KeyMetadata!.KeyId, arn: out.KeyMetadata!.Arn, principal: 'primary' }]);
  });

  it('refuses DisableKey on a key it did not create, before sending; the key stays Enabled', async () => {
    const foreign = (await plain.send(new CreateKeyCommand({}))).KeyMetadata!.KeyId!;
    expect(registry.owns(foreign)).toBe(false);
    const recorder = new EvidenceRecorder(new SecretList());
    setCurrentRecorder(recorder);
    let refusal: unknown;
    try {
      await guarded.send(new DisableKeyCommand({ KeyId: foreign })).catch((e: unknown) => (refusal = e));
    } finally {
      setCurrentRecorder(undefined);
    }
    expect(refusal).toBeInstanceOf(SafetyRefusal);
    expect(recorder.all()).toEqual([]); // nothing reached the wire
    const described = await plain.send(new DescribeKeyCommand({ KeyId: foreign }));
    expect(described.KeyMetadata!.KeyState).toBe('Enabled');
  });

  it('lets a non-mutating call on a foreign key through', async () => {
    const foreign = (await plain.send(new CreateKeyCommand({}))).KeyMetadata!.KeyId!;
    const described = await guarded.send(new DescribeKeyCommand({ KeyId: foreign }));
    expect(described.KeyMetadata!.KeyId).toBe(foreign);
  });
});

describe('createKmsClient without a registry', () => {
  it('does not tag CreateKey', async () => {
    const out = await plain.send(new CreateKeyCommand({}));
    const tags = await plain.send(new ListResourceTagsCommand({ KeyId: out.KeyMetadata!.KeyId! }));
    expect(tags.Tags ?? []).toEqual([]);
  });
});
