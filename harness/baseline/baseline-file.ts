/**
 * @module harness/baseline/baseline-file
 * The known-deviation baseline file (`baselines/<target>.json`): its schema, how it is read (a bad
 * file is one line and exit code 2), and how it is written (sorted, stable formatting, so a
 * refreshed baseline diffs cleanly).
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { RunAbort } from '../errors.ts';
import { DEVIATING_OUTCOMES, REQUIREMENT_ID } from '../results/index.ts';

export const BaselineEntrySchema = z.object({
  /** The requirement id, as in `kms-conformance list`. */
  id: z.string().regex(REQUIREMENT_ID, 'a requirement id looks like DIKM-03'),
  /** When set, only this raw outcome counts as the expected deviation; another failure gates the run. */
  expect: z.enum(DEVIATING_OUTCOMES).optional(),
  /** Why the target deviates: one line, for whoever reads the report. */
  reason: z.string().trim().min(1, 'a reason is required').refine((s) => !s.includes('\n'), 'a reason is one line'),
  /** The emulator's source line, issue or documentation about the deviation. */
  link: z.url({ protocol: /^https?$/, error: 'link must be an http(s) URL' }).optional(),
  /** `false` while the reason is the provisional one `baseline update` wrote; delete it once explained. */
  reviewed: z.boolean().optional(),
}).strict();

export const BaselineFileSchema = z.object({
  /** The target the baseline was written for (a target name, e.g. `moto`). */
  target: z.string().min(1),
  /** The target's version when the baseline was checked, e.g. `5.2.1`. */
  targetVersion: z.string().min(1).optional(),
  /** The suite version the baseline was written with. */
  suiteVersion: z.string().min(1),
  entries: z.array(BaselineEntrySchema),
}).strict().superRefine((f, ctx) => {
  const seen = new Set<string>();
  f.entries.forEach((e, i) => {
    if (seen.has(e.id)) ctx.addIssue({ code: 'custom', path: ['entries', i, 'id'], message: `${e.id} is listed twice` });
    seen.add(e.id);
  });
});

export type BaselineFileEntry = z.infer<typeof BaselineEntrySchema>;
export type BaselineFile = z.infer<typeof BaselineFileSchema>;

/** Validates parsed JSON; the first problem becomes one line naming the file and the field. */
export function parseBaseline(raw: unknown, path: string): BaselineFile {
  const parsed = BaselineFileSchema.safeParse(raw);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  const where = issue.path.length ? issue.path.join('.') : '(top level)';
  throw new RunAbort('config', `baseline ${path}: ${where}: ${issue.message}`);
}

/** Reads and validates a baseline file. Throws RunAbort (exit 2) with one line when it is missing or bad. */
export function readBaseline(path: string): BaselineFile {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new RunAbort('config', code === 'ENOENT' ? `baseline file not found: ${path}` : `baseline ${path}: cannot read (${code ?? (e as Error).message})`);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    throw new RunAbort('config', `baseline ${path}: not valid JSON (${(e as Error).message.split('\n')[0]})`);
  }
  return parseBaseline(raw, path);
}

/** Requirement ids in catalogue order: area, then number (`DIKM-9` before `DIKM-10`). */
export function compareIds(a: string, b: string): number {
  return a.localeCompare(b, 'en', { numeric: true });
}

/**
 * The file's text: fixed key order, entries sorted by id, two-space indent, final newline. The same
 * baseline always gives the same bytes.
 */
export function formatBaseline(f: BaselineFile): string {
  const entries = [...f.entries].sort((a, b) => compareIds(a.id, b.id)).map((e) => ({
    id: e.id,
    ...(e.expect && { expect: e.expect }),
    reason: e.reason,
    ...(e.link && { link: e.link }),
    ...(e.reviewed === false && { reviewed: false }),
  }));
  const out = {
    target: f.target,
    ...(f.targetVersion && { targetVersion: f.targetVersion }),
    suiteVersion: f.suiteVersion,
    entries,
  };
  return `${JSON.stringify(out, null, 2)}\n`;
}
