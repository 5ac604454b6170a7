/**
 * ImportKeyMaterial's expiration settings: ExpirationModel defaults to KEY_MATERIAL_EXPIRES, which needs
 * a ValidTo; KEY_MATERIAL_DOES_NOT_EXPIRE forbids one; ValidTo lies in the future and at most 365 days
 * ahead. AWS's error for the documented-but-unrecorded refusals is not known, so those checks assert
 * that the import is refused with a client error and the key is untouched, and record the answer.
 * @see https://docs.aws.amazon.com/kms/latest/APIReference/API_ImportKeyMaterial.html
 */
import { GetParametersForImportCommand, ImportKeyMaterialCommand, type ImportKeyMaterialCommandInput, type KMSClient } from '@aws-sdk/client-kms';
import { expect } from 'vitest';
import { createExternalKey, describeKey, newKeyMaterial, wrapKeyMaterial } from '#harness/kms/index.ts';
import { expectClientError, expectKmsError, requirement, type SpecContext } from '#harness/spec/index.ts';

const API = 'https://docs.aws.amazon.com/kms/latest/APIReference/API_ImportKeyMaterial.html';
const OP = 'ImportKeyMaterial';
const DAY_MS = 86_400_000;

/** A whole second, as KMS keeps ValidTo (epoch seconds on the wire). */
const daysFromNow = (days: number) => new Date(Math.floor((Date.now() + days * DAY_MS) / 1000) * 1000);

type Expiration = Pick<ImportKeyMaterialCommandInput, 'ExpirationModel' | 'ValidTo'>;

/** A fresh EXTERNAL key and a ready ImportKeyMaterial call for it, with the expiration settings given as they are. */
async function importWith(client: KMSClient, label: string, expiration: Expiration) {
  const key = await createExternalKey(client, label);
  const algorithm = 'RSAES_OAEP_SHA_256';
  const params = await client.send(new GetParametersForImportCommand({ KeyId: key.KeyId, WrappingAlgorithm: algorithm, WrappingKeySpec: 'RSA_2048' }));
  const input: ImportKeyMaterialCommandInput = {
    KeyId: key.KeyId,
    ImportToken: params.ImportToken,
    EncryptedKeyMaterial: wrapKeyMaterial(params.PublicKey!, newKeyMaterial(), algorithm),
    ...expiration,
  };
  return { key, send: () => client.send(new ImportKeyMaterialCommand(input)) };
}

/** The key is exactly as CreateKey left it: PendingImport, no material, no expiration settings. */
async function expectUntouched(client: KMSClient, keyId: string): Promise<void> {
  const md = await describeKey(client, keyId);
  expect(md).toMatchObject({ KeyState: 'PendingImport', Enabled: false });
  for (const member of ['CurrentKeyMaterialId', 'ExpirationModel', 'ValidTo']) expect(md).not.toHaveProperty(member);
}

/** A documented refusal whose error AWS was not recorded giving: refused (4xx), key untouched, answer recorded. */
async function expectRefusedAndUntouched(kms: SpecContext, label: string, expiration: Expiration): Promise<void> {
  const { key, send } = await importWith(kms.primary, label, expiration);
  kms.observe('answer', await expectClientError(send()));
  await expectUntouched(kms.primary, key.KeyId!);
}

requirement(
  {
    id: 'IKM-10',
    statement: 'An import with neither ExpirationModel nor ValidTo is refused with ValidationException and HTTP 400, and the key stays PendingImport without material',
    operation: OP,
    source: { url: API, section: 'Request Parameters: ExpirationModel (default KEY_MATERIAL_EXPIRES), ValidTo', groundTruth: 'REQ-I2' },
    evidence: 'recorded',
    strength: 'must',
  },
  async (kms) => {
    const { key, send } = await importWith(kms.primary, 'IKM-10', {});
    await expectKmsError(send(), 'ValidationException', 400);
    await expectUntouched(kms.primary, key.KeyId!);
  },
);

