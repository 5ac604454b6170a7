/**
 * @module harness/reporting/html/html
 * A tagged template for the reports' HTML in which every interpolated value is escaped, unless it is
 * itself a fragment built by `html` (or explicitly `raw`). Target answers (error messages, bodies)
 * are untrusted: they reach the page only through here.
 *
 * @example html`<td title="${msg}">${msg}</td>` — `msg` is escaped in both places.
 */
import escapeHtml from 'escape-html';

const FRAGMENT = Symbol('html-fragment');

export interface Html {
  readonly [FRAGMENT]: true;
  readonly text: string;
}

function fragment(text: string): Html {
  return { [FRAGMENT]: true, text };
}

function isHtml(v: unknown): v is Html {
  return typeof v === 'object' && v !== null && (v as Partial<Html>)[FRAGMENT] === true;
}

/** A value placed in a template: fragments as they are, arrays joined, null/undefined/false as nothing. */
export type HtmlValue = Html | string | number | boolean | null | undefined | readonly HtmlValue[];

function render(v: HtmlValue): string {
  if (v === null || v === undefined || v === false) return '';
  if (Array.isArray(v)) return v.map((x: HtmlValue) => render(x)).join('');
  if (isHtml(v)) return v.text;
  return escapeHtml(String(v));
}

export function html(strings: TemplateStringsArray, ...values: HtmlValue[]): Html {
  let out = strings[0]!;
  for (let i = 0; i < values.length; i++) out += render(values[i]!) + strings[i + 1]!;
  return fragment(out);
}

/** Trusted markup written by the suite itself (CSS, scripts). Never pass target data here. */
export function raw(text: string): Html {
  return fragment(text);
}

/**
 * JSON for an inline `<script type="application/json">` block: `<`, `>` and `&` become unicode
 * escapes, so no `</script>` or comment opener can close the block early.
 */
export function jsonForScript(value: unknown): Html {
  return fragment(JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`));
}

export function toString(h: Html): string {
  return h.text;
}
