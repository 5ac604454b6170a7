/**
 * @module reference/operations/mac
 * GenerateMac and VerifyMac: RFC 2104 HMAC with the key's material. VerifyMac never answers
 * MacValid false: a mismatch is KMSInvalidMacException with no message (recorded, CRY-093).
 */
import { hmac, hmacMatches } from '../crypto/primitives.ts';
import { kmsError } from '../errors.ts';
import type { KmsKey } from '../model/key.ts';
import { defineOperation } from './define.ts';
import { CRYPTOGRAPHIC } from './key-states.ts';
import { materialBytes, requireAlgorithm, requireUsage, stopIfDryRun } from './key-use.ts';

function requireMacKey(key: KmsKey, op: 'GenerateMac' | 'VerifyMac', algorithm: string): void {
  requireUsage(key, 'GENERATE_VERIFY_MAC', op);
  requireAlgorithm(key, 'MacAlgorithms', algorithm);
}

export const generateMac = defineOperation({
  name: 'GenerateMac',
  keys: { states: CRYPTOGRAPHIC, aliases: true, crossAccount: true },
  async handle(input, { keys }) {
    const key = keys.require(input.KeyId);
    requireMacKey(key, 'GenerateMac', input.MacAlgorithm);
    stopIfDryRun(input);
    return { Mac: hmac(input.MacAlgorithm, materialBytes(key), input.Message), MacAlgorithm: input.MacAlgorithm, KeyId: key.arn };
  },
});

export const verifyMac = defineOperation({
  name: 'VerifyMac',
  keys: { states: CRYPTOGRAPHIC, aliases: true, crossAccount: true },
  async handle(input, { keys }) {
    const key = keys.require(input.KeyId);
    requireMacKey(key, 'VerifyMac', input.MacAlgorithm);
    if (!hmacMatches(input.MacAlgorithm, materialBytes(key), input.Message, input.Mac)) throw kmsError('KMSInvalidMacException');
    stopIfDryRun(input);
    return { KeyId: key.arn, MacValid: true, MacAlgorithm: input.MacAlgorithm };
  },
});
