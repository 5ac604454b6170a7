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
