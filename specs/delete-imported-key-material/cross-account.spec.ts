/**
 * DeleteImportedKeyMaterial is not a cross-account operation: a key ARN that names another account is
 * refused, and no key changes — neither that account's key nor a key of the caller's account that
 * happens to have the same key ID. Which error AWS answers with is not known, so it is only observed.
 * With a secondary principal the other account's key is real; without one, the other account is a
 * made-up account id.
 * @see https://docs.aws.amazon.com/kms/latest/APIReference/API_DeleteImportedKeyMaterial.html
 */
import { DecryptCommand, EncryptCommand, type KMSClient } from '@aws-sdk/client-kms';
import { expect } from 'vitest';
import { rawAnswer } from '#harness/clients/raw-client.ts';
import { createImportedKey, describeKey, sameMaterial } from '#harness/kms/index.ts';
import { expectRawClientError, requirement, type SpecContext } from '#harness/spec/index.ts';

const API = 'https://docs.aws.amazon.com/kms/latest/APIReference/API_DeleteImportedKeyMaterial.html';
const OP = 'DeleteImportedKeyMaterial';
const SOURCE = { url: API, section: 'Cross-account use: No', groundTruth: 'REQ-X1, REQ-D12' };

const accountOf = (arn: string) => arn.split(':')[4]!;
const withAccount = (arn: string, account: string) => arn.replace(/^((?:[^:]*:){4})\d{12}:/, `$1${account}:`);

/** An account id that is not the caller's: the secondary's when configured, otherwise a made-up one. */
function otherAccount(kms: SpecContext, callerAccount: string): string {
  const configured = kms.target.principals.secondary?.accountId;
  if (configured && configured !== callerAccount) return configured;
  return callerAccount === '123456789012' ? '210987654321' : '123456789012';
}

/** The key is Enabled with material `materialId`, and encrypts and decrypts for its owner. */
async function expectIntact(client: KMSClient, keyId: string, materialId: string | undefined): Promise<void> {
  expect(await describeKey(client, keyId)).toMatchObject({ KeyState: 'Enabled', Enabled: true, ...sameMaterial(materialId) });
  const plaintext = Buffer.from('DIKM cross-account probe');
  const { CiphertextBlob } = await client.send(new EncryptCommand({ KeyId: keyId, Plaintext: plaintext }));
  const { Plaintext } = await client.send(new DecryptCommand({ KeyId: keyId, CiphertextBlob }));
  expect(Buffer.from(Plaintext!).equals(plaintext)).toBe(true);
}

/** A caller's key and an ARN with its key ID under another account id. */
async function callerKeyUnderOtherAccount(kms: SpecContext) {
  const { key, keyMaterialId } = await createImportedKey(kms.primary);
  const foreignArn = withAccount(key.Arn!, otherAccount(kms, accountOf(key.Arn!)));
  return { key, keyMaterialId, foreignArn };
}

requirement(
  {
    id: 'DIKM-39',
    statement: "Another account's key, named by its key ARN, is refused with a client error and keeps its state and material",
    operation: OP,
    source: SOURCE,
    evidence: 'documented',
    strength: 'must',
  },
  async (kms) => {
    if (kms.secondary && kms.target.declared?.accounts !== 'single') {
      kms.observe('path', 'a real key of the secondary account');
      const { key, keyMaterialId } = await createImportedKey(kms.secondary);
      expectRawClientError(await kms.raw('primary').send({ operation: OP, body: { KeyId: key.Arn } }));
      await expectIntact(kms.secondary, key.KeyId!, keyMaterialId);
    } else {
      // Without a second account the only request left is DIKM-40's (the caller's key id under a
      // made-up account): checking it twice would count one deviation twice.
      kms.notApplicable('the target has one account, so there is no other account\'s key; DIKM-40 checks a made-up account');
    }
  },
);

requirement(
  {
    id: 'DIKM-40',
    statement: "A key ARN naming another account but the key ID of a caller's key is refused, and the caller's key is unchanged",
    operation: OP,
    source: SOURCE,
    evidence: 'documented',
    strength: 'must',
  },
  async (kms) => {
    const { key, keyMaterialId, foreignArn } = await callerKeyUnderOtherAccount(kms);
    expectRawClientError(await kms.raw('primary').send({ operation: OP, body: { KeyId: foreignArn } }));
    await expectIntact(kms.primary, key.KeyId!, keyMaterialId);
  },
);

requirement(
  {
    id: 'DIKM-41',
    statement: "The error answered for a key ARN of another account is not known for AWS; the target's answer is recorded",
    operation: OP,
    source: { ...SOURCE, groundTruth: 'REQ-X1, c.10#1' },
    evidence: 'unknown',
    strength: 'observe',
  },
  async (kms) => {
    if (kms.secondary) {
      const { key } = await createImportedKey(kms.secondary);
      kms.observe("secondary account's key ARN", rawAnswer(await kms.raw('primary').send({ operation: OP, body: { KeyId: key.Arn } })));
    }
    const { foreignArn } = await callerKeyUnderOtherAccount(kms);
    kms.observe("caller's key ID under another account", rawAnswer(await kms.raw('primary').send({ operation: OP, body: { KeyId: foreignArn } })));
  },
);
