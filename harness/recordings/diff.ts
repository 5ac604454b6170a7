/**
 * @module harness/recordings/diff
 * Compares a run's answers to `observe` checks with the committed recordings: what changed, what is
 * new (observed now, never recorded), and what is missing (recorded, not observed by this run
 * although it ran the requirement).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { RunResults } from '../results/index.ts';
import { observedIn, recordingsName, toRecording, type Recording } from './record.ts';

export interface RecordingChange {
  requirement: string;
  kind: 'changed' | 'new' | 'missing';
  /** Per observation label: recorded vs now. */
  details: { label: string; recorded: unknown; now: unknown }[];
}

function readRecordings(folder: string): Map<string, Recording> {
  const out = new Map<string, Recording>();
  if (!existsSync(folder)) return out;
  for (const f of readdirSync(folder).filter((n) => n.endsWith('.json')).sort()) {
    const r = JSON.parse(readFileSync(join(folder, f), 'utf8')) as Recording;
    out.set(r.requirement, r);
  }
  return out;
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** The differences between a run and the recordings in `dir/<target name>`. */
export function diffRecordings(results: RunResults, dir: string, name = recordingsName(results.target.name)): { folder: string; changes: RecordingChange[]; compared: number } {
  const folder = join(dir, name);
  const recorded = readRecordings(folder);
  const ran = new Set(results.requirements.map((r) => r.id));
  const changes: RecordingChange[] = [];
  let compared = 0;
  for (const r of observedIn(results)) {
    const now = toRecording(results, r);
    const before = recorded.get(r.id);
    if (!before) {
      changes.push({ requirement: r.id, kind: 'new', details: now.observations.map((o) => ({ label: o.label, recorded: undefined, now: o.value })) });
      continue;
    }
    compared++;
    const labels = [...new Set([...before.observations.map((o) => o.label), ...now.observations.map((o) => o.label)])];
    const details = labels
      .map((label) => ({ label, recorded: before.observations.find((o) => o.label === label)?.value, now: now.observations.find((o) => o.label === label)?.value }))
      .filter((d) => !same(d.recorded, d.now));
    if (details.length) changes.push({ requirement: r.id, kind: 'changed', details });
  }
  const observedIds = new Set(observedIn(results).map((r) => r.id));
  for (const [id, rec] of recorded) {
    if (ran.has(id) && !observedIds.has(id)) {
      changes.push({ requirement: id, kind: 'missing', details: rec.observations.map((o) => ({ label: o.label, recorded: o.value, now: undefined })) });
    }
  }
  return { folder, changes, compared };
}

function show(v: unknown): string {
  return v === undefined ? '(none)' : JSON.stringify(v);
}

/** The readable report of a diff, one block per requirement. */
export function formatRecordingChanges(changes: readonly RecordingChange[]): string[] {
  const lines: string[] = [];
  for (const c of changes) {
    lines.push(`${c.kind.padEnd(7)} ${c.requirement}`);
    for (const d of c.details) {
      lines.push(`    ${d.label}:`);
      if (c.kind !== 'new') lines.push(`      - recorded: ${show(d.recorded)}`);
      if (c.kind !== 'missing') lines.push(`      + now:      ${show(d.now)}`);
    }
  }
  return lines;
}