requirement(
  {
    id: 'IKM-11',
    statement: "That ValidationException reads 'A validTo date must be set if the ExpirationModel is KEY_MATERIAL_EXPIRES'",
    operation: OP,
    source: { url: API, section: 'Request Parameters: ExpirationModel', groundTruth: 'REQ-I2, f#4' },
    evidence: 'recorded',
    strength: 'should',
  },
  async (kms) => {
    const { send } = await importWith(kms.primary, 'IKM-11', {});
    const e = await expectKmsError(send(), 'ValidationException');
    expect(e.message).toBe('A validTo date must be set if the ExpirationModel is KEY_MATERIAL_EXPIRES');
  },
);

requirement(
  {
    id: 'IKM-12',
    statement: 'ExpirationModel KEY_MATERIAL_EXPIRES given explicitly without ValidTo is refused with a client error, and the key stays PendingImport without material',
    operation: OP,
    source: { url: API, section: 'Request Parameters: ExpirationModel, ValidTo', groundTruth: 'REQ-I2' },
    evidence: 'documented',
    strength: 'must',
  },
  (kms) => expectRefusedAndUntouched(kms, 'IKM-12', { ExpirationModel: 'KEY_MATERIAL_EXPIRES' }),
);

requirement(
  {
    id: 'IKM-13',
    statement: 'ExpirationModel KEY_MATERIAL_DOES_NOT_EXPIRE together with a ValidTo is refused with a client error, and the key stays PendingImport without material',
    operation: OP,
    source: { url: API, section: 'Request Parameters: ValidTo (not valid unless the material expires)', groundTruth: 'REQ-I3' },
    evidence: 'documented',
    strength: 'must',
  },
  (kms) => expectRefusedAndUntouched(kms, 'IKM-13', { ExpirationModel: 'KEY_MATERIAL_DOES_NOT_EXPIRE', ValidTo: daysFromNow(30) }),
);

requirement(
  {
    id: 'IKM-14',
    statement: 'A ValidTo in the past is refused with a client error, and the key stays PendingImport without material',
    operation: OP,
    source: { url: API, section: 'Request Parameters: ValidTo (must be a future date and time)', groundTruth: 'REQ-I4' },
    evidence: 'documented',
    strength: 'must',
  },
  (kms) => expectRefusedAndUntouched(kms, 'IKM-14', { ExpirationModel: 'KEY_MATERIAL_EXPIRES', ValidTo: daysFromNow(-1) }),
);

requirement(
  {
    id: 'IKM-15',
    statement: 'A ValidTo more than 365 days ahead is refused with a client error, and the key stays PendingImport without material',
    operation: OP,
    source: { url: API, section: 'Request Parameters: ValidTo (at most 365 days from the request)', groundTruth: 'REQ-I4' },
    evidence: 'documented',
    strength: 'must',
  },
  (kms) => expectRefusedAndUntouched(kms, 'IKM-15', { ExpirationModel: 'KEY_MATERIAL_EXPIRES', ValidTo: daysFromNow(370) }),
);

requirement(
  {
    id: 'IKM-16',
    statement: 'KEY_MATERIAL_EXPIRES with a ValidTo inside the year is accepted: the key becomes Enabled and DescribeKey reports that model and that ValidTo',
    operation: OP,
    source: { url: API, section: 'Request Parameters: ExpirationModel, ValidTo', groundTruth: 'REQ-I5, REQ-I1' },
    evidence: 'documented',
    strength: 'must',
  },
  async (kms) => {
    const validTo = daysFromNow(30);
    const { key, send } = await importWith(kms.primary, 'IKM-16', { ExpirationModel: 'KEY_MATERIAL_EXPIRES', ValidTo: validTo });
    await send();
    const md = await describeKey(kms.primary, key.KeyId!);
    expect(md).toMatchObject({ KeyState: 'Enabled', Enabled: true, ExpirationModel: 'KEY_MATERIAL_EXPIRES' });
    expect(md.ValidTo?.getTime()).toBe(validTo.getTime());
  },
);
