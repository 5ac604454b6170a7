/**
 * One step of the lifecycle check: send the call, compare the answer with the model's outcome,
 * then read the key back with DescribeKey and compare its state.
 */
import { describeKey } from '#harness/kms/index.ts';
import { ExpectationFailure, expectClientError } from '#harness/spec/index.ts';
import type { KeyState, ModelKey, Outcome } from './model.ts';
import { noteUnknown, type LifecycleReal, type RealKey } from './real.ts';

function isServiceAnswer(e: unknown): e is { name: string; message: string; $metadata: { httpStatusCode?: number } } {
  return typeof e === 'object' && e !== null && '$metadata' in e;
}

/**
 * Runs `call` for `label` (the command's replayable name) and checks the answer and the key's state
 * after it; returns that state, which the caller records in the model.
 */
export async function perform(real: LifecycleReal, model: ModelKey, key: RealKey, label: string, outcome: Outcome, call: () => Promise<unknown>): Promise<KeyState> {
  if (outcome.ok) {
    await call().catch((e: unknown) => {
      if (!isServiceAnswer(e)) throw e;
      throw new ExpectationFailure(`${label}: expected success but got ${e.name} (HTTP ${e.$metadata.httpStatusCode}): ${e.message}`, 'success', {
        code: e.name,
        status: e.$metadata.httpStatusCode,
      });
    });
  } else {
    await expectClientError(call(), { codes: outcome.codes, status: 400 }).catch((e: unknown) => {
      if (e instanceof ExpectationFailure) throw new ExpectationFailure(`${label}: ${e.message}`, e.expected, e.actual);
      throw e;
    });
  }
  const md = await describeKey(real.kms.primary, key.keyId);
  const allowed = outcome.ok ? outcome.states : [model.state];
  const state = md.KeyState as KeyState;
  if (!allowed.includes(state) || md.Enabled !== (state === 'Enabled')) {
    throw new ExpectationFailure(
      `after ${label}: DescribeKey reports KeyState ${md.KeyState} (Enabled ${md.Enabled}), the key-state rules expect ${allowed.join(' or ')}`,
      { KeyState: allowed.join(' | '), Enabled: allowed.includes('Enabled') },
      { KeyState: md.KeyState, Enabled: md.Enabled },
    );
  }
  if (outcome.ok && outcome.unknown) noteUnknown(real, outcome.unknown, state);
  return state;
}
