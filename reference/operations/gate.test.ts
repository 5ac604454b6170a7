/**
 * Identifier resolution and the key gate (ground truth REQ-K1…K7, REQ-X1, REQ-X2): which forms
 * each operation accepts, the NotFoundException messages AWS was recorded answering, another
 * account's and another region's keys, and keys whose deletion window has passed.
 */
import {
  CreateAliasCommand,
  DecryptCommand,
  DeleteImportedKeyMaterialCommand,
  DescribeKeyCommand,
  DisableKeyCommand,
  EncryptCommand,
  GetParametersForImportCommand,
  ImportKeyMaterialCommand,
  ListKeysCommand,
  ScheduleKeyDeletionCommand,
  type KMSClient,
} from '@aws-sdk/client-kms';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SECONDARY_ACCOUNT } from '../accounts.ts';
import { DAY_MS, TestClock } from '../test-support/clock.ts';
import { expectKmsError } from '../test-support/expect-kms-error.ts';
import { createKey, describe as describeKey, newMaterial, prepareImport } from '../test-support/import-flow.ts';
import { startSdkTarget, type SdkTarget } from '../test-support/sdk-target.ts';

const ACCOUNT = '111111111111';
const UNKNOWN_UUID = '0b7e1a3c-5d2f-4e6a-9b8c-7d6e5f4a3b2c';
const clock = new TestClock();
let target: SdkTarget;
let kms: KMSClient;

beforeAll(async () => {
  target = await startSdkTarget({ clock });
  kms = target.client();
});
afterAll(() => target.close());

describe('accepted identifiers', () => {
  let keyId: string;
  let keyArn: string;
  const aliasName = 'alias/require-key-test';
  const aliasArn = `arn:aws:kms:us-east-1:${ACCOUNT}:${aliasName}`;

  beforeAll(async () => {
    const key = await createKey(kms, 'EXTERNAL');
    keyId = key.KeyId!;
    keyArn = key.Arn!;
    const { input } = await prepareImport(kms, keyId, newMaterial());
    await kms.send(new ImportKeyMaterialCommand(input));
    await kms.send(new CreateAliasCommand({ AliasName: aliasName, TargetKeyId: keyId }));
  });

  it.each(['key id', 'key ARN', 'alias name', 'alias ARN'])('DescribeKey and Encrypt accept the %s', async (form) => {
    const input = { 'key id': keyId, 'key ARN': keyArn, 'alias name': aliasName, 'alias ARN': aliasArn }[form]!;
    expect((await describeKey(kms, input)).KeyId).toBe(keyId);
    const encrypted = await kms.send(new EncryptCommand({ KeyId: input, Plaintext: Buffer.from('x') }));
    expect(encrypted.KeyId).toBe(keyArn);
    const decrypted = await kms.send(new DecryptCommand({ CiphertextBlob: encrypted.CiphertextBlob }));
    expect(decrypted.KeyId).toBe(keyArn);
  });

  it('the import operations accept the key id and the key ARN', async () => {
    for (const input of [keyId, keyArn]) {
      const params = await kms.send(new GetParametersForImportCommand({ KeyId: input, WrappingAlgorithm: 'RSAES_OAEP_SHA_1', WrappingKeySpec: 'RSA_2048' }));
      expect(params.KeyId).toBe(keyArn);
    }
  });

  const importOps = {
    GetParametersForImport: (id: string) => kms.send(new GetParametersForImportCommand({ KeyId: id, WrappingAlgorithm: 'RSAES_OAEP_SHA_256', WrappingKeySpec: 'RSA_2048' })),
    ImportKeyMaterial: (id: string) =>
      kms.send(new ImportKeyMaterialCommand({ KeyId: id, ImportToken: Buffer.alloc(8, 1), EncryptedKeyMaterial: Buffer.alloc(256, 1), ExpirationModel: 'KEY_MATERIAL_DOES_NOT_EXPIRE' })),
    DeleteImportedKeyMaterial: (id: string) => kms.send(new DeleteImportedKeyMaterialCommand({ KeyId: id })),
  };
  const aliasCases = Object.keys(importOps).flatMap((op) => [
    { op, form: 'alias name' },
    { op, form: 'alias ARN' },
  ]);

  it.each(aliasCases)('$op refuses the $form: NotFoundException "Invalid keyId \'<input>\'"', async ({ op, form }) => {
    const input = form === 'alias name' ? aliasName : aliasArn;
    await expectKmsError(importOps[op as keyof typeof importOps](input), 'NotFoundException', `Invalid keyId '${input}'`);
    // The key behind the alias is untouched.
    expect((await describeKey(kms, keyId)).KeyState).toBe('Enabled');
  });
});

