/**
 * Signed requests that are well-formed HTTP but hostile as input: each is answered as AWS answers a
 * bad input (a 4xx ValidationException or SerializationException), never a 500, and no key changes.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { createReferenceKms, type ReferenceKms } from '../index.ts';
import { TestClock } from '../test-support/clock.ts';
import { readAnswer, signRequest, type JsonAnswer } from '../test-support/signed-request.ts';
import { cachedPairGenerator, wrapKeyMaterial } from '../test-support/wrapping.ts';

const clock = new TestClock();
const URL_BASE = 'http://kms.test';
let kms: ReferenceKms;

beforeAll(() => {
  kms = createReferenceKms({ now: clock.now, log: () => undefined, wrappingKeyGenerator: cachedPairGenerator });
});

/** `body` as given: a string goes verbatim, so JSON members like `__proto__` reach the server. */
async function call(operation: string, body: string | object): Promise<JsonAnswer> {
  const { url, init } = await signRequest({ url: URL_BASE, operation, body, signingDate: clock.now() });
  return readAnswer(await kms.fetch(new Request(url, init)));
}

async function keyId(origin?: 'EXTERNAL'): Promise<string> {
  const created = await call('CreateKey', origin ? { Origin: origin } : {});
  return (created.body!.KeyMetadata as { KeyId: string }).KeyId;
}

function expectClientError(a: JsonAnswer, type: string): void {
  expect(a.status, a.text.slice(0, 300)).toBe(400);
  expect(a.body?.__type).toBe(type);
}

describe('an encryption context member named __proto__', () => {
  it('is part of the context: the ciphertext decrypts with it and with nothing else', async () => {
    const id = await keyId();
    const encrypted = await call('Encrypt', `{"KeyId":"${id}","Plaintext":"aGVsbG8=","EncryptionContext":{"__proto__":"tenant-A"}}`);
    expect(encrypted.status).toBe(200);
    const blob = encrypted.body!.CiphertextBlob as string;
    expectClientError(await call('Decrypt', { CiphertextBlob: blob }), 'InvalidCiphertextException');
    expectClientError(await call('Decrypt', `{"CiphertextBlob":"${blob}","EncryptionContext":{"__proto__":"tenant-B"}}`), 'InvalidCiphertextException');
    const decrypted = await call('Decrypt', `{"CiphertextBlob":"${blob}","EncryptionContext":{"__proto__":"tenant-A"}}`);
    expect(decrypted.status).toBe(200);
    expect(decrypted.body!.Plaintext).toBe('aGVsbG8=');
  });
});

describe('inputs that used to overflow the stack', () => {
  // The grouped base64 pattern overflowed the stack from a few MiB on (3.5 MiB on one machine, 8 here):
  // in-process, with no body cap in front, as a test double embedded in another program meets it.
  it('a base64 blob of 8 MiB is a ValidationException (too long), not a 500', async () => {
    const a = await call('Encrypt', { KeyId: await keyId(), Plaintext: 'A'.repeat(8 * 1024 * 1024) });
    expectClientError(a, 'ValidationException');
    expect(a.body!.message).toContain("at 'plaintext' failed to satisfy constraint: Member must have length less than or equal to 4096");
  });

  it('GrantTokens items nested 5,000 deep are a SerializationException, not a 500', async () => {
    const nested = `${'['.repeat(5000)}${']'.repeat(5000)}`;
    expectClientError(await call('DescribeKey', `{"KeyId":"${await keyId()}","GrantTokens":[${Array(11).fill(nested).join(',')}]}`), 'SerializationException');
  });
});

describe('ValidTo beyond what a date can hold', () => {
  it.each([1e13, 1e20])('ValidTo %d is refused like any ValidTo more than 365 days ahead; the key stays PendingImport', async (validTo) => {
    const id = await keyId('EXTERNAL');
    const params = await call('GetParametersForImport', { KeyId: id, WrappingAlgorithm: 'RSAES_OAEP_SHA_256', WrappingKeySpec: 'RSA_2048' });
    const wrapped = wrapKeyMaterial(Buffer.from(params.body!.PublicKey as string, 'base64'), 'RSAES_OAEP_SHA_256', Buffer.alloc(32, 7));
    const a = await call('ImportKeyMaterial', `{"KeyId":"${id}","ImportToken":"${params.body!.ImportToken as string}","EncryptedKeyMaterial":"${wrapped.toString('base64')}","ExpirationModel":"KEY_MATERIAL_EXPIRES","ValidTo":${validTo}}`);
    expectClientError(a, 'ValidationException');
    const described = await call('DescribeKey', { KeyId: id });
    expect(described.body!.KeyMetadata).toMatchObject({ KeyState: 'PendingImport', Enabled: false });
    expect(described.body!.KeyMetadata).not.toHaveProperty('ValidTo');
  });
});

describe('oversized strings', () => {
  it('a 5 MiB Description is refused with a short message, not echoed whole', async () => {
    const a = await call('CreateKey', { Description: 'd'.repeat(5 * 1024 * 1024) });
    expectClientError(a, 'ValidationException');
    expect(a.text.length).toBeLessThan(2_000);
    expect(a.body!.message).toMatch(/^1 validation error detected: Value 'd{256}…\(5242880 characters\)' at 'description' failed to satisfy constraint: Member must have length less than or equal to 8192$/);
  });
});
