/**
 * @module harness/reporting/artifacts
 * Everything a run leaves in its output folder, written from the final RunResults. `results.json` is
 * written first; every other artefact (HTML, manifest, …) is a writer in ARTIFACT_WRITERS, run after
 * it, in order. A writer returns the paths it wrote, for the summary.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeHtmlReport } from './html/writer.ts';
import { writeJunit } from './junit.ts';
import { writeManifest } from './manifest.ts';
import type { RunResults } from '../results/index.ts';
import type { ArtifactContext, ArtifactWriter } from './artifact-writer.ts';

export type { ArtifactContext, ArtifactWriter } from './artifact-writer.ts';

export function writeResultsJson(results: RunResults, dir: string): string[] {
  const path = join(dir, 'results.json');
  writeFileSync(path, `${JSON.stringify(results, null, 2)}\n`);
  return [path];
}

/** Writers run after results.json, in this order. */
export const ARTIFACT_WRITERS: ArtifactWriter[] = [writeManifest, writeJunit, writeHtmlReport];

export async function writeArtifacts(results: RunResults, dir: string, context: ArtifactContext): Promise<string[]> {
  const written = writeResultsJson(results, dir);
  for (const w of ARTIFACT_WRITERS) written.push(...(await w(results, dir, context)));
  return written;
}
