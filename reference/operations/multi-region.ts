/**
 * @module reference/operations/multi-region
 * ReplicateKey and UpdatePrimaryRegion (key-management §6, MGT-120…MGT-134). A replica is a key of
 * its own in another Region of the caller's account, with the primary's id; it is Creating for a
 * moment, then Enabled (PendingImport for imported material, which must be imported again there).
 */
import { kmsError, messages } from '../errors.ts';
import { partitionOf } from '../model/arn.ts';
import { keyMetadata, type KmsKey } from '../model/key.ts';
import { isPrimary, memberArn, memberIn, PRIMARY_UPDATE_MS, REPLICA_CREATION_MS } from '../model/multi-region.ts';
import { settle } from '../model/material-lifecycle.ts';
import type { OperationContext } from './context.ts';
import { defineOperation } from './define.ts';
import { policyFor } from './key-policies.ts';
import { CRYPTOGRAPHIC, type StateTable, REFUSE } from './key-states.ts';
import { tagsFromInput } from './tag-list.ts';

/** ReplicateKey's row of the key-state table (the primary's state): Updating refuses too ([15]). */
const REPLICATE: StateTable = { ...CRYPTOGRAPHIC, Updating: REFUSE.updating };

/** The key must be a multi-Region primary (recorded for a replica, MGT-126; inferred for a single-Region key, MGT-128). */
function requirePrimary(key: KmsKey): asserts key is KmsKey & { family: NonNullable<KmsKey['family']> } {
  if (!isPrimary(key)) throw kmsError('UnsupportedOperationException', messages.notMultiRegionPrimary(key.arn));
}

/** The member in `region`, settled; undefined when there is none (or it is gone). */
function settledMember(ctx: OperationContext, key: KmsKey & { family: NonNullable<KmsKey['family']> }, region: string): KmsKey | undefined {
  const m = memberIn(ctx.store, key.family, region);
  return m && settle(ctx.store, m, ctx.now());
}

export const replicateKey = defineOperation({
  name: 'ReplicateKey',
  keys: { states: REPLICATE, aliases: false, crossAccount: false },
  async handle(input, { ctx, keys }) {
    const primary = keys.require(input.KeyId);
    requirePrimary(primary);
    const region = input.ReplicaRegion;
    // AWS's answers for another partition and for the primary's own Region are not known (MGT-127).
    if (partitionOf(region) !== ctx.partition) {
      throw kmsError('UnsupportedOperationException', `${region} is not a Region of the ${ctx.partition} partition; replicas stay in their primary's partition.`);
    }
    if (settledMember(ctx, primary, region)) {
      throw kmsError('AlreadyExistsException', `${memberArn(primary.family, region)} already exists.`);
    }
    const arn = memberArn(primary.family, region);
    const policy = policyFor(ctx, arn, input.Policy, input.BypassPolicyLockoutSafetyCheck);
    const tags = tagsFromInput(input.Tags);
    const now = ctx.now();
    const replica: KmsKey = {
      keyId: primary.keyId,
      arn,
      accountId: primary.accountId,
      region,
      creationDate: now,
      description: input.Description ?? '',
      keyUsage: primary.keyUsage,
      keySpec: primary.keySpec,
      origin: primary.origin,
      state: 'Creating',
      transition: { until: new Date(now.getTime() + REPLICA_CREATION_MS), then: primary.origin === 'EXTERNAL' ? 'PendingImport' : 'Enabled' },
      // Generated material is the primary's own list (rotations included); imported material is
      // imported into each replica (ReplicateKey documentation).
      materials: primary.origin === 'EXTERNAL' ? [] : primary.materials,
      tags,
      policy,
      grants: [],
      family: primary.family,
    };
    primary.family.regions.push(region);
    ctx.store.region(primary.accountId, region).keys.set(replica.keyId, replica);
    return {
      ReplicaKeyMetadata: keyMetadata(replica),
      ReplicaPolicy: policy,
      // Recorded: no ReplicaTags member when no tags were given (MGT-123).
      ...(input.Tags !== undefined && { ReplicaTags: [...tags].map(([TagKey, TagValue]) => ({ TagKey, TagValue })) }),
    };
  },
});

export const updatePrimaryRegion = defineOperation({
  name: 'UpdatePrimaryRegion',
  keys: { states: CRYPTOGRAPHIC, aliases: false, crossAccount: false },
  async handle(input, { ctx, keys }) {
    const primary = keys.require(input.KeyId);
    requirePrimary(primary);
    const region = input.PrimaryRegion;
    const f = primary.family;
    // AWS's answers here are not known (MGT-131): the reference says what is wrong.
    if (region === primary.region) throw kmsError('UnsupportedOperationException', `${primary.arn} is already the primary key in ${region}.`);
    const target = settledMember(ctx, primary, region);
    if (!target) throw kmsError('NotFoundException', messages.keyDoesNotExist(memberArn(f, region)));
    const rule = CRYPTOGRAPHIC[target.state];
    if (rule !== 'allow') throw kmsError(rule.error, rule.message(target.arn));
    // The automatic-rotation setting and on-demand count belong to the family; the primary keeps them.
    target.rotation = primary.rotation;
    target.onDemandRotations = primary.onDemandRotations;
    delete primary.rotation;
    delete primary.onDemandRotations;
    f.primaryRegion = region;
    const until = new Date(ctx.now().getTime() + PRIMARY_UPDATE_MS);
    for (const k of [primary, target]) k.transition = { until, then: k.state };
    primary.state = 'Updating';
    target.state = 'Updating';
  },
});
