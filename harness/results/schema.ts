/**
 * @module harness/results/schema
 * The shape of `results.json`, defined once with zod; the result types are derived from it.
 * `schema/results.schema.json` is generated from it (`npm run schema`) and shipped in the package; a
 * test keeps the committed file current.
 *
 * Versioning (semver on RESULTS_SCHEMA_VERSION, see schema/README.md): a new optional field or a new
 * enum value a consumer may ignore is a minor change; removing or renaming a field, making one
 * required, or changing its meaning is a major change.
 */
import { z } from 'zod';
import { DEVIATING_OUTCOMES, EVIDENCE_LEVELS, OUTCOMES, STRENGTHS, VERDICTS } from './outcomes.ts';

export const RESULTS_SCHEMA_VERSION = '1.3.0';

/** Where the generated schema is published; the version is part of the id. */
export const RESULTS_SCHEMA_ID = `https://kms-conformance.dev/schema/results/${RESULTS_SCHEMA_VERSION}/results.schema.json`;

/** `AREA-NN`: a requirement id (DIKM-03). */
export const REQUIREMENT_ID = /^[A-Z][A-Z0-9]*(-[A-Z0-9]+)*-\d{2,3}$/;

const OutcomeSchema = z.enum(OUTCOMES).describe(
  'What the check came to: pass; fail; not-implemented (the target lacks the operation); not-applicable (a capability the target declared absent); ' +
    'observed (an observe check ran); expected-deviation (a failure the baseline lists); stale-deviation (a baselined requirement that now passes).',
);
const StrengthSchema = z.enum(STRENGTHS).describe('must: a failure is nonconformance; should: parity detail; observe: AWS behaviour unknown, no verdict.');
const EvidenceSchema = z.enum(EVIDENCE_LEVELS).describe('How strong the evidence for the requirement is.');
const Headers = z.record(z.string(), z.string()).describe('HTTP headers, lower-case names; credentials and signatures redacted.');
const Count = z.number().int().nonnegative();
const Counts = z.object(Object.fromEntries(OUTCOMES.map((o) => [o, Count])) as Record<(typeof OUTCOMES)[number], typeof Count>).strict();

export const ExchangeSchema = z
  .object({
    operation: z.string().describe("The KMS operation (from X-Amz-Target), or '(none)'."),
    principal: z.string().describe('Which principal sent the request (primary, secondary).'),
    via: z.enum(['sdk', 'raw']).describe('The AWS SDK or the raw signed-HTTP client.'),
    request: z
      .object({
        method: z.string(),
        path: z.string(),
        query: z.record(z.string(), z.string()).optional(),
        headers: Headers,
        body: z.unknown().describe('The request body: parsed JSON where it was JSON, redacted.'),
      })
      .strict(),
    response: z.object({ status: z.number().int(), headers: Headers, body: z.unknown().describe('The response body, parsed where JSON, redacted.') }).strict().optional(),
    error: z.string().optional().describe('A network-level failure instead of a response.'),
    durationMs: z.number().nonnegative(),
    at: z.string().describe('When the request was sent (ISO 8601).'),
  })
  .strict()
  .describe('One request and its response, redacted.');

export const ObservationSchema = z.object({ label: z.string(), value: z.unknown().describe('What the target answered (redacted).') }).strict();

export const BaselineEntrySchema = z.object({
  reason: z.string().describe('Why the target is known to deviate here.'),
  link: z.string().optional().describe('An issue or document about the deviation.'),
  expect: z.enum(DEVIATING_OUTCOMES).optional().describe('The raw outcome the entry expects, when it names one.'),
  reviewed: z.boolean().optional().describe('false while the reason is still the provisional one written by `baseline update`.'),
});

export const RequirementSourceSchema = z
  .object({
    url: z.string().describe('Link to the AWS documentation or the recording.'),
    section: z.string().optional(),
    groundTruth: z.string().optional().describe('Id of the fact in the project ground truth (e.g. REQ-C1).'),
  })
  .strict();

/** A requirement: one checkable statement about AWS KMS, with its source and evidence (shared/DESIGN.md). */
export const RequirementSchema = z
  .object({
    id: z.string().regex(REQUIREMENT_ID).describe('Stable requirement id, never reused (e.g. DIKM-03).'),
    statement: z.string().min(1).describe('What AWS does, in one line.'),
    operation: z.string().describe('The KMS operation, or an area such as protocol.'),
    source: RequirementSourceSchema,
    evidence: EvidenceSchema,
    strength: StrengthSchema,
  })
  .strict();

export const RequirementResultSchema = RequirementSchema.extend({
  outcome: OutcomeSchema,
  durationMs: z.number().nonnegative(),
  failure: z
    .object({ message: z.string(), expected: z.unknown().optional(), actual: z.unknown().optional(), diff: z.string().optional() })
    .strict()
    .optional()
    .describe('Why a check failed; expected and actual when an expectation said so.'),
  note: z.string().optional().describe('Why the check was not applicable.'),
  blockedBy: z.string().optional().describe('For a blocked check: the requirement that checks what its set-up step met (the failure says what). Since 1.3.0.'),
  observations: z.array(ObservationSchema).optional(),
  exchanges: z.array(ExchangeSchema).describe('Every request the check made, in order.'),
  cleanupProblems: z.array(z.string()).optional().describe('Resources the check could not remove.'),
  baseline: BaselineEntrySchema.extend({ rawOutcome: OutcomeSchema.describe('The outcome before the baseline applied.') })
    .strict()
    .optional()
    .describe('Set when the run baseline lists this requirement.'),
}).strict();

