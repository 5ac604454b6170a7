/**
 * What a fresh RSA pair costs the reference (GetParametersForImport hands one out on every call, and
 * CreateKey of an RSA key takes one): the processor time and the wall time of one pair per modulus
 * size, made as the reference makes them (reference/model/wrapping-keys.ts, several primes) and as
 * `crypto.generateKeyPair` makes them (two primes), one after another. Prints figures; asserts nothing.
 *
 *   node --import tsx bench/wrapping-pairs.ts [--pairs 12]
 */
import { generateKeyPair } from 'node:crypto';
import { parseArgs } from 'node:util';
import { primeCount, rsaPairOfBits } from '../reference/model/wrapping-keys.ts';

const { values } = parseArgs({ options: { pairs: { type: 'string', default: '12' } } });
const n = Number(values.pairs);

const twoPrimes = (bits: number) =>
  new Promise<void>((resolve, reject) => generateKeyPair('rsa', { modulusLength: bits }, (err) => (err ? reject(err) : resolve())));

async function measure(make: () => Promise<unknown>): Promise<{ cpu: number; wall: number }> {
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  for (let i = 0; i < n; i++) await make();
  const cpu = process.cpuUsage(cpu0);
  return { cpu: (cpu.user + cpu.system) / 1000 / n, wall: (performance.now() - t0) / n };
}

process.stdout.write(`${n} pairs each, one at a time; milliseconds a pair (processor / wall)\n`);
process.stdout.write(`${'modulus'.padEnd(10)}${'reference'.padStart(22)}${'two primes'.padStart(22)}\n`);
for (const bits of [2048, 3072, 4096]) {
  const ours = await measure(() => rsaPairOfBits(bits));
  const two = await measure(() => twoPrimes(bits));
  const cell = (m: { cpu: number; wall: number }, label: string) => `${m.cpu.toFixed(0)} / ${m.wall.toFixed(0)} ${label}`.padStart(22);
  process.stdout.write(`${String(bits).padEnd(10)}${cell(ours, `(${primeCount(bits)} primes)`)}${cell(two, '')}\n`);
}
