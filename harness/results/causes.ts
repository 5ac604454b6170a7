/**
 * @module harness/results/causes
 * What to fix first: the failures of a run grouped by cause, and the groups ranked by how many
 * `must` requirements each explains. A cause is read from the failure itself: the operation the
 * target lacks, the member its answers never have, the refusal it does not make, the set-up step
 * that failed, or, failing all these, the failure line with its ids, ARNs and numbers taken out, so
 * that the same deviation seen by many checks is one row. Expected deviations count too (a
 * baseline explains a failure, it does not fix it); stale baseline entries are a cause of their own.
 * A blocked check joins the group of the requirement that blocked it, when that one deviates in the
 * run: one cause, counted once with everything it stopped.
 */
import type { RequirementResult } from './schema.ts';

export interface CauseGroup {
  /** The cause, in a few words. */
  cause: string;
  /** How many `must` requirements it explains, and how many in all. */
  must: number;
  total: number;
  /** How many of them the baseline lists (expected deviations). */
  baselined: number;
  /** How many of them are blocked checks (their set-up met this cause). */
  blocked: number;
  /** The requirement ids, must first. */
  ids: string[];
  /** One failure line, as an example. */
  example?: string;
}

const rawOutcome = (r: RequirementResult) => r.baseline?.rawOutcome ?? r.outcome;

/** A failure line without what varies between checks of the same deviation. */
export function normalizeFailure(message: string): string {
  return message
    .replace(/arn:aws[a-z-]*:[a-z]+:[a-z0-9-]*:\d*:[A-Za-z-]+\/[^\s'",;)]+/g, '<ARN>')
    .replace(/\bmrk-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b|\b(mrk-)?[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b|\bmrk-[0-9a-f]{32}\b/g, '<key id>')
    .replace(/\b[0-9a-f]{16,}\b/g, '<hex>')
    .replace(/'[^']{40,}'/g, "'…'")
    .replace(/\(\d[\d,]* characters\)/g, '')
    .replace(/\b\d{3,}\b(?! \))/g, (n) => (/^[1-5]\d\d$/.test(n) ? n : 'N'))
    .replace(/\s+/g, ' ')
    .trim();
}

const DEVIATING = new Set(['fail', 'not-implemented', 'blocked']);

/**
 * The cause of one failed (or baselined) requirement. A blocked one has its blocker's cause when
 * `others` holds the blocker and it deviates; otherwise the blocker and what its set-up met.
 */
export function causeOf(r: RequirementResult, others?: ReadonlyMap<string, RequirementResult>, seen: ReadonlySet<string> = new Set()): string {
  if (r.outcome === 'stale-deviation') return 'baseline entries that now pass (stale)';
  const message = r.failure?.message ?? '';
  if (rawOutcome(r) === 'blocked' && r.blockedBy) {
    const owner = others?.get(r.blockedBy);
    if (owner && DEVIATING.has(rawOutcome(owner)) && !seen.has(owner.id)) return causeOf(owner, others, new Set([...seen, r.id]));
    return `blocked by ${r.blockedBy}: ${normalizeFailure(message.replace(/^blocked by [A-Z0-9-]+: /, ''))}`;
  }
  if (rawOutcome(r) === 'not-implemented') return `${r.exchanges.at(-1)?.operation ?? r.operation} is not implemented`;
  let m = /^(?:.*: )?([A-Z][A-Za-z]+): expected the member, the answer has none/.exec(message);
  if (m) return `answers have no ${m[1]}`;
  m = /(\w+) (?:on|with) a key in (\w+) succeeded/.exec(message);
  if (m) return `operations on keys in ${m[2]} are not refused`;
  if (/^set-up: /.test(message)) return normalizeFailure(message);
  m = /Value '([^']+)' at '(\w+)' failed to satisfy constraint: Member must satisfy enum value set/.exec(message);
  if (m) return `${m[2]} ${m[1]} is refused as not one of its values`;
  if (/expected a client error but the (request|call) succeeded|succeeded; the key-state table refuses it|but the call succeeded/.test(message)) {
    return `${r.operation}: accepts what AWS refuses`;
  }
  m = /expected (\w+Exception)(?: \(HTTP \d+\))? but got (\w+)(?: \(HTTP (\d+)\))?/.exec(message);
  if (m) return `${r.operation}: answers ${m[2]}${m[3] ? ` (HTTP ${m[3]})` : ''} where AWS answers ${m[1]}`;
  return `${r.operation}: ${normalizeFailure(message.split(' | ')[0] ?? message) || 'failed without a message'}`;
}

/** The failures grouped by cause, most `must` requirements explained first. */
export function causeGroups(reqs: readonly RequirementResult[]): CauseGroup[] {
  const groups = new Map<string, { list: RequirementResult[] }>();
  const byId = new Map(reqs.map((r) => [r.id, r]));
  for (const r of reqs) {
    if (!DEVIATING.has(rawOutcome(r)) && r.outcome !== 'stale-deviation') continue;
    const cause = causeOf(r, byId);
    const g = groups.get(cause) ?? { list: [] };
    g.list.push(r);
    groups.set(cause, g);
  }
  const order = { must: 0, should: 1, observe: 2 } as const;
  return [...groups]
    .map(([cause, { list }]) => {
      const sorted = [...list].sort((a, b) => order[a.strength] - order[b.strength] || a.id.localeCompare(b.id, 'en', { numeric: true }));
      return {
        cause,
        must: list.filter((r) => r.strength === 'must').length,
        total: list.length,
        baselined: list.filter((r) => r.outcome === 'expected-deviation').length,
        blocked: list.filter((r) => rawOutcome(r) === 'blocked').length,
        ids: sorted.map((r) => r.id),
        ...(sorted[0]?.failure?.message && { example: sorted[0].failure.message }),
      };
    })
    .sort((a, b) => b.must - a.must || b.total - a.total || a.cause.localeCompare(b.cause));
}

/** "50 must, 64 in all, 20 of them blocked, 12 baselined": a group's counts in words. */
export function groupCounts(g: CauseGroup): string {
  return [
    `${g.must} must`,
    ...(g.total !== g.must ? [`${g.total} in all`] : []),
    ...(g.blocked ? [`${g.blocked} of them blocked`] : []),
    ...(g.baselined ? [`${g.baselined} baselined`] : []),
  ].join(', ');
}

/** Up to `n` ids, then "and N more". */
export function someIds(ids: readonly string[], n = 8): string {
  return ids.slice(0, n).join(', ') + (ids.length > n ? ` and ${ids.length - n} more` : '');
}
