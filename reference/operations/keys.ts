/**
 * @module reference/operations/keys
 * Key lifecycle handlers: CreateKey, DescribeKey, ListKeys, EnableKey, DisableKey,
 * ScheduleKeyDeletion, CancelKeyDeletion.
 */
import { kmsError } from '../errors.ts';
import { keyArn } from '../model/arn.ts';
import { epochSeconds, keyMetadata, type KeySpec, type KeyUsage, type KmsKey, type Origin } from '../model/key.ts';
import { materialIdFor } from '../model/key-material.ts';
import type { Handler } from './context.ts';
import { allMaterialsPresent } from './material-lifecycle.ts';
import { pageOutput, paginate } from './pagination.ts';
import { requireKey, settle } from './require-key.ts';
import { tagsFromInput } from './tags.ts';

const DAY_MS = 86_400_000;

export const createKey: Handler = async (input, ctx) => {
  if (input.KeySpec && input.CustomerMasterKeySpec) {
    throw kmsError('ValidationException', 'KeySpec and CustomerMasterKeySpec cannot both be given; use KeySpec.');
  }
  const keySpec = (input.KeySpec ?? input.CustomerMasterKeySpec ?? 'SYMMETRIC_DEFAULT') as KeySpec;
  const keyUsage = (input.KeyUsage ?? 'ENCRYPT_DECRYPT') as KeyUsage;
  const origin = (input.Origin ?? 'AWS_KMS') as Origin;
  // The model is ready for other specs; the reference implements symmetric encryption keys for now.
  if (keySpec !== 'SYMMETRIC_DEFAULT' || keyUsage !== 'ENCRYPT_DECRYPT') {
    throw kmsError('UnsupportedOperationException', `The reference endpoint does not implement ${keySpec} keys with usage ${keyUsage}.`);
  }
  if (origin === 'AWS_CLOUDHSM' || origin === 'EXTERNAL_KEY_STORE' || input.CustomKeyStoreId) {
    throw kmsError('UnsupportedOperationException', 'The reference endpoint has no custom key stores.');
  }
  if (input.MultiRegion === true) throw kmsError('UnsupportedOperationException', 'The reference endpoint does not implement multi-Region keys.');
  const tags = tagsFromInput(input.Tags);
  const keyId = ctx.uuid();
  const key: KmsKey = {
    keyId,
    arn: keyArn(ctx.partition, ctx.regionName, ctx.accountId, keyId),
    accountId: ctx.accountId,
    region: ctx.regionName,
    creationDate: ctx.now(),
    description: (input.Description as string | undefined) ?? '',
    keyUsage,
    keySpec,
    origin,
    // Keys for imported material start without material (REQ-C1).
    state: origin === 'EXTERNAL' ? 'PendingImport' : 'Enabled',
    materials: [],
    tags,
  };
  if (origin === 'AWS_KMS') {
    const bytes = ctx.randomBytes(32);
    key.materials.push({ id: materialIdFor(keyId, bytes), bytes, state: 'CURRENT' });
  }
  ctx.region.keys.set(keyId, key);
  return { KeyMetadata: keyMetadata(key) };
};

export const describeKey: Handler = async (input, ctx) => {
  return { KeyMetadata: keyMetadata(requireKey(ctx, input.KeyId as string, 'DescribeKey')) };
};

export const listKeys: Handler = async (input, ctx) => {
  const live = [...ctx.region.keys.values()].filter((k) => settle(ctx, k));
  const page = paginate(live, input.Limit as number | undefined, input.Marker as string | undefined, 100);
  return pageOutput('Keys', { ...page, items: page.items.map((k) => ({ KeyId: k.keyId, KeyArn: k.arn })) });
};

export const enableKey: Handler = async (input, ctx) => {
  requireKey(ctx, input.KeyId as string, 'EnableKey').state = 'Enabled';
  return undefined;
};

export const disableKey: Handler = async (input, ctx) => {
  requireKey(ctx, input.KeyId as string, 'DisableKey').state = 'Disabled';
  return undefined;
};

export const scheduleKeyDeletion: Handler = async (input, ctx) => {
  const key = requireKey(ctx, input.KeyId as string, 'ScheduleKeyDeletion');
  const days = (input.PendingWindowInDays as number | undefined) ?? 30;
  // The model allows 1–365; the documented waiting period is 7–30 days (ground truth REQ-S3).
  if (days < 7 || days > 30) {
    throw kmsError('ValidationException', `PendingWindowInDays must be from 7 to 30 days; ${days} was given.`);
  }
  key.state = 'PendingDeletion';
  key.deletionDate = new Date(ctx.now().getTime() + days * DAY_MS);
  return { KeyId: key.arn, DeletionDate: epochSeconds(key.deletionDate), KeyState: key.state, PendingWindowInDays: days };
};

export const cancelKeyDeletion: Handler = async (input, ctx) => {
  const key = requireKey(ctx, input.KeyId as string, 'CancelKeyDeletion');
  delete key.deletionDate;
  // Documented: the key becomes Disabled. For a key whose imported material is gone, AWS's state is
  // not known (ground truth REQ-S5); a key without material cannot be usable, so the reference
  // answers PendingImport there.
  key.state = key.origin === 'EXTERNAL' && !allMaterialsPresent(key) ? 'PendingImport' : 'Disabled';
  return { KeyId: key.arn };
};
