/**
 * @module harness/reporting/quiet-junit
 * vitest's JUnit reporter, without its "JUNIT report written to …" console line: the run's own
 * summary lists every artefact it wrote.
 */
import { JUnitReporter, type Vitest } from 'vitest/node';

export class QuietJUnitReporter extends JUnitReporter {
  override async onInit(ctx: Vitest): Promise<void> {
    await super.onInit(ctx);
    const logger = ctx.logger;
    // The reporter logs through ctx.logger; give it a view of ctx whose logger drops that one line.
    const quiet = new Proxy(logger, {
      get: (t, p, r) => (p === 'log' ? (...args: unknown[]) => (String(args[0]).startsWith('JUNIT report written') ? undefined : t.log(...(args as [string]))) : Reflect.get(t, p, r)),
    });
    (this as unknown as { ctx: Vitest }).ctx = new Proxy(ctx, { get: (t, p, r) => (p === 'logger' ? quiet : Reflect.get(t, p, r)) });
  }
}
