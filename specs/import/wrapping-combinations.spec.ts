/**
 * Every wrapping key spec with every wrapping algorithm, end to end: the public key GetParametersForImport
 * answers has the requested size, material wrapped with it imports, the key then encrypts and decrypts,
 * and the same material imports again through a different wrapping pair (which only works when the
 * target really unwrapped the same bytes both times). One requirement per wrapping key spec.
 * @see https://docs.aws.amazon.com/kms/latest/APIReference/API_GetParametersForImport.html
 * @see https://docs.aws.amazon.com/kms/latest/developerguide/importing-keys-get-public-key-and-token.html
 */
import { createPublicKey, randomBytes } from 'node:crypto';
import { DecryptCommand, EncryptCommand, type KMSClient } from '@aws-sdk/client-kms';
import { expect } from 'vitest';
import { createExternalKey, describeKey, importKeyMaterial, newKeyMaterial, WRAPPING_ALGORITHMS, type WrappingKeySpec } from '#harness/kms/index.ts';
import { requirement } from '#harness/spec/index.ts';

const API = 'https://docs.aws.amazon.com/kms/latest/APIReference/API_GetParametersForImport.html';
const OP = 'GetParametersForImport';

const encrypt = async (client: KMSClient, keyId: string, plaintext: Buffer) =>
  (await client.send(new EncryptCommand({ KeyId: keyId, Plaintext: plaintext }))).CiphertextBlob!;

async function decrypt(client: KMSClient, keyId: string, ciphertext: Uint8Array): Promise<Buffer> {
  const { Plaintext } = await client.send(new DecryptCommand({ KeyId: keyId, CiphertextBlob: ciphertext }));
  return Buffer.from(Plaintext!);
}

/** Imports fresh material through `spec` × each algorithm into a fresh key, and proves it arrived intact. */
async function checkEveryAlgorithm(client: KMSClient, spec: WrappingKeySpec, bits: number, label: string): Promise<void> {
  for (const algorithm of WRAPPING_ALGORITHMS) {
    const key = await createExternalKey(client, `${label} ${spec} ${algorithm}`);
    const material = newKeyMaterial();
    // The wrapping key's size first: a target that hands out a smaller key fails here, naming the
    // algorithm, rather than later as material that could not be unwrapped.
    const checkSize = (params: { PublicKey?: Uint8Array }) => {
      const publicKey = createPublicKey({ key: Buffer.from(params.PublicKey!), format: 'der', type: 'spki' });
      expect({ algorithm, type: publicKey.asymmetricKeyType, bits: publicKey.asymmetricKeyDetails?.modulusLength }, `the ${spec} wrapping key GetParametersForImport answered for ${algorithm}`).toEqual({ algorithm, type: 'rsa', bits });
    };
    const { response } = await importKeyMaterial(client, key.KeyId!, material, { spec, algorithm, beforeImport: checkSize });
    expect({ algorithm, keyId: response.KeyId }).toEqual({ algorithm, keyId: key.Arn });
    expect(await describeKey(client, key.KeyId!)).toMatchObject({ KeyState: 'Enabled', Enabled: true });

    const plaintext = randomBytes(32);
    const ciphertext = await encrypt(client, key.KeyId!, plaintext);
    expect((await decrypt(client, key.KeyId!, ciphertext)).equals(plaintext)).toBe(true);

    // The same bytes through another wrapping pair (RSAES_OAEP_SHA_256 with RSA_2048): accepted as the
    // key's own material, and the earlier ciphertext still decrypts.
    await importKeyMaterial(client, key.KeyId!, material);
    expect((await decrypt(client, key.KeyId!, ciphertext)).equals(plaintext)).toBe(true);
  }
}

const SPECS: readonly { id: string; spec: WrappingKeySpec; bits: number }[] = [
  { id: 'GPFI-20', spec: 'RSA_2048', bits: 2048 },
  { id: 'GPFI-21', spec: 'RSA_3072', bits: 3072 },
  { id: 'GPFI-22', spec: 'RSA_4096', bits: 4096 },
];

for (const { id, spec, bits } of SPECS) {
  requirement(
    {
      id,
      statement: `The ${spec} wrapping key spec works with each of RSAES_OAEP_SHA_1/256 and RSA_AES_KEY_WRAP_SHA_1/256: material imports, the key encrypts and decrypts, and the same material imports again`,
      operation: OP,
      source: { url: API, section: 'Request Parameters: WrappingAlgorithm, WrappingKeySpec', groundTruth: 'REQ-G4, REQ-G5, REQ-G7, REQ-I8' },
      evidence: 'documented',
      strength: 'must',
    },
    (kms) => checkEveryAlgorithm(kms.primary, spec, bits, id),
    { timeout: 180_000 },
  );
}
