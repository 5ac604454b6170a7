/**
 * Input validation worded as AWS words it (ground truth REQ-P6…P12): one ValidationException
 * listing every constraint violation, lowerCamelCase member paths, sensitive values withheld; a
 * value of the wrong JSON type is a SerializationException instead.
 */
import { describe, expect, it } from 'vitest';
import { expectThrownKmsError } from '../test-support/expect-kms-error.ts';
import { OPERATIONS, type OperationName } from '../api/kms-api.generated.ts';
import { validateInput } from './validate.ts';

const shape = (operation: string) => OPERATIONS[operation as OperationName].input;
const validate = (operation: string, input: Record<string, unknown>) => () => validateInput(input, shape(operation));
const ONE = '1 validation error detected: ';

describe('single violations', () => {
  it('empty KeyId: the recorded message', () => {
    expectThrownKmsError(
      validate('DescribeKey', { KeyId: '' }),
      'ValidationException',
      "1 validation error detected: Value '' at 'keyId' failed to satisfy constraint: Member must have length greater than or equal to 1",
    );
  });

  it('missing KeyId: Value null … Member must not be null', () => {
    expectThrownKmsError(
      validate('DeleteImportedKeyMaterial', {}),
      'ValidationException',
      "1 validation error detected: Value null at 'keyId' failed to satisfy constraint: Member must not be null",
    );
  });

  it('an explicit null is the same as a missing member', () => {
    expectThrownKmsError(validate('DescribeKey', { KeyId: null }), 'ValidationException', `${ONE}Value null at 'keyId' failed to satisfy constraint: Member must not be null`);
  });

  it('KeyId of 2049 characters: length less than or equal to 2048', () => {
    const id = 'k'.repeat(2049);
    expectThrownKmsError(
      validate('DescribeKey', { KeyId: id }),
      'ValidationException',
      `${ONE}Value '${id}' at 'keyId' failed to satisfy constraint: Member must have length less than or equal to 2048`,
    );
  });

  it('4097-byte Plaintext: the message omits the value', () => {
    const plaintext = Buffer.alloc(4097, 0x41).toString('base64');
    const err = expectThrownKmsError(
      validate('Encrypt', { KeyId: 'k', Plaintext: plaintext }),
      'ValidationException',
      `${ONE}Value at 'plaintext' failed to satisfy constraint: Member must have length less than or equal to 4096`,
    );
    expect(err.wireMessage).not.toContain('QUFB');
  });

  it('4096-byte Plaintext is accepted and decoded to bytes', () => {
    const out = validateInput({ KeyId: 'k', Plaintext: Buffer.alloc(4096, 1).toString('base64') }, shape('Encrypt'));
    expect(out.Plaintext).toEqual(Buffer.alloc(4096, 1));
  });

  it('a bad enum value lists the allowed set', () => {
    expectThrownKmsError(
      validate('GetParametersForImport', { KeyId: 'k', WrappingAlgorithm: 'RSA_PLAIN', WrappingKeySpec: 'RSA_2048' }),
      'ValidationException',
      `${ONE}Value 'RSA_PLAIN' at 'wrappingAlgorithm' failed to satisfy constraint: Member must satisfy enum value set: ` +
        '[RSAES_PKCS1_V1_5, RSAES_OAEP_SHA_1, RSAES_OAEP_SHA_256, RSA_AES_KEY_WRAP_SHA_1, RSA_AES_KEY_WRAP_SHA_256, SM2PKE]',
    );
  });

  it('an integer out of range: value less than or equal to', () => {
    expectThrownKmsError(
      validate('GenerateDataKey', { KeyId: 'k', NumberOfBytes: 1025 }),
      'ValidationException',
      `${ONE}Value '1025' at 'numberOfBytes' failed to satisfy constraint: Member must have value less than or equal to 1024`,
    );
  });

  it('a KeyMaterialId that is not 64 lowercase hex digits breaks the pattern', () => {
    const id = 'A'.repeat(64);
    expectThrownKmsError(
      validate('DeleteImportedKeyMaterial', { KeyId: 'k', KeyMaterialId: id }),
      'ValidationException',
      `${ONE}Value '${id}' at 'keyMaterialId' failed to satisfy constraint: Member must satisfy regular expression pattern: ^[a-f0-9]+$`,
    );
  });

  it('a pattern without anchors must still match the whole value (Marker)', () => {
    const marker = 'abc\u0100';
    expectThrownKmsError(
      validate('ListKeys', { Marker: marker }),
      'ValidationException',
      `${ONE}Value '${marker}' at 'marker' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\u0020-\\u00FF]*`,
    );
    expect(validateInput({ Marker: 'abc' }, shape('ListKeys'))).toEqual({ Marker: 'abc' });
  });

  it('a nested member: the path is tags.<n>.member.<name>', () => {
    const tagKey = 'x'.repeat(129);
    expectThrownKmsError(
      validate('TagResource', { KeyId: 'k', Tags: [{ TagKey: 'ok', TagValue: 'v' }, { TagKey: tagKey, TagValue: 'v' }] }),
      'ValidationException',
      `${ONE}Value '${tagKey}' at 'tags.2.member.tagKey' failed to satisfy constraint: Member must have length less than or equal to 128`,
    );
  });

  it('a missing required member inside a list item: tags.1.member.tagValue', () => {
    expectThrownKmsError(
      validate('TagResource', { KeyId: 'k', Tags: [{ TagKey: 'k1' }] }),
      'ValidationException',
      `${ONE}Value null at 'tags.1.member.tagValue' failed to satisfy constraint: Member must not be null`,
    );
  });
});

