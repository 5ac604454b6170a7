/**
 * @module harness/spec/failure-words
 * A failed check's message in KMS terms rather than the assertion library's or the parser's: which
 * field, what was expected, what the target answered (long values cut short with their length
 * shown, around the first difference); an HTML page or a broken connection said as such. The words
 * become the report's failure line and a baseline's provisional reason.
 */
import type { Exchange } from '../results/index.ts';

/** Longest value shown whole; longer ones are cut with their length said. */
const MAX_SHOWN = 100;

/** `value` as it reads in a failure line: strings quoted, long values cut short with their length. */
export function shown(value: unknown, around = 0): string {
  if (value === undefined) return 'absent';
  const text = typeof value === 'string' ? value : JSON.stringify(value) ?? String(value);
  if (text.length <= MAX_SHOWN) return typeof value === 'string' ? `'${text}'` : text;
  // Keep the part around the first difference in view: cutting it off would hide the finding.
  const start = Math.max(0, Math.min(around - 20, text.length - MAX_SHOWN));
  const cut = `${start > 0 ? '…' : ''}${text.slice(start, start + MAX_SHOWN)}${start + MAX_SHOWN < text.length ? '…' : ''}`;
  return `${typeof value === 'string' ? `'${cut}'` : cut} (${text.length.toLocaleString('en')} characters)`;
}

function firstDifference(a: string, b: string): number {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return i;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Uint8Array);

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** The fields where `actual` differs from `expected` (only the fields `expected` names, when `subset`). */
export function fieldDifferences(expected: Record<string, unknown>, actual: Record<string, unknown>, subset: boolean, path = ''): string[] {
  const keys = subset ? Object.keys(expected) : [...new Set([...Object.keys(expected), ...Object.keys(actual)])];
  const out: string[] = [];
  for (const k of keys) {
    const e = expected[k];
    const a = actual[k];
    const name = `${path}${k}`;
    if (isRecord(e) && isRecord(a)) {
      out.push(...fieldDifferences(e, a, subset, `${name}.`));
    } else if (e === undefined && k in expected && !(k in actual)) {
      // toMatchObject wants the member present even when the value expected is undefined.
      out.push(`${name}: expected the member, the answer has none`);
    } else if (!same(e, a) && !isAsymmetricMatcher(e)) {
      const at = typeof e === 'string' && typeof a === 'string' ? firstDifference(e, a) : 0;
      out.push(e === undefined ? `${name}: not expected, got ${shown(a, at)}` : `${name}: expected ${shown(e, at)}, got ${shown(a, at)}`);
    }
  }
  return out;
}

/** vitest's expect.any(…), expect.stringMatching(…) and the like: they match by their own rule. */
function isAsymmetricMatcher(v: unknown): boolean {
  return typeof v === 'object' && v !== null && '$$typeof' in v;
}

interface AssertionLike {
  name?: string;
  message?: string;
  expected?: unknown;
  actual?: unknown;
  operator?: string;
}

/** The page title of an HTML body, if it has one. */
function titleOf(html: string): string | undefined {
  return /<title[^>]*>([^<]{1,120})<\/title>/i.exec(html)?.[1]?.trim();
}

/**
 * The message of `error` in KMS terms, or undefined when it already says what it means. `last` is
 * the check's last exchange (what the target answered most recently).
 */
export function inKmsTerms(error: unknown, last: Exchange | undefined): string | undefined {
  const e = error as AssertionLike;
  const message = String(e?.message ?? '');
  const body = last?.response?.body;
  if (/is not valid JSON|Unexpected token|Expected property name|Unexpected end of JSON|SyntaxError \(HTTP \d+\)/.test(message) && typeof body === 'string') {
    const status = last!.response!.status;
    if (/^\s*</.test(body)) {
      const title = titleOf(body);
      return `the target answered ${last!.operation} with HTTP ${status} and an HTML page${title ? ` titled "${title}"` : ''}, not a KMS JSON answer`;
    }
    // The SDK's parser said what it could not read; the answer itself is the finding.
    const text = body.trim() === '' ? 'an empty body' : `the text ${shown(body.trim())}`;
    const parse = /SyntaxError(?: \(HTTP \d+\))?: (?:Unexpected token .*? is not valid JSON|Unexpected end of JSON input|Expected property name.*?JSON at position \d+(?: \(line \d+ column \d+\))?)|SyntaxError \(HTTP \d+\)/;
    if (parse.test(message)) return message.replace(parse, `${text} (HTTP ${status}, not KMS JSON)`);
    return `the target answered ${last!.operation} with HTTP ${status} and ${text}, not a KMS JSON answer`;
  }
  if (/fetch failed|ECONNREFUSED|ECONNRESET|socket hang up/.test(message) || (last?.error && !last.response)) {
    return `the target did not answer ${last?.operation ?? 'the request'}: ${last?.error ?? message.split('\n')[0]}`;
  }
  if (e?.name !== 'AssertionError') return undefined;
  const label = /^([^:]+): expected /.exec(message)?.[1];
  const prefix = label && !label.includes(' to ') ? `${label}: ` : '';
  // toHaveProperty prints the whole object it looked in; the member and its value are the finding.
  const property = / to (not )?have property "([^"]+)"/.exec(message);
  if (property) {
    return property[1]
      ? `${prefix}${property[2]}: expected no such member, the answer has ${shown(e.actual)}`
      : `${prefix}${property[2]}: expected the member, the answer has none`;
  }
  if (isRecord(e.expected) && isRecord(e.actual)) {
    const subset = /to match object|toMatchObject/.test(message) || e.operator === 'toMatchObject';
    const diffs = fieldDifferences(e.expected, e.actual, subset);
    if (diffs.length) return `${prefix}${diffs.join('; ')}`;
  }
  // Lists: vitest shows `[ Array(2) ]` or `…(3)` for what it finds too long; say both, and what differs.
  if (Array.isArray(e.expected) && Array.isArray(e.actual) && ![...e.expected, ...e.actual].some(isAsymmetricMatcher)) {
    const expected = e.expected as unknown[];
    const actual = e.actual as unknown[];
    const missing = expected.filter((x) => !actual.some((y) => same(x, y)));
    const extra = actual.filter((y) => !expected.some((x) => same(x, y)));
    const at = firstDifference(JSON.stringify(expected) ?? '', JSON.stringify(actual) ?? '');
    const which = missing.length || extra.length
      ? `${missing.length ? `; missing ${shown(missing)}` : ''}${extra.length ? `; not expected ${shown(extra)}` : ''}`
      : '; the same items in another order';
    return `${prefix}expected ${shown(expected, at)}, got ${shown(actual, at)}${which}`;
  }
  // vitest's own message cuts strings at 40 characters (its truncateThreshold), which can hide the difference.
  const long = (v: unknown) => typeof v === 'string' && v.length > 40;
  if ((long(e.expected) || long(e.actual)) && !isRecord(e.expected) && !isRecord(e.actual)) {
    const at = typeof e.expected === 'string' && typeof e.actual === 'string' ? firstDifference(e.expected, e.actual) : 0;
    return `${prefix}expected ${shown(e.expected, at)}, got ${shown(e.actual, at)}`;
  }
  return undefined;
}

/**
 * A failure line a terminal and a report can show: bytes a target echoed back undecoded (a plaintext
 * in a validation message, say) become `<n bytes>` instead of control characters and U+FFFD.
 */
export function printable(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\ufffd][^\s'"]*(?:[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\ufffd][^\s'"]*)*/g, (run) => `<${Buffer.byteLength(run)} bytes>`);
}
