/**
 * @module harness/recordings/placeholders
 * Makes an observed answer comparable across runs, accounts and regions: volatile values become
 * stable placeholders that keep references intact (the same key id is `<key-id:1>` wherever it
 * appears), in the manner of LocalStack's snapshot transformers.
 */

const UUID = /\b(?:mrk-[0-9a-f]{32}|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\b/gi;
const MATERIAL_ID = /\b[0-9a-f]{64}\b/gi;
const ACCOUNT = /(?<![\d])\d{12}(?![\d])/g;
const ISO_TIME = /\b\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:?\d{2})\b/g;
const RUN_ID = /kmsct-\d{8}T\d{6}-[0-9a-f]{4}/g;
const REGION = /\b(?:[a-z]{2}(?:-gov|-iso[a-z]*)?-[a-z]+-\d)\b/g;

export interface PlaceholderContext {
  /** Account ids known to belong to a principal. */
  accounts: Record<string, 'primary' | 'secondary'>;
  region: string;
}

/** Replaces volatile values in every string of `value`; non-integer numbers are rounded to 2 places. */
export class Placeholders {
  private readonly keyIds = new Map<string, string>();
  private readonly materialIds = new Map<string, string>();
  private readonly otherAccounts = new Map<string, string>();

  constructor(private readonly ctx: PlaceholderContext) {}

  apply(value: unknown): unknown {
    if (typeof value === 'string') return this.text(value);
    if (typeof value === 'number') return Number.isInteger(value) ? value : Math.round(value * 100) / 100;
    if (Array.isArray(value)) return value.map((v) => this.apply(v));
    if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, this.apply(v)]));
    return value;
  }

  private text(s: string): string {
    return s
      .replace(RUN_ID, '<run-id>')
      .replace(ISO_TIME, '<timestamp>')
      .replace(MATERIAL_ID, (m) => numbered(this.materialIds, m.toLowerCase(), 'key-material-id'))
      .replace(UUID, (m) => numbered(this.keyIds, m.toLowerCase(), 'key-id'))
      .replace(ACCOUNT, (m) => {
        const who = this.ctx.accounts[m];
        return who ? `<account:${who}>` : numbered(this.otherAccounts, m, 'account');
      })
      .replace(REGION, (m) => (m === this.ctx.region ? '<region>' : m));
  }
}

function numbered(map: Map<string, string>, raw: string, kind: string): string {
  let p = map.get(raw);
  if (!p) map.set(raw, (p = `<${kind}:${map.size + 1}>`));
  return p;
}

/** Which account each principal acts in, read from key ARNs in the answers it received. */
export function accountsOf(exchanges: readonly { principal?: string; response?: { body?: unknown } }[]): Record<string, 'primary' | 'secondary'> {
  const out: Record<string, 'primary' | 'secondary'> = {};
  for (const e of exchanges) {
    if (e.principal !== 'primary' && e.principal !== 'secondary') continue;
    const text = typeof e.response?.body === 'string' ? e.response.body : JSON.stringify(e.response?.body ?? '');
    for (const m of text.matchAll(/"Arn":"arn:[^:]+:kms:[^:]*:(\d{12}):key\//g)) out[m[1]!] ??= e.principal;
  }
  return out;
}
