/**
 * Encrypt then Decrypt: a round trip when Enabled, and the key's first ciphertext decrypts again
 * (same material after a reimport, REQ-I9); refused by state otherwise (REQ-S6, REQ-D7).
 */
import { DecryptCommand, EncryptCommand } from '@aws-sdk/client-kms';
import { randomBytes } from 'node:crypto';
import { expect } from 'vitest';
import { rules, type LifecycleModel } from '../model.ts';
import { perform } from '../perform.ts';
import type { LifecycleReal, RealKey } from '../real.ts';
import { KeyCommand } from './key-command.ts';

async function roundTrip(r: LifecycleReal, key: RealKey, label: string): Promise<void> {
  const plaintext = randomBytes(16);
  const { CiphertextBlob } = await r.kms.primary.send(new EncryptCommand({ KeyId: key.keyId, Plaintext: plaintext }));
  const back = await r.kms.primary.send(new DecryptCommand({ KeyId: key.keyId, CiphertextBlob }));
  expect(Buffer.from(back.Plaintext ?? []), `${label}: Decrypt returns the plaintext`).toEqual(plaintext);
  if (!key.firstCiphertext) {
    key.firstCiphertext = { blob: CiphertextBlob!, plaintext };
    return;
  }
  const first = await r.kms.primary.send(new DecryptCommand({ KeyId: key.keyId, CiphertextBlob: key.firstCiphertext.blob }));
  expect(Buffer.from(first.Plaintext ?? []), `${label}: the key's first ciphertext still decrypts`).toEqual(key.firstCiphertext.plaintext);
}

export class EncryptDecryptCommand extends KeyCommand {
  async run(m: LifecycleModel, r: LifecycleReal): Promise<void> {
    const { model, real } = this.pick(m, r);
    const outcome = rules.encrypt(model);
    const call = outcome.ok
      ? () => roundTrip(r, real, this.toString())
      : () => r.kms.primary.send(new EncryptCommand({ KeyId: real.keyId, Plaintext: randomBytes(16) }));
    model.state = await perform(r, model, real, this.toString(), outcome, call);
  }

  toString(): string {
    return `EncryptDecrypt(${this.name})`;
  }
}
