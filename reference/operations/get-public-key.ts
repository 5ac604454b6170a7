/**
 * @module reference/operations/get-public-key
 * GetPublicKey: the DER SubjectPublicKeyInfo of an asymmetric key, with its spec, usage and the
 * algorithm list of that usage (ground truth §2.12). For an imported key it is the SPKI of the
 * imported private key (CRY-098).
 */
import { publicKeyDer } from '../crypto/key-pairs.ts';
import { algorithmLists, KEY_SPECS } from '../crypto/key-specs.ts';
import { kmsError } from '../errors.ts';
import { legacySpec } from '../model/key.ts';
import { defineOperation } from './define.ts';
import { CRYPTOGRAPHIC } from './key-states.ts';
import { materialBytes } from './key-use.ts';

export const getPublicKey = defineOperation({
  name: 'GetPublicKey',
  keys: { states: CRYPTOGRAPHIC, aliases: true, crossAccount: true },
  async handle(input, { keys }) {
    const key = keys.require(input.KeyId);
    const family = KEY_SPECS[key.keySpec].family;
    // The model lists UnsupportedOperationException and InvalidKeyUsageException; which one AWS
    // answers for a symmetric or HMAC key is not known (CRY-099).
    if (family === 'symmetric' || family === 'hmac') {
      throw kmsError('UnsupportedOperationException', `${key.arn} key spec ${key.keySpec} has no public key.`);
    }
    const legacy = legacySpec(key.keySpec);
    return {
      KeyId: key.arn,
      PublicKey: publicKeyDer(key.keySpec, materialBytes(key)),
      ...(legacy && { CustomerMasterKeySpec: legacy }),
      KeySpec: key.keySpec,
      KeyUsage: key.keyUsage,
      ...algorithmLists(key.keySpec, key.keyUsage),
    };
  },
});
