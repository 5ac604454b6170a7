/**
 * @module harness/cli/commands/parse-aws
 * Argument parsers of the AWS-related options (rates, key budget, ages); each rejects bad input with
 * one line (exit code 2).
 */
import { InvalidArgumentError } from 'commander';
import type { RequestClass } from '../../clients/rate-limiter.ts';

const CLASSES: readonly RequestClass[] = ['read', 'write', 'crypto', 'importParameters'];

/** `write=2,read=10` → { write: 2, read: 10 } (requests per second, by request class). */
export function rates(value: string): Partial<Record<RequestClass, number>> {
  const out: Partial<Record<RequestClass, number>> = {};
  for (const part of value.split(',').map((p) => p.trim()).filter(Boolean)) {
    const m = /^(\w+)=(\d+(?:\.\d+)?)$/.exec(part);
    if (!m || !CLASSES.includes(m[1] as RequestClass) || Number(m[2]) <= 0) {
      throw new InvalidArgumentError(`expected <class>=<requests per second>[,…] with class one of ${CLASSES.join(', ')}; got '${part}'`);
    }
    out[m[1] as RequestClass] = Number(m[2]);
  }
  return out;
}

export function positiveInt(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('expected a whole number of at least 1');
  return n;
}

const UNIT_MS: Record<string, number> = { m: 60_000, h: 3_600_000, d: 86_400_000 };

/** `90m`, `12h`, `7d` → milliseconds. */
export function duration(value: string): number {
  if (value.trim() === '0') return 0;
  const m = /^(\d+)([mhd])$/.exec(value.trim());
  if (!m) throw new InvalidArgumentError('expected a duration like 90m, 12h or 7d');
  return Number(m[1]) * UNIT_MS[m[2]!]!;
}
