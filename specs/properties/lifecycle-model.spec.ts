/**
 * The key lifecycle, model-based: fast-check draws sequences of CreateKey, import of the same or of
 * different material, DeleteImportedKeyMaterial, EnableKey, DisableKey, ScheduleKeyDeletion,
 * CancelKeyDeletion, Encrypt/Decrypt and DescribeKey over up to three keys, and every answer and
 * every state read back must be what the key-state table and the documented transitions say
 * (lifecycle/model.ts). Every run starts from k1, a fresh EXTERNAL key with its material imported
 * (Enabled), so that a few commands take it through the states that matter here; CreateKey
 * commands add k2 and k3. Where AWS is unknown the model accepts each candidate and records the
 * target's choice.
 * @see https://docs.aws.amazon.com/kms/latest/developerguide/key-state.html
 */
import fc from 'fast-check';
import { requirement } from '#harness/spec/index.ts';
import { assertProperty, propertyParams, PROPERTY_TEST_TIMEOUT_MS } from '#harness/spec/property.ts';
import { addKey } from './lifecycle/add-key.ts';
import { ImportSameMaterialCommand, lifecycleCommands } from './lifecycle/commands/index.ts';
import type { LifecycleModel } from './lifecycle/model.ts';
import type { LifecycleReal } from './lifecycle/real.ts';

const KEY_STATES = 'https://docs.aws.amazon.com/kms/latest/developerguide/key-state.html';

requirement(
  {
    id: 'MODEL-01',
    statement: 'Any sequence of lifecycle and key-material operations gets the documented answer to each call and leaves each key in the state the key-state table gives',
    operation: 'lifecycle-model',
    source: {
      url: KEY_STATES,
      section: 'Key states and the operations allowed in each',
      groundTruth: 'REQ-C1, REQ-C3, REQ-G1, REQ-G6, REQ-I1, REQ-I8, REQ-I9, REQ-I10, REQ-I16, REQ-D1…D5, REQ-D7, REQ-D8, REQ-S1…S7, REQ-E1',
    },
    evidence: 'documented',
    strength: 'must',
  },
  async (kms) => {
    const params = propertyParams(kms);
    const unknowns = new Map<string, Set<string>>();
    const setup = async () => {
      const model: LifecycleModel = { keys: [] };
      const real: LifecycleReal = { kms, keys: [], unknowns };
      await addKey(model, real, 'EXTERNAL', 'setup: CreateKey(EXTERNAL)');
      await new ImportSameMaterialCommand(1).run(model, real);
      return { model, real };
    };
    await assertProperty(kms, fc.commands(lifecycleCommands(), params.commands), (commands) => fc.asyncModelRun(setup, commands), params, { setup: 'k1 = CreateKey(EXTERNAL), ImportKeyMaterial(k1, same material)' });
  },
  { timeout: PROPERTY_TEST_TIMEOUT_MS },
);
