/**
 * Failure lines in KMS terms: the fields that differ with expected and answered values, long values
 * cut short around the difference with their length, an HTML page or a lost connection said as such.
 */
import { describe, expect, it } from 'vitest';
import { fieldDifferences, inKmsTerms, printable, shown } from './failure-words.ts';

/** The AssertionError vitest throws, caught. */
function assertionOf(check: () => void): unknown {
  try {
    check();
  } catch (e) {
    return e;
  }
  throw new Error('the assertion passed');
}

describe('inKmsTerms', () => {
  it('names the fields a toMatchObject found different, and only those', () => {
    const e = assertionOf(() => expect({ KeyState: 'Enabled', Enabled: true, KeyId: 'k', Description: 'x' }).toMatchObject({ KeyState: 'PendingImport', Enabled: false, KeyId: 'k' }));
    expect(inKmsTerms(e, undefined)).toBe("KeyState: expected 'PendingImport', got 'Enabled'; Enabled: expected false, got true");
  });

  it('says a field the target never reported is absent, and keeps the label', () => {
    const e = assertionOf(() => expect({ KeyState: 'Enabled' }, 'after DeleteImportedKeyMaterial').toMatchObject({ KeyState: 'Enabled', CurrentKeyMaterialId: 'abc' }));
    expect(inKmsTerms(e, undefined)).toBe("after DeleteImportedKeyMaterial: CurrentKeyMaterialId: expected 'abc', got absent");
  });

  it('says which member toHaveProperty found or missed, with its value, instead of the whole object', () => {
    const present = assertionOf(() => expect({ KeyId: 'k', ExpirationModel: 'KEY_MATERIAL_DOES_NOT_EXPIRE' }).not.toHaveProperty('ExpirationModel'));
    expect(inKmsTerms(present, undefined)).toBe("ExpirationModel: expected no such member, the answer has 'KEY_MATERIAL_DOES_NOT_EXPIRE'");
    const missing = assertionOf(() => expect({ KeyId: 'k' }, 'after the import').toHaveProperty('ValidTo'));
    expect(inKmsTerms(missing, undefined)).toBe('after the import: ValidTo: expected the member, the answer has none');
  });

  it('finds differences in nested members, and says nothing where deep equality is already exact', () => {
    const e = assertionOf(() => expect({ algorithm: 'RSAES_OAEP_SHA_1', limits: { max: 214 } }).toEqual({ algorithm: 'RSAES_OAEP_SHA_1', limits: { max: 190 } }));
    expect(inKmsTerms(e, undefined)).toBe('limits.max: expected 190, got 214');
  });

  it('cuts long strings short around the first difference, with their length', () => {
    const arn = `arn:aws:kms:us-east-1:123456789012:key/${'a'.repeat(2000)}`;
    const e = assertionOf(() => expect(`${arn}X`).toBe(`${arn}Y`));
    const words = inKmsTerms(e, undefined)!;
    expect(words).toMatch(/expected '…a+Y' \(2,040 characters\), got '…a+X' \(2,040 characters\)$/);
    expect(words.length).toBeLessThan(300);
  });

  it('says an HTML answer is an HTML page, with its title and status', () => {
    const last = { operation: 'ReplicateKey', principal: 'primary', via: 'sdk', request: { method: 'POST', path: '/', headers: {}, body: {} }, response: { status: 500, headers: {}, body: '<!doctype html><html><head><title>Internal Server Error</title></head></html>' }, durationMs: 1, at: '' } as const;
    expect(inKmsTerms(new SyntaxError('Unexpected token \'<\', "<!doctype "... is not valid JSON'), last)).toBe('the target answered ReplicateKey with HTTP 500 and an HTML page titled "Internal Server Error", not a KMS JSON answer');
  });

  it('says lists whole (cut with their length when long) and what is missing or not expected', () => {
    const e = assertionOf(() => expect([], 'MacAlgorithms').toEqual(['HMAC_SHA_256']));
    expect(inKmsTerms(e, undefined)).toBe("MacAlgorithms: expected [\"HMAC_SHA_256\"], got []; missing [\"HMAC_SHA_256\"]");
    const order = assertionOf(() => expect(['KeyId', 'Plaintext']).toEqual(['Plaintext', 'KeyId']));
    expect(inKmsTerms(order, undefined)).toMatch(/; the same items in another order$/);
    const extra = assertionOf(() => expect(['CiphertextBlob', 'KeyId', 'EncryptionAlgorithm', 'KeyMaterialId']).toEqual(['CiphertextBlob', 'KeyId', 'EncryptionAlgorithm']));
    expect(inKmsTerms(extra, undefined)).toMatch(/; not expected \["KeyMaterialId"\]$/);
  });

  it('says a plain-text answer as the text the target sent, also inside a longer failure line', () => {
    const last = { operation: 'DescribeCustomKeyStores', response: { status: 501, headers: {}, body: 'Passed X-Amz-Target (TrentService.DescribeCustomKeyStores) is not implemented' } } as never;
    const whole = new SyntaxError('Unexpected token \'P\', "Passed X-A"... is not valid JSON');
    expect(inKmsTerms(whole, last)).toBe("the target answered DescribeCustomKeyStores with HTTP 501 and the text 'Passed X-Amz-Target (TrentService.DescribeCustomKeyStores) is not implemented', not a KMS JSON answer");
    const inside = new Error('expected CustomKeyStoreNotFoundException (HTTP 400) but got SyntaxError (HTTP 501): Unexpected token \'P\', "Passed X-A"... is not valid JSON');
    expect(inKmsTerms(inside, last)).toBe("expected CustomKeyStoreNotFoundException (HTTP 400) but got the text 'Passed X-Amz-Target (TrentService.DescribeCustomKeyStores) is not implemented' (HTTP 501, not KMS JSON)");
    const refused = new Error('CreateGrant on a key in Disabled was refused with SyntaxError (HTTP 501), not DisabledException');
    expect(inKmsTerms(refused, last)).toBe("CreateGrant on a key in Disabled was refused with the text 'Passed X-Amz-Target (TrentService.DescribeCustomKeyStores) is not implemented' (HTTP 501, not KMS JSON), not DisabledException");
  });

  it('says a lost connection as such, and leaves messages that are already words alone', () => {
    const last = { operation: 'Encrypt', principal: 'primary', via: 'sdk', request: { method: 'POST', path: '/', headers: {}, body: {} }, error: 'connect ECONNREFUSED 127.0.0.1:9', durationMs: 1, at: '' } as const;
    expect(inKmsTerms(new TypeError('fetch failed'), last)).toBe('the target did not answer Encrypt: connect ECONNREFUSED 127.0.0.1:9');
    expect(inKmsTerms(new Error('Encrypt succeeded on a key in Disabled'), undefined)).toBeUndefined();
  });
});

describe('printable', () => {
  it('turns bytes a target echoed back undecoded into a count, and leaves text alone', () => {
    expect(printable("Value '\ufffd\u000c\ufffd\ufffd?C' at 'plaintext' failed")).toBe("Value '<12 bytes>' at 'plaintext' failed");
    expect(printable('KeyState: expected \'Enabled\', got \'Disabled\'')).toBe("KeyState: expected 'Enabled', got 'Disabled'");
  });
});

describe('shown and fieldDifferences', () => {
  it('quotes strings, says absent, and lists every differing field of a full comparison', () => {
    expect(shown('x')).toBe("'x'");
    expect(shown(undefined)).toBe('absent');
    expect(fieldDifferences({ a: 1 }, { a: 1, b: 2 }, false)).toEqual(['b: not expected, got 2']);
  });
});
