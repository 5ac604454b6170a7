/**
 * @module harness/reporting/html/diff
 * Expected vs actual of a failure as a line diff. vitest's own diff is used when the failure has one
 * (without its terminal colours); otherwise both sides are pretty-printed and compared with jsdiff.
 */
import { diffLines } from 'diff';
import { html, type Html } from './html.ts';
import { pretty } from './format.ts';

// eslint-disable-next-line no-control-regex
const ANSI = /\u001b\[[0-9;]*m/g;

interface Line {
  kind: 'add' | 'del' | 'same' | 'note';
  text: string;
}

function fromVitest(diff: string): Line[] {
  return diff
    .replace(ANSI, '')
    .split('\n')
    .map((text): Line => {
      if (text.startsWith('+')) return { kind: 'add', text };
      if (text.startsWith('-')) return { kind: 'del', text };
      return { kind: 'same', text };
    });
}

function computed(expected: unknown, actual: unknown): Line[] {
  const lines: Line[] = [];
  for (const part of diffLines(`${pretty(expected)}\n`, `${pretty(actual)}\n`)) {
    const kind = part.added ? 'add' : part.removed ? 'del' : 'same';
    const mark = part.added ? '+ ' : part.removed ? '- ' : '  ';
    for (const text of part.value.replace(/\n$/, '').split('\n')) lines.push({ kind, text: mark + text });
  }
  return lines;
}

/** The diff block of a failure, or nothing when it has neither a diff nor expected/actual. */
export function renderDiff(failure: { diff?: string; expected?: unknown; actual?: unknown }): Html | null {
  let lines: Line[];
  if (failure.diff) lines = fromVitest(failure.diff);
  else if (failure.expected !== undefined || failure.actual !== undefined) lines = computed(failure.expected, failure.actual);
  else return null;
  return html`<div class="diff" aria-label="expected versus actual">
${failure.diff ? null : html`<div class="diff-key"><span class="k-del">− expected</span> <span class="k-add">+ actual</span></div>`}
<pre>${lines.map((l) => html`<span class="${l.kind}">${l.text || " "}</span>`)}</pre></div>`;
}
