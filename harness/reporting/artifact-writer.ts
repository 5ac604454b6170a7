/**
 * @module harness/reporting/artifact-writer
 * What an artefact writer is: a function from the run's final results to the files it wrote.
 */
import type { RunResults } from '../results/index.ts';

/** What a run knows besides its results. */
export interface ArtifactContext {
  /** Every requirement id the suite declares, run or not (the catalogue). */
  catalogue: readonly string[];
}

export type ArtifactWriter = (results: RunResults, dir: string, context: ArtifactContext) => string[] | Promise<string[]>;
