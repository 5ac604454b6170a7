/**
 * @module harness/reporting/html/evidence
 * The expandable evidence of one requirement: the requests and responses it made, what it observed,
 * and a property-based failure's counterexample with the command that replays it.
 */
import { deflateRawSync } from 'node:zlib';
import type { Exchange, RequirementResult } from '../../results/index.ts';
import type { Observation } from '../../results/index.ts';
import { html, type Html } from './html.ts';
import { duration, pretty } from './format.ts';

function headerLines(headers: Record<string, string>): string {
  return Object.entries(headers)
    .map(([k, v]) => `${k}: ${v}`)
    .join('\n');
}

function target(x: Exchange): string {
  const q = x.request.query ? `?${new URLSearchParams(x.request.query).toString()}` : '';
  return `${x.request.method} ${x.request.path}${q}`;
}

function message(x: Exchange): Html {
  const m = (x.response?.body as { message?: unknown; Message?: unknown } | null)?.message ?? (x.response?.body as { Message?: unknown } | null)?.Message;
  const type = (x.response?.body as { __type?: unknown } | null)?.__type;
  if (typeof type !== 'string') return html``;
  return html` <span class="err-type">${type}</span>${typeof m === 'string' ? html` <span class="err-msg">${m}</span>` : null}`;
}

function exchange(x: Exchange, i: number): Html {
  const status = x.response ? String(x.response.status) : 'no response';
  const bad = !x.response || x.response.status >= 400;
  return html`<details class="exchange">
<summary><span class="ex-n">#${i + 1}</span> <b>${x.operation}</b> <span class="ex-status ${bad ? 'bad' : 'ok'}">${status}</span>${message(x)}
<span class="ex-meta">${x.principal} · ${x.via} · ${duration(x.durationMs)}</span></summary>
<div class="panes">
<div class="pane"><h5>Request</h5><pre class="http">${target(x)}\n${headerLines(x.request.headers)}\n\n${pretty(x.request.body)}</pre></div>
<div class="pane"><h5>Response</h5>${
    x.response
      ? html`<pre class="http">${String(x.response.status)}\n${headerLines(x.response.headers)}\n\n${pretty(x.response.body)}</pre>`
      : html`<pre class="http">${x.error ?? 'no response'}</pre>`
  }</div>
</div></details>`;
}

/**
 * Request headers left out of the page (results.json keeps every header): the SDK's bookkeeping and
 * the SigV4 signature's parts (its date, body hash and the redacted Authorization). They differ on
 * every request, so they would make up most of a compressed report and say little to a reader.
 */
const NOT_ON_THE_PAGE = /^(amz-sdk-invocation-id|amz-sdk-request|user-agent|x-amz-user-agent|authorization|x-amz-date|x-amz-content-sha256|x-amz-security-token)$/i;

/** One exchange as the page's script shows it (short keys: the blob is most of the page). */
export interface PageExchange {
  o: string;
  p: string;
  v: string;
  ms: number;
  /** The request line and headers, and the body, as the pane shows them. */
  q: string;
  qb: string;
  /** The response: status, headers and body; or the error instead of a response. */
  s?: number;
  r?: string;
  rb?: string;
  e?: string;
  /** The error's __type and message, for the summary line. */
  et?: string;
  em?: string;
}

function pageExchange(x: Exchange): PageExchange {
  const headers = Object.fromEntries(Object.entries(x.request.headers).filter(([k]) => !NOT_ON_THE_PAGE.test(k)));
  const body = x.response?.body as { __type?: unknown; message?: unknown; Message?: unknown } | null | undefined;
  const type = body && typeof body === 'object' ? body.__type : undefined;
  const m = body && typeof body === 'object' ? (body.message ?? body.Message) : undefined;
  return {
    o: x.operation,
    p: x.principal,
    v: x.via,
    ms: x.durationMs,
    q: `${target(x)}\n${headerLines(headers)}`,
    qb: pretty(x.request.body),
    ...(x.response ? { s: x.response.status, r: headerLines(x.response.headers), rb: pretty(x.response.body) } : { e: x.error ?? 'no response' }),
    ...(typeof type === 'string' && { et: type }),
    ...(typeof type === 'string' && typeof m === 'string' && { em: m }),
  };
}