describe('refused identifiers', () => {
  it('an unknown well-formed key id: Key \'<ARN of the caller\'s region and account>\' does not exist', async () => {
    await expectKmsError(kms.send(new DescribeKeyCommand({ KeyId: UNKNOWN_UUID })), 'NotFoundException', `Key 'arn:aws:kms:us-east-1:${ACCOUNT}:key/${UNKNOWN_UUID}' does not exist`);
    const west = target.client({ region: 'eu-central-1' });
    await expectKmsError(west.send(new DescribeKeyCommand({ KeyId: UNKNOWN_UUID })), 'NotFoundException', `Key 'arn:aws:kms:eu-central-1:${ACCOUNT}:key/${UNKNOWN_UUID}' does not exist`);
  });

  it('an unknown multi-Region key id: the same message with the mrk ARN', async () => {
    const mrk = `mrk-${'0123456789abcdef'.repeat(2)}`;
    await expectKmsError(kms.send(new DescribeKeyCommand({ KeyId: mrk })), 'NotFoundException', `Key 'arn:aws:kms:us-east-1:${ACCOUNT}:key/${mrk}' does not exist`);
  });

  it.each(['fake-key-id', '134f2428cec14b25a1ae9048164dba47', 'mrk-fake-key-id', 'alias'])('a malformed id %s: Invalid keyId \'<input>\'', async (input) => {
    await expectKmsError(kms.send(new DescribeKeyCommand({ KeyId: input })), 'NotFoundException', `Invalid keyId '${input}'`);
  });

  it('an unknown alias: NotFoundException', async () => {
    await expectKmsError(kms.send(new DescribeKeyCommand({ KeyId: 'alias/nobody-made-this' })), 'NotFoundException');
  });

  it('a key ARN of another region: Invalid arn <region>', async () => {
    const key = await createKey(kms, 'AWS_KMS');
    const elsewhere = key.Arn!.replace(':us-east-1:', ':us-west-2:');
    await expectKmsError(kms.send(new DescribeKeyCommand({ KeyId: elsewhere })), 'NotFoundException', 'Invalid arn us-west-2');
  });
});

describe("another account's key", () => {
  let secondary: KMSClient;
  beforeAll(() => {
    secondary = target.client({ credential: SECONDARY_ACCOUNT.credentials[0]! });
  });

  it('non-cross-account operations by key ARN: NotFoundException, and the key is unchanged', async () => {
    const key = await createKey(kms, 'EXTERNAL');
    const { input } = await prepareImport(kms, key.KeyId!, newMaterial());
    await kms.send(new ImportKeyMaterialCommand(input));
    const notFound = `Key '${key.Arn}' does not exist`;

    await expectKmsError(secondary.send(new DisableKeyCommand({ KeyId: key.Arn })), 'NotFoundException', notFound);
    await expectKmsError(secondary.send(new ScheduleKeyDeletionCommand({ KeyId: key.Arn, PendingWindowInDays: 7 })), 'NotFoundException', notFound);
    await expectKmsError(secondary.send(new DeleteImportedKeyMaterialCommand({ KeyId: key.Arn })), 'NotFoundException', notFound);
    await expectKmsError(
      secondary.send(new GetParametersForImportCommand({ KeyId: key.Arn, WrappingAlgorithm: 'RSAES_OAEP_SHA_256', WrappingKeySpec: 'RSA_2048' })),
      'NotFoundException',
      notFound,
    );

    const md = await describeKey(kms, key.KeyId!);
    expect(md.KeyState).toBe('Enabled');
    expect(md.DeletionDate).toBeUndefined();
    expect(md.ExpirationModel).toBe('KEY_MATERIAL_DOES_NOT_EXPIRE');
  });

  it('a non-cross-account operation on a foreign ARN that does not exist: the same NotFoundException', async () => {
    const arn = `arn:aws:kms:us-east-1:${ACCOUNT}:key/${UNKNOWN_UUID}`;
    await expectKmsError(secondary.send(new DisableKeyCommand({ KeyId: arn })), 'NotFoundException', `Key '${arn}' does not exist`);
  });

  it('cross-account operations by key ARN: refused with AccessDeniedException (no cross-account key policy)', async () => {
    const key = await createKey(kms, 'AWS_KMS');
    await expectKmsError(secondary.send(new DescribeKeyCommand({ KeyId: key.Arn })), 'AccessDeniedException');
    await expectKmsError(secondary.send(new EncryptCommand({ KeyId: key.Arn, Plaintext: Buffer.from('x') })), 'AccessDeniedException');
  });

  it('cross-account operations by alias ARN: refused the same way as by key ARN', async () => {
    const key = await createKey(kms, 'AWS_KMS');
    await kms.send(new CreateAliasCommand({ AliasName: 'alias/not-shared', TargetKeyId: key.KeyId }));
    const aliasArn = `arn:aws:kms:us-east-1:${ACCOUNT}:alias/not-shared`;
    await expectKmsError(secondary.send(new DescribeKeyCommand({ KeyId: aliasArn })), 'AccessDeniedException');
    await expectKmsError(secondary.send(new EncryptCommand({ KeyId: aliasArn, Plaintext: Buffer.from('x') })), 'AccessDeniedException');
    await expectKmsError(secondary.send(new DescribeKeyCommand({ KeyId: `arn:aws:kms:us-east-1:${ACCOUNT}:alias/no-such-alias` })), 'NotFoundException');
  });
});

describe('a key past its deletion window', () => {
  it('is still PendingDeletion a day before the date, and NotFoundException after it', async () => {
    const key = await createKey(kms, 'AWS_KMS');
    const scheduled = await kms.send(new ScheduleKeyDeletionCommand({ KeyId: key.KeyId }));
    expect(scheduled.PendingWindowInDays).toBe(30);

    clock.advance(29 * DAY_MS);
    expect((await describeKey(kms, key.KeyId!)).KeyState).toBe('PendingDeletion');

    clock.advance(2 * DAY_MS);
    await expectKmsError(kms.send(new DescribeKeyCommand({ KeyId: key.KeyId })), 'NotFoundException', `Key '${key.Arn}' does not exist`);
    await expectKmsError(kms.send(new DescribeKeyCommand({ KeyId: key.Arn })), 'NotFoundException', `Key '${key.Arn}' does not exist`);
    const listed = await kms.send(new ListKeysCommand({ Limit: 1000 }));
    expect(listed.Keys?.map((k) => k.KeyId)).not.toContain(key.KeyId);
  });
});
