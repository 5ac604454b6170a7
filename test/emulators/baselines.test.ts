/**
 * The CI gate of issue 5: the whole suite against each third-party emulator the harness can start,
 * with the baseline shipped for it. A requirement that fails beyond the baseline (a regression of
 * the emulator or of the suite) or a baseline entry that now passes (a stale baseline) fails this
 * test. Each run's report is kept under reports/ci/<target>/ for the CI log and for
 * `report compare` (scripts/update-compat-table.ts turns them into the README's table); the embedded
 * reference runs the same way, as the matrix's first column. Skipped with a reason where an emulator is not installed, except in CI, which
 * installs both. The runs are `main()` in this process (test/in-process.ts), side by side. This is the
 * vitest project `emulators` (`npm run test:emulators`), not part of `npm test`; `.ci/run` runs both.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findProgram } from '../../harness/targets/find-program.ts';
import { ROOT } from '../cli-support.ts';
import { runMain } from '../in-process.ts';

/** A fixed seed keeps the property-based checks (MODEL-01, PROP-*) on the same path every run. */
const SEED = '1440478003';

const EMULATORS = [
  { target: 'moto', command: 'moto_server', lookIn: [] as string[], install: 'pip install "moto[server]==5.2.1"' },
  { target: 'local-kms', command: 'local-kms', lookIn: ['{GOBIN}', '{GOPATH}/bin'], install: 'go install github.com/nsmithuk/local-kms@v0.0.0-20260228092603-2a5e92d09ab6' },
];

interface Results {
  verdict: string;
  baseline?: { path: string; entries: number };
  summary: { total: number; byOutcome: Record<string, number> };
  requirements: { id: string; outcome: string; failure?: { message: string } }[];
}

// The three runs go side by side (the emulators project allows three concurrent tests): moto and
// local-kms answer from processes of their own, so their runs mostly wait.
describe.concurrent('the whole suite against each target', () => {
  describe('the whole suite against the embedded reference, for the compatibility matrix', () => {
    it('is conformant with every requirement run', async () => {
      const out = join(ROOT, 'reports', 'ci', 'embedded');
      const r = await runMain(['run', '--target', 'embedded', '--seed', SEED, '--out', out]);
      const results = JSON.parse(readFileSync(join(out, 'results.json'), 'utf8')) as Results;
      expect(results.requirements.filter((q) => q.outcome === 'fail').map((q) => `${q.id}: ${q.failure?.message}`)).toEqual([]);
      expect(r.code, r.stdout.slice(-2000) + r.stderr).toBe(0);
      expect(results.verdict).toBe('conformant');
      expect(results.summary.total).toBeGreaterThan(100);
    }, 600_000);
  });

  describe.each(EMULATORS)('the whole suite against $target, gated by baselines/$target.json', (emu) => {
    it('has no failure beyond the baseline and no stale baseline entry', async (ctx) => {
      if (!findProgram(emu.command, emu.lookIn) && !process.env.CI) ctx.skip(`${emu.command} is not installed (${emu.install})`);
      const out = join(ROOT, 'reports', 'ci', emu.target);
      const r = await runMain(['run', '--target', emu.target, '--seed', SEED, '--out', out]);
      const results = JSON.parse(readFileSync(join(out, 'results.json'), 'utf8')) as Results;
      const unexpected = results.requirements.filter((q) => ['fail', 'not-implemented', 'stale-deviation'].includes(q.outcome));
      expect(unexpected.map((q) => `${q.id} ${q.outcome}: ${q.failure?.message ?? 'passes, but the baseline lists it'}`)).toEqual([]);
      expect(r.code, r.stdout.slice(-2000) + r.stderr).toBe(0);
      expect(results.verdict).toBe('conformant-to-baseline');
      // The gate is real only if the baseline was applied and the whole catalogue ran.
      expect(results.baseline?.path).toBe(join(ROOT, 'baselines', `${emu.target}.json`));
      expect(results.summary.byOutcome['expected-deviation']).toBeGreaterThan(0);
      expect(results.summary.total).toBeGreaterThan(100);
    }, 600_000);
  });
});
