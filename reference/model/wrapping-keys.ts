/**
 * @module reference/model/wrapping-keys
 * RSA wrapping key pairs for GetParametersForImport. Every call gets a fresh pair (REQ-G7); since a
 * 4096-bit pair takes a noticeable time to generate, a small pool per spec is filled ahead of use in
 * the background. A pair is handed out once and never again.
 */
import { generateKeyPair, type KeyObject } from 'node:crypto';
import { promisify } from 'node:util';

const generate = promisify(generateKeyPair);

export type WrappingKeySpec = 'RSA_2048' | 'RSA_3072' | 'RSA_4096';
export interface WrappingKeyPair {
  publicKey: KeyObject;
  privateKey: KeyObject;
}
export type PairGenerator = (spec: WrappingKeySpec) => Promise<WrappingKeyPair>;

const BITS: Record<WrappingKeySpec, number> = { RSA_2048: 2048, RSA_3072: 3072, RSA_4096: 4096 };

/** Generates a real RSA pair of the spec's modulus size. */
export const rsaPairGenerator: PairGenerator = async (spec) => {
  const { publicKey, privateKey } = await generate('rsa', { modulusLength: BITS[spec] });
  return { publicKey, privateKey };
};

export class WrappingKeyPool {
  private readonly ready = new Map<WrappingKeySpec, Promise<WrappingKeyPair>[]>();

  constructor(
    private readonly generator: PairGenerator = rsaPairGenerator,
    private readonly depth = 1,
  ) {}

  /** Takes a never-used pair for `spec`, and starts generating its replacement. */
  take(spec: WrappingKeySpec): Promise<WrappingKeyPair> {
    const queue = this.queue(spec);
    const next = queue.shift() ?? this.spawn(spec);
    while (queue.length < this.depth) queue.push(this.spawn(spec));
    return next;
  }

  private queue(spec: WrappingKeySpec): Promise<WrappingKeyPair>[] {
    let q = this.ready.get(spec);
    if (!q) {
      q = [];
      this.ready.set(spec, q);
    }
    return q;
  }

  private spawn(spec: WrappingKeySpec): Promise<WrappingKeyPair> {
    const p = this.generator(spec);
    // A pre-generated pair nobody takes must not surface as an unhandled rejection.
    p.catch(() => undefined);
    return p;
  }
}
