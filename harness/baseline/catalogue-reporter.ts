/**
 * @module harness/baseline/catalogue-reporter
 * A vitest reporter that records every requirement id the collected specs declare, run or left out
 * by --grep: a baseline entry outside this set names no requirement of the suite.
 */
import type { Reporter, TestModule } from 'vitest/node';

export class CatalogueReporter implements Reporter {
  readonly ids = new Set<string>();

  onTestRunEnd(modules: ReadonlyArray<TestModule>): void {
    for (const m of modules) {
      for (const tc of m.children.allTests()) {
        const id = tc.meta().requirement?.id;
        if (id) this.ids.add(id);
      }
    }
  }
}
