/**
 * DeleteImportedKeyMaterial: which identifiers name the key. Only a key ID or a key ARN may be used;
 * alias names and alias ARNs are refused (the error AWS answers with is not known, so it is only
 * observed); identifiers that name no key answer NotFoundException.
 * @see https://docs.aws.amazon.com/kms/latest/APIReference/API_DeleteImportedKeyMaterial.html
 */
import { CreateAliasCommand, DecryptCommand, DeleteImportedKeyMaterialCommand, EncryptCommand, type KMSClient } from '@aws-sdk/client-kms';
import { expect } from 'vitest';
import { rawAnswer } from '#harness/clients/raw-client.ts';
import { createImportedKey, createKmsKey, describeKey, sameMaterial } from '#harness/kms/index.ts';
import { expectKmsError, expectRawClientError, requirement, type SpecContext } from '#harness/spec/index.ts';

const API = 'https://docs.aws.amazon.com/kms/latest/APIReference/API_DeleteImportedKeyMaterial.html';
const IMPORTING = 'https://docs.aws.amazon.com/kms/latest/developerguide/importing-keys.html';
const OP = 'DeleteImportedKeyMaterial';

const deleteMaterial = (client: KMSClient, keyId: string) => client.send(new DeleteImportedKeyMaterialCommand({ KeyId: keyId }));

/** Encrypts and decrypts a short text with the key: the key is usable. */
async function expectUsable(client: KMSClient, keyId: string): Promise<void> {
  const plaintext = Buffer.from('DIKM usability probe');
  const { CiphertextBlob } = await client.send(new EncryptCommand({ KeyId: keyId, Plaintext: plaintext }));
  const { Plaintext } = await client.send(new DecryptCommand({ KeyId: keyId, CiphertextBlob }));
  expect(Buffer.from(Plaintext!).equals(plaintext)).toBe(true);
}

/** A refusal is a client error: 4xx, not a success and not a server fault. */

/** An imported, Enabled key with an alias pointing at it; the alias ARN is built from the key ARN. */
async function keyWithAlias(kms: { primary: KMSClient; aliasName(label: string): string }, label: string) {
  const { key, keyMaterialId } = await createImportedKey(kms.primary);
  const aliasName = kms.aliasName(label);
  await kms.primary.send(new CreateAliasCommand({ AliasName: aliasName, TargetKeyId: key.KeyId }));
  const aliasArn = key.Arn!.replace(/:key\/.+$/, `:${aliasName}`);
  return { key, keyMaterialId, aliasName, aliasArn };
}

/** Sends the alias form as KeyId: it must be refused, and the aliased key keep its material and use. */
async function aliasRefusedKeyUnchanged(kms: SpecContext, label: string, form: 'aliasName' | 'aliasArn') {
  const k = await keyWithAlias(kms, label);
  expectRawClientError(await kms.raw().send({ operation: OP, body: { KeyId: k[form] } }));
  const after = await describeKey(kms.primary, k.key.KeyId!);
  expect(after).toMatchObject({ KeyState: 'Enabled', Enabled: true, ...sameMaterial(k.keyMaterialId) });
  await expectUsable(kms.primary, k.key.KeyId!);
}

requirement(
  {
    id: 'DIKM-01',
    statement: 'DeleteImportedKeyMaterial accepts the bare key ID and deletes the material (the key becomes PendingImport)',
    operation: OP,
    source: { url: API, section: 'Request Parameters: KeyId', groundTruth: 'REQ-D12, REQ-D1' },
    evidence: 'documented',
    strength: 'must',
  },
  async (kms) => {
    const { key } = await createImportedKey(kms.primary);
    await deleteMaterial(kms.primary, key.KeyId!);
    expect((await describeKey(kms.primary, key.KeyId!)).KeyState).toBe('PendingImport');
  },
);

requirement(
  {
    id: 'DIKM-02',
    statement: 'DeleteImportedKeyMaterial accepts the key ARN and deletes the material (the key becomes PendingImport)',
    operation: OP,
    source: { url: API, section: 'Request Parameters: KeyId', groundTruth: 'REQ-D12, REQ-D1' },
    evidence: 'documented',
    strength: 'must',
  },
  async (kms) => {
    const { key } = await createImportedKey(kms.primary);
    await deleteMaterial(kms.primary, key.Arn!);
    expect((await describeKey(kms.primary, key.KeyId!)).KeyState).toBe('PendingImport');
  },
);