describe('several violations', () => {
  it('two violations: "2 validation errors detected: …; …"', () => {
    expectThrownKmsError(
      validate('GenerateDataKey', { KeyId: '', NumberOfBytes: 0 }),
      'ValidationException',
      "2 validation errors detected: Value '' at 'keyId' failed to satisfy constraint: Member must have length greater than or equal to 1; " +
        "Value '0' at 'numberOfBytes' failed to satisfy constraint: Member must have value greater than or equal to 1",
    );
  });

  it('a missing and an invalid member in one request', () => {
    const err = expectThrownKmsError(validate('GetParametersForImport', { KeyId: 'k', WrappingKeySpec: 'RSA_1024' }), 'ValidationException');
    expect(err.wireMessage).toMatch(/^2 validation errors detected: /);
    expect(err.wireMessage).toContain("Value null at 'wrappingAlgorithm' failed to satisfy constraint: Member must not be null");
    expect(err.wireMessage).toContain("Value 'RSA_1024' at 'wrappingKeySpec' failed to satisfy constraint: Member must satisfy enum value set: [RSA_2048, RSA_3072, RSA_4096, SM2]");
  });
});

describe('wrong JSON types: SerializationException', () => {
  it.each([
    ['a number for a string', 'DescribeKey', { KeyId: 5 }],
    ['a string for an integer', 'ListKeys', { Limit: '10' }],
    ['a fraction for an integer', 'ListKeys', { Limit: 1.5 }],
    ['a string for a boolean', 'Encrypt', { KeyId: 'k', Plaintext: 'AA==', DryRun: 'true' }],
    ['a string for a timestamp', 'ImportKeyMaterial', { KeyId: 'k', ImportToken: 'AA==', EncryptedKeyMaterial: 'AA==', ValidTo: '2030-01-01' }],
    ['a non-base64 blob', 'Encrypt', { KeyId: 'k', Plaintext: 'not base64!' }],
    ['an object for a list', 'TagResource', { KeyId: 'k', Tags: { TagKey: 'a', TagValue: 'b' } }],
    ['a list for a map', 'Encrypt', { KeyId: 'k', Plaintext: 'AA==', EncryptionContext: ['a'] }],
  ])('%s', (_label, operation, input) => {
    expectThrownKmsError(validate(operation, input), 'SerializationException');
  });
});