const VerdictSchema = z
  .enum(VERDICTS)
  .describe('conformant-to-baseline: no must failure beyond the expected deviations the baseline lists.');

/** The whole `results.json` document. */
export const RunResultsSchema = z
  .object({
    schemaVersion: z
      .string()
      .regex(new RegExp(`^${RESULTS_SCHEMA_VERSION.split('.')[0]}\\.\\d+\\.\\d+$`))
      .describe('Semantic version of the schema the document follows; this schema accepts its own major version.'),
    suite: z.object({ name: z.string(), version: z.string() }).strict().describe('The suite that produced the document.'),
    run: z
      .object({
        id: z.string().describe('Run id; every resource the run created is tagged with it.'),
        startedAt: z.string(),
        finishedAt: z.string(),
        durationMs: z.number().nonnegative(),
        seed: Count.describe('Seed of the property-based checks; --seed repeats it.'),
        grep: z.string().optional().describe('The --grep the run was given.'),
        filter: z.string().optional().describe("Set when only some requirements ran (--grep, --strength, --operation, --rerun-failed): the filters, as options; the results are partial. Since 1.2.0."),
        shard: z.object({ index: Count, count: Count }).strict().optional().describe('--shard index/count: the run is one part of a sharded run (report merge joins the parts). Since 1.2.0.'),
        mergedFrom: z.array(z.string()).optional().describe('Set by report merge: the run ids of the parts this document joins. Since 1.2.0.'),
        interrupted: z.boolean().optional().describe('True when the run was stopped before the end.'),
        notRun: z.array(z.string()).optional().describe('Requirements the run selected that did not run (it was interrupted, or their spec file broke); nothing is claimed about them. Since 1.1.0.'),
      })
      .strict(),
    target: z
      .object({
        name: z.string(),
        kind: z.string().describe('embedded, endpoint, or another target kind.'),
        endpoint: z.string().optional(),
        region: z.string(),
        principals: z.array(z.string()).describe('Names of the principals used (never their credentials).'),
        version: z.string().optional(),
        declared: z.record(z.string(), z.unknown()).optional().describe('What the target declared about itself (capabilities).'),
      })
      .strict(),
    baseline: z
      .object({
        path: z.string(),
        target: z.string().describe('The target the baseline file was written for.'),
        entries: Count,
        allowStale: z.boolean().describe('Whether stale entries were allowed (--allow-stale).'),
        unknownIds: z.array(z.string()).describe('Entries naming no requirement of this suite: stale, like a deviation that now passes.'),
        notRun: z.array(z.string()).describe('Entries for requirements this run did not run (--grep, or interrupted).'),
      })
      .strict()
      .optional()
      .describe('The known-deviation baseline applied to the run, if any.'),
    verdict: VerdictSchema,
    summary: z
      .object({ total: Count, byOutcome: Counts, byStrength: z.object({ must: Counts, should: Counts, observe: Counts }).strict() })
      .strict(),
    requirements: z.array(RequirementResultSchema).describe('One entry per requirement that ran, sorted by id.'),
    errors: z.array(z.string()).describe('Problems of the suite itself, not of the target.'),
  })
  .strict()
  .describe('Results of one kms-conformance run.');

export type Exchange = z.infer<typeof ExchangeSchema>;
export type Observation = z.infer<typeof ObservationSchema>;
export type RequirementSource = z.infer<typeof RequirementSourceSchema>;
export type Requirement = z.infer<typeof RequirementSchema>;
export type BaselineEntry = z.infer<typeof BaselineEntrySchema>;
export type RequirementResult = z.infer<typeof RequirementResultSchema>;
export type RunResults = z.infer<typeof RunResultsSchema>;
/** `conformant`, `conformant-to-baseline`, `nonconformant` or `error` (see verdict.ts). */
export type Verdict = z.infer<typeof VerdictSchema>;

/** The JSON Schema (draft 2020-12) of results.json, as shipped in schema/results.schema.json. */
export function resultsJsonSchema(): Record<string, unknown> {
  const generated = z.toJSONSchema(RunResultsSchema, { target: 'draft-2020-12', unrepresentable: 'any' }) as Record<string, unknown>;
  const { $schema, ...rest } = generated;
  return { $schema, $id: RESULTS_SCHEMA_ID, title: `kms-conformance results.json ${RESULTS_SCHEMA_VERSION}`, ...rest };
}

/** The schema file's exact text (two-space JSON and a final newline), for writing and comparing. */
export function resultsJsonSchemaText(): string {
  return `${JSON.stringify(resultsJsonSchema(), null, 2)}\n`;
}
