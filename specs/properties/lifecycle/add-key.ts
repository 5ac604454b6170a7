/** Creating a key in a run: CreateKey, then the new key joins the model and the real side as k<n>. */
import { createExternalKey, createKmsKey } from '#harness/kms/index.ts';
import { createdKey, rules, type LifecycleModel, type Origin } from './model.ts';
import { perform } from './perform.ts';
import type { LifecycleReal } from './real.ts';

export async function addKey(m: LifecycleModel, r: LifecycleReal, origin: Origin, label: string): Promise<void> {
  const create = origin === 'EXTERNAL' ? createExternalKey : createKmsKey;
  const md = await create(r.kms.primary, `MODEL lifecycle key k${m.keys.length + 1}`);
  const model = createdKey(origin);
  const real = { keyId: md.KeyId!, arn: md.Arn! };
  m.keys.push(model);
  r.keys.push(real);
  // CreateKey's answer was checked by create(); the state is read back like after any command.
  await perform(r, model, real, label, rules.describeKey(model), async () => undefined);
}