requirement(
  {
    id: 'DIKM-03',
    statement: 'An alias name as KeyId is refused with a client error, and the aliased key stays Enabled and usable',
    operation: OP,
    source: { url: IMPORTING, section: 'Deleting imported key material (key ID or key ARN only)', groundTruth: 'REQ-K7' },
    evidence: 'documented',
    strength: 'must',
  },
  (kms) => aliasRefusedKeyUnchanged(kms, 'dikm-03', 'aliasName'),
);

requirement(
  {
    id: 'DIKM-04',
    statement: 'An alias ARN as KeyId is refused with a client error, and the aliased key stays Enabled and usable',
    operation: OP,
    source: { url: IMPORTING, section: 'Deleting imported key material (key ID or key ARN only)', groundTruth: 'REQ-K7' },
    evidence: 'documented',
    strength: 'must',
  },
  (kms) => aliasRefusedKeyUnchanged(kms, 'dikm-04', 'aliasArn'),
);

requirement(
  {
    id: 'DIKM-05',
    statement: 'The error answered for an alias name or alias ARN as KeyId is not known for AWS; the target\'s answer is recorded',
    operation: OP,
    source: { url: API, section: 'Errors', groundTruth: 'REQ-K7, c.10#3' },
    evidence: 'unknown',
    strength: 'observe',
  },
  async (kms) => {
    const { aliasName, aliasArn } = await keyWithAlias(kms, 'dikm-05');
    kms.observe('alias name', rawAnswer(await kms.raw().send({ operation: OP, body: { KeyId: aliasName } })));
    kms.observe('alias ARN', rawAnswer(await kms.raw().send({ operation: OP, body: { KeyId: aliasArn } })));
  },
);

requirement(
  {
    id: 'DIKM-06',
    statement: 'A well-formed key ID that names no key answers NotFoundException with HTTP 400',
    operation: OP,
    source: { url: API, section: 'Errors: NotFoundException', groundTruth: 'REQ-K1, REQ-P4' },
    evidence: 'documented',
    strength: 'must',
  },
  async (kms) => {
    await expectKmsError(deleteMaterial(kms.primary, kms.syntheticKeyId()), 'NotFoundException', 400);
  },
);

requirement(
  {
    id: 'DIKM-07',
    statement: "A key ARN of the caller's account and region that names no key answers NotFoundException with HTTP 400",
    operation: OP,
    source: { url: API, section: 'Errors: NotFoundException', groundTruth: 'REQ-K2, REQ-P4' },
    evidence: 'documented',
    strength: 'must',
  },
  async (kms) => {
    const { Arn } = await createKmsKey(kms.primary);
    const unknownArn = Arn!.replace(/key\/.+$/, `key/${kms.syntheticKeyId()}`);
    await expectKmsError(deleteMaterial(kms.primary, unknownArn), 'NotFoundException', 400);
  },
);

requirement(
  {
    id: 'DIKM-08',
    statement: "For an unknown key ID the NotFoundException message reads Key '<ARN in the caller's region and account>' does not exist",
    operation: OP,
    source: { url: API, section: 'Errors: NotFoundException', groundTruth: 'REQ-K1, f#7' },
    evidence: 'recorded',
    strength: 'should',
  },
  async (kms) => {
    const id = kms.syntheticKeyId();
    const e = await expectKmsError(deleteMaterial(kms.primary, id), 'NotFoundException');
    expect(e.message).toMatch(new RegExp(`^Key 'arn:aws[a-z-]*:kms:${kms.target.region}:\\d{12}:key/${id}' does not exist$`));
  },
);

requirement(
  {
    id: 'DIKM-09',
    statement: "For an unknown key ARN the NotFoundException message reads Key '<the ARN given>' does not exist",
    operation: OP,
    source: { url: API, section: 'Errors: NotFoundException', groundTruth: 'REQ-K2, f#7' },
    evidence: 'recorded',
    strength: 'should',
  },
  async (kms) => {
    const { Arn } = await createKmsKey(kms.primary);
    const unknownArn = Arn!.replace(/key\/.+$/, `key/${kms.syntheticKeyId()}`);
    const e = await expectKmsError(deleteMaterial(kms.primary, unknownArn), 'NotFoundException');
    expect(e.message).toBe(`Key '${unknownArn}' does not exist`);
  },
);
