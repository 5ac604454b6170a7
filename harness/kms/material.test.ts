import { createPrivateKey } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { privateKeyMaterial } from './material.ts';

describe('privateKeyMaterial', () => {
  it('makes one RSA pair per spec in a process, handing out copies', async () => {
    const a = await privateKeyMaterial('RSA_2048');
    const b = await privateKeyMaterial('RSA_2048');
    expect(b.material.equals(a.material)).toBe(true);
    a.material.fill(0);
    expect((await privateKeyMaterial('RSA_2048')).material.equals(b.material)).toBe(true);
    expect(createPrivateKey({ key: b.material, format: 'der', type: 'pkcs8' }).asymmetricKeyDetails?.modulusLength).toBe(2048);
  });

  it('makes a fresh RSA pair when asked, and a fresh ECC pair every time', async () => {
    const once = await privateKeyMaterial('RSA_2048');
    expect((await privateKeyMaterial('RSA_2048', { fresh: true })).material.equals(once.material)).toBe(false);
    const [p, q] = await Promise.all([privateKeyMaterial('ECC_NIST_P256'), privateKeyMaterial('ECC_NIST_P256')]);
    expect(p.material.equals(q.material)).toBe(false);
  });
});
