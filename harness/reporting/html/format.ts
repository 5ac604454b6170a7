/**
 * @module harness/reporting/html/format
 * Small formatting helpers shared by the report's sections: words for outcomes and strengths,
 * durations, dates, pretty-printed values and safe links.
 */
import { OUTCOME_WORDS, type Outcome, type Strength } from '../../results/index.ts';
import { html, type Html } from './html.ts';

/** An outcome's badge; what it means is in the legend (a title on each of hundreds of rows would weigh more than the rows). */
export function badge(o: Outcome): Html {
  return html`<span class="badge o-${o}">${OUTCOME_WORDS[o].title}</span>`;
}

export function strengthTag(s: Strength): Html {
  return html`<span class="strength s-${s}">${s}</span>`;
}

/** 340 ms, 1.2 s, 2 min 03 s. */
export function duration(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`;
  const s = Math.round(ms / 1000);
  return `${Math.floor(s / 60)} min ${String(s % 60).padStart(2, '0')} s`;
}

/** An ISO timestamp as `2026-11-28 02:48:51 UTC`; anything unparseable as it came. */
export function date(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : `${d.toISOString().slice(0, 19).replace('T', ' ')} UTC`;
}

/** Strings as they are (a body that was not JSON), everything else as indented JSON. */
export function pretty(v: unknown): string {
  if (typeof v === 'string') return v;
  if (v === undefined) return '';
  return JSON.stringify(v, null, 2) ?? String(v);
}

/**
 * A link only for http(s) addresses; anything else (a `javascript:` URL from a hostile baseline file,
 * say) is shown as text.
 */
export function link(url: string | undefined, text: string): Html {
  if (url && /^https?:\/\//i.test(url)) return html`<a href="${url}" rel="noreferrer">${text}</a>`;
  return html`${text}${url && url !== text ? ` (${url})` : ''}`;
}

/** The anchor of a requirement's row. */
export function anchor(id: string): string {
  return `req-${id.replace(/[^A-Za-z0-9_-]/g, '_')}`;
}