describe('decoding', () => {
  it('timestamps become Dates from epoch seconds; unknown members are dropped', () => {
    const out = validateInput(
      { KeyId: 'k', ImportToken: 'AQ==', EncryptedKeyMaterial: 'Ag==', ValidTo: 1_800_000_000.5, Surprise: true },
      shape('ImportKeyMaterial'),
    );
    expect(out.ValidTo).toEqual(new Date(1_800_000_000_500));
    expect(out.ImportToken).toEqual(Buffer.from([1]));
    expect(out).not.toHaveProperty('Surprise');
  });
});

describe('the shapes are AWS model\'s own (botocore), not hand-kept copies', () => {
  it('CreateKey.Policy has the model\'s pattern: a control character is refused', () => {
    const err = expectThrownKmsError(validate('CreateKey', { Policy: '{"Version":"2012-10-17"}\u0001' }), 'ValidationException');
    expect(err.wireMessage).toContain("at 'policy' failed to satisfy constraint: Member must satisfy regular expression pattern");
  });

  it.each(['ML_KEM_512', 'ML_KEM_768', 'ML_KEM_1024'])('KeySpec %s is a model value', (spec) => {
    expect(validateInput({ KeySpec: spec, KeyUsage: 'ENCAPSULATE_DECAPSULATE' }, shape('CreateKey'))).toMatchObject({ KeySpec: spec });
  });

  it('Recipient is validated: an unknown KeyEncryptionAlgorithm is refused', () => {
    const err = expectThrownKmsError(
      validate('Decrypt', { CiphertextBlob: 'AA==', Recipient: { KeyEncryptionAlgorithm: 'RSA_PLAIN', AttestationDocument: 'AA==' } }),
      'ValidationException',
    );
    expect(err.wireMessage).toContain("at 'recipient.keyEncryptionAlgorithm' failed to satisfy constraint: Member must satisfy enum value set: [RSAES_OAEP_SHA_256]");
  });

  it('Recipient of the wrong JSON type is a SerializationException', () => {
    expectThrownKmsError(validate('GenerateDataKey', { KeyId: 'k', KeySpec: 'AES_256', Recipient: 'enclave' }), 'SerializationException');
  });

  it('Decrypt.DryRunModifiers and ListKeys.ResourceOwners are enums', () => {
    expect(expectThrownKmsError(validate('Decrypt', { CiphertextBlob: 'AA==', DryRunModifiers: ['IGNORE_EVERYTHING'] }), 'ValidationException').wireMessage)
      .toContain("at 'dryRunModifiers.1.member' failed to satisfy constraint: Member must satisfy enum value set: [IGNORE_CIPHERTEXT]");
    expect(expectThrownKmsError(validate('ListKeys', { ResourceOwners: ['NOBODY'] }), 'ValidationException').wireMessage)
      .toContain("at 'resourceOwners.1.member' failed to satisfy constraint: Member must satisfy enum value set: [SELF, OTHER_ACCOUNTS_VIA_RAM]");
  });

  it('Decrypt.CiphertextBlob is no longer required by the model', () => {
    expect(validateInput({ KeyId: 'k', DryRun: true, DryRunModifiers: ['IGNORE_CIPHERTEXT'] }, shape('Decrypt'))).toMatchObject({ KeyId: 'k' });
  });
});

describe('maps keep every key', () => {
  it('an encryption context member named __proto__ is an ordinary entry', () => {
    const input = JSON.parse('{"KeyId":"k","Plaintext":"AA==","EncryptionContext":{"__proto__":"tenant-A","b":"2"}}') as Record<string, unknown>;
    const out = validateInput(input, shape('Encrypt'));
    expect(Object.entries(out.EncryptionContext as object)).toEqual([['__proto__', 'tenant-A'], ['b', '2']]);
  });
});