/** The folder beside index.html that holds the evidence files, and how many requirements each holds. */
export const EVIDENCE_DIR = 'evidence';
export const EVIDENCE_CHUNK = 64;

/**
 * Some requirements' exchanges as the page draws them: JSON, compressed (deflate-raw) and base64,
 * so that the text a target sent can only ever be data.
 */
export function evidenceData(requirements: readonly RequirementResult[]): string {
  return deflateRawSync(JSON.stringify(requirements.map((r) => r.exchanges.map(pageExchange))), { level: 9 }).toString('base64');
}

/**
 * The evidence of a run, out of the page: `evidence/<k>.js` holds the exchanges of requirements
 * k·EVIDENCE_CHUNK onwards, as one call `kmsEvidence(k, "<base64>")`. The page loads a file the
 * first time a requirement's evidence in it is opened (a script, which a page opened from disk may
 * load; a fetch it may not), so the page's size does not grow with the exchanges a run makes.
 */
export function evidenceFiles(requirements: readonly RequirementResult[]): { name: string; text: string }[] {
  const files: { name: string; text: string }[] = [];
  for (let k = 0; k * EVIDENCE_CHUNK < requirements.length; k++) {
    const data = evidenceData(requirements.slice(k * EVIDENCE_CHUNK, (k + 1) * EVIDENCE_CHUNK));
    files.push({ name: `${k}.js`, text: `kmsEvidence(${k},"${data}");\n` });
  }
  return files;
}

/** Where a requirement's exchanges are drawn once its evidence is opened (`index`: its place in the run's requirements). */
export function exchangesPlaceholder(count: number, index: number): Html | null {
  if (count === 0) return null;
  return html`<div class="exchanges" data-evidence="${String(index)}"><h4>Requests and responses (${String(count)}, redacted)</h4></div>`;
}

/** Every exchange, in the order they were made; each expands on its own. */
export function renderExchanges(exchanges: readonly Exchange[]): Html | null {
  if (exchanges.length === 0) return null;
  return html`<div class="exchanges"><h4>Requests and responses (${exchanges.length}, redacted)</h4>${exchanges.map(exchange)}</div>`;
}

/** The observation `assertProperty` records when a property fails (harness/spec/property.ts). */
export interface Counterexample {
  seed: number;
  path: string;
  replayPath?: string;
  counterexample: string[];
  failure: string;
  replay: string;
}

export function counterexampleOf(observations: readonly Observation[] | undefined): Counterexample | undefined {
  const v = observations?.find((o) => o.label === 'counterexample')?.value as Partial<Counterexample> | undefined;
  if (!v || typeof v !== 'object' || typeof v.replay !== 'string' || !Array.isArray(v.counterexample)) return undefined;
  return v as Counterexample;
}

/** A failed property: shrunk counterexample, seed and path, and the replay command with a copy button. */
export function renderCounterexample(c: Counterexample): Html {
  return html`<div class="property">
<h4>Shrunk counterexample (the smallest failing case found)</h4>
<ol class="steps">${c.counterexample.map((l) => html`<li><code>${l}</code></li>`)}</ol>
<dl class="kv"><dt>seed</dt><dd><code>${String(c.seed)}</code></dd><dt>path</dt><dd><code>${c.path}</code></dd>${
    c.replayPath ? html`<dt>replay path</dt><dd><code>${c.replayPath}</code></dd>` : null
  }</dl>
<div class="replay"><span>Replay it:</span> <code class="cmd">${c.replay}</code> <button type="button" class="copy js-only" data-copy="${c.replay}">Copy</button></div>
</div>`;
}

/** Observations other than the counterexample (which has its own block). */
export function renderObservations(observations: readonly Observation[] | undefined): Html | null {
  const rest = (observations ?? []).filter((o) => o.label !== 'counterexample');
  if (rest.length === 0) return null;
  return html`<div class="observations"><h4>Observed</h4><dl class="kv">${rest.map(
    (o) => html`<dt>${o.label}</dt><dd><pre>${pretty(o.value)}</pre></dd>`,
  )}</dl></div>`;
}
