/**
 * @module harness/aws/aws-safety
 * What stands between `kms-conformance run --target aws` and a real account: an explicit
 * confirmation flag, and a plan printed before the first request, saying what the run will create,
 * how it is tagged, when it is deleted, what it may cost and where the ledger is.
 */
import { KINDS } from '../config/kinds.ts';
import type { PrincipalConfig, TargetConfig } from '../config/target-config.ts';
import { RunAbort } from '../errors.ts';
import { RUN_TAG_KEY } from '../resources/registry.ts';
import { MIN_PENDING_WINDOW_DAYS } from '../resources/teardown.ts';

export { CONFIRM_FLAG } from '../config/kinds.ts';

/** KMS's list price per key-month, prorated hourly (https://aws.amazon.com/kms/pricing/, us-east-1). */
const KEY_MONTH_USD = 1;

/** The confirmation flag a run against `target` needs, if it is a real service (kinds.ts). */
export function confirmationFor(target: Pick<TargetConfig, 'kind'>): string | undefined {
  const traits = KINDS[target.kind];
  return 'realService' in traits ? traits.realService.confirmFlag : undefined;
}

/** Throws the one-line refusal unless a run against a real service was confirmed. */
export function assertConfirmed(target: TargetConfig, confirmed: boolean | undefined): void {
  const flag = confirmationFor(target);
  if (!flag || confirmed) return;
  throw new RunAbort('safety', `target '${target.name}' is real AWS: it creates KMS keys in your account and costs money; add ${flag} to go ahead (nothing was sent)`);
}

function who(p: PrincipalConfig | undefined): string {
  if (!p) return 'none configured (cross-account checks are not applicable)';
  const account = p.accountId ? `account ${p.accountId}` : 'the account of its credentials';
  if (p.profile) return `profile '${p.profile}' (${account})`;
  if (p.accessKeyId) return `access key ${p.accessKeyId.slice(0, 4)}…${p.accessKeyId.slice(-4)} (${account})`;
  return `the SDK's default credential chain (${account})`;
}

/** The lines printed before a run against a real service starts (nothing for other targets). */
export function realServicePlan(target: TargetConfig, runId: string, ledgerPath: string): string[] {
  if (!confirmationFor(target)) return [];
  const maxKeys = target.maxKeys ?? Infinity;
  const rates = target.rateLimits ?? { read: Infinity, write: Infinity, crypto: Infinity, importParameters: Infinity };
  const worst = (maxKeys * KEY_MONTH_USD * MIN_PENDING_WINDOW_DAYS) / 30;
  return [
    `real AWS: region ${target.region}, endpoint ${target.endpoint ?? '(SDK default)'}`,
    `  primary:   ${who(target.principals.primary)}`,
    `  secondary: ${who(target.principals.secondary)}`,
    `  creates at most ${maxKeys} KMS keys (--max-keys), each tagged ${RUN_TAG_KEY}=${runId}; changes nothing it did not create`,
    `  every key is scheduled for deletion with the minimum ${MIN_PENDING_WINDOW_DAYS}-day window when its check ends, at the end of the run, on failure and on Ctrl-C`,
    `  cost: keys are billed per key-month prorated hourly (list price $${KEY_MONTH_USD}), requests per 10,000 after the free tier; ` +
      `if every key were billed through its ${MIN_PENDING_WINDOW_DAYS}-day window that is at most about $${worst.toFixed(0)} — see https://aws.amazon.com/kms/pricing/`,
    `  request rates (per second): write ${rates.write}, read ${rates.read}, crypto ${rates.crypto}, GetParametersForImport ${rates.importParameters}; throttled requests are retried`,
    `  ledger of created keys: ${ledgerPath} (leftovers: kms-conformance sweep --target ${target.name} --run-id ${runId})`,
  ];
}
