/**
 * @module harness/kms
 * KMS building blocks for specs: key creation, material import, client-side wrapping.
 */
export * from './keys.ts';
export * from './wrap.ts';
export * from './expect-key.ts';
export * from './key-specs.ts';
export * from './material.ts';
export * from './offline.ts';
export { asyncWaitMs, eventually, type EventuallyOptions } from './consistency.ts';
export * from './multi-region.ts';
