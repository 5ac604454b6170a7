/**
 * @module harness/cli/commands/parse
 * Argument parsers shared by the commands; each rejects bad input with one line (exit code 2).
 */
import { InvalidArgumentError } from 'commander';

export function port(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new InvalidArgumentError('a port is a whole number from 0 to 65535');
  return n;
}

export function seed(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 2 ** 31 - 1) throw new InvalidArgumentError('a seed is a whole number from 0 to 2147483647');
  return n;
}

/** `must,should`: a comma-separated list of strengths. */
export function strengths(value: string): ('must' | 'should' | 'observe')[] {
  const list = value.split(',').map((v) => v.trim()).filter(Boolean);
  const bad = list.find((v) => !['must', 'should', 'observe'].includes(v));
  if (bad !== undefined || list.length === 0) throw new InvalidArgumentError(`${bad ?? '(empty)'} is not a strength: must, should or observe (comma-separated)`);
  return list as ('must' | 'should' | 'observe')[];
}

/** `Encrypt,Decrypt`: a comma-separated list of operation names (checked against the catalogue later). */
export function names(value: string): string[] {
  const list = value.split(',').map((v) => v.trim()).filter(Boolean);
  if (list.length === 0) throw new InvalidArgumentError('give one or more operation names, comma-separated');
  return list;
}

/** `2/4`: part 2 of 4. */
export function shard(value: string): { index: number; count: number } {
  const m = /^(\d+)\/(\d+)$/.exec(value.trim());
  const index = Number(m?.[1]);
  const count = Number(m?.[2]);
  if (!m || count < 1 || count > 1000 || index < 1 || index > count) throw new InvalidArgumentError('a shard is i/n with 1 ≤ i ≤ n ≤ 1000, e.g. 2/4');
  return { index, count };
}
