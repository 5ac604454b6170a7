/**
 * `npm run generate:model`: writes reference/api/kms-api.generated.ts from AWS's own machine-readable
 * KMS model, the `service-2.json` that ships in botocore. `--check` only compares and exits 1 when
 * the committed file is stale.
 *
 * Why botocore: it is the model the AWS SDKs and CLI are built from, published to PyPI as a versioned,
 * immutable wheel, so one pinned version (and the wheel's hash) names exactly which model the
 * reference validates against. Fetching it with pip needs no new npm dependency; the generated file is
 * committed, so nothing but regeneration ever needs python.
 */
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { realpathSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import type { ModelError, OperationModel, Shape } from '../reference/api/shape.ts';

/** The botocore release the committed file is generated from: the one place the pin lives. */
export const BOTOCORE_VERSION = '1.44.8';

/** SHA-256 of botocore-1.44.8-py3-none-any.whl on PyPI, so a cached or mirrored wheel is the real one. */
export const BOTOCORE_WHEEL_SHA256 = '76342a76c338701db80dcb8afe1c9bd079283d6fffbb9d881442abb02a215043';

/** Where the generated file goes, relative to the project root. */
export const GENERATED_PATH = 'reference/api/kms-api.generated.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const WIDTH = 100;
const PIP_TIMEOUT_MS = 110_000;

/** A reference from one shape (or operation) to another by name, with its own traits. */
export interface ShapeRef {
  readonly shape: string;
  readonly [trait: string]: unknown;
}

/** A shape as botocore writes it: `type` plus traits; `renderModel` rejects traits it does not know. */
export interface RawShape {
  readonly type: string;
  readonly [trait: string]: unknown;
}

/** An operation as botocore writes it. */
export interface RawOperation {
  readonly input?: ShapeRef;
  readonly output?: ShapeRef;
  readonly errors?: readonly ShapeRef[];
  readonly [trait: string]: unknown;
}

/** The parts of botocore's service-2.json the generator reads. */
export interface ServiceModel {
  readonly metadata: { readonly apiVersion: string; readonly targetPrefix: string; readonly [key: string]: unknown };
  readonly operations: Readonly<Record<string, RawOperation>>;
  readonly shapes: Readonly<Record<string, RawShape>>;
  /** The regions KMS has an endpoint in, per partition (botocore's endpoints.json), when read. */
  readonly regions?: Readonly<Record<string, readonly string[]>>;
}

/** The model could not be fetched (no python3/pip, no network): callers may skip rather than fail. */
export class ModelUnavailableError extends Error {
  override readonly name = 'ModelUnavailableError';
}

// ---------------------------------------------------------------------------------------------------
// Loading the pinned model

/** The cache folder for one botocore version; under node_modules so it is never committed. */
export function cacheDir(version: string = BOTOCORE_VERSION): string {
  return join(ROOT, 'node_modules', '.cache', 'kms-conformance', `botocore-${version}`);
}

/** Runs a program and resolves with its stdout; rejects with the raw child_process error. */
function run(file: string, args: readonly string[], timeout: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    execFile(file, args, { encoding: 'buffer', timeout, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      if (error) reject(Object.assign(error, { stderrText: stderr.toString('utf8') }));
      else resolve(stdout);
    });
  });
}

/** Turns a failed pip/python run into one line: missing python, a timeout, or pip's last complaint. */
function describeFailure(error: unknown, what: string): string {
  const e = error as NodeJS.ErrnoException & { killed?: boolean; stderrText?: string };
  if (e.code === 'ENOENT') return `${what}: python3 is not on PATH`;
  if (e.killed) return `${what}: timed out after ${PIP_TIMEOUT_MS / 1000} s`;
  const lines = (e.stderrText ?? '').split('\n').map((line) => line.trim()).filter(Boolean);
  const reason = lines.filter((line) => /error|no module/i.test(line)).at(-1) ?? lines.at(-1) ?? e.message;
  return `${what}: ${reason.replace(/\s+/g, ' ')}`;
}

/** Hex SHA-256 of a file. */
async function sha256Of(path: string): Promise<string> {
  return createHash('sha256').update(await readFile(path)).digest('hex');
}

/** Fails unless the wheel is byte-for-byte the pinned PyPI release. */
async function verifyWheel(path: string, version: string): Promise<void> {
  if (version !== BOTOCORE_VERSION) return; // only the pinned release has a known hash
  const actual = await sha256Of(path);
  if (actual !== BOTOCORE_WHEEL_SHA256) {
    throw new Error(`${path} has sha256 ${actual}, not the pinned ${BOTOCORE_WHEEL_SHA256}; delete it and rerun`);
  }
}

/**
 * Downloads the wheel with pip into a private temporary folder and moves it into the cache only once
 * verified, so an interrupted or concurrent download never leaves a partial wheel where a reader looks.
 */
async function downloadWheel(version: string, dir: string, wheel: string): Promise<void> {
  await mkdir(join(dir, '..'), { recursive: true });
  const tmp = await mkdtemp(join(dir, '..', `.download-${version}-`));
  try {
    const args = ['-m', 'pip', 'download', '--no-deps', '--only-binary=:all:', '--disable-pip-version-check',
      '--no-input', '--quiet', `botocore==${version}`, '-d', tmp];
    await run('python3', args, PIP_TIMEOUT_MS).catch((error: unknown) => {
      throw new ModelUnavailableError(describeFailure(error, `cannot download botocore==${version} from PyPI`));
    });
    const downloaded = join(tmp, wheel);
    await stat(downloaded).catch(() => {
      throw new Error(`pip did not produce ${wheel} in ${tmp}`);
    });
    await verifyWheel(downloaded, version);
    await mkdir(dir, { recursive: true });
    await rename(downloaded, join(dir, wheel));
  } finally {
    await rm(tmp, { recursive: true, force: true });
  }
}

/** Reads the one `botocore/data/kms/<apiVersion>/service-2.json.gz` entry out of the wheel (a zip). */
const EXTRACT_PY = [
  'import sys, zipfile',
  'z = zipfile.ZipFile(sys.argv[1])',
  "names = [n for n in z.namelist() if n.startswith('botocore/data/kms/') and n.endswith('/service-2.json.gz')]",
  "if len(names) != 1: sys.exit('expected one kms service-2.json.gz in the wheel, found %d' % len(names))",
  'sys.stdout.buffer.write(z.read(names[0]))',
].join('\n');

/** Reads `botocore/data/endpoints.json` out of the wheel. */
const EXTRACT_ENDPOINTS_PY = [
  'import sys, zipfile',
  'z = zipfile.ZipFile(sys.argv[1])',
  "sys.stdout.buffer.write(z.read('botocore/data/endpoints.json'))",
].join('\n');

/** The regions of each partition in which KMS has an endpoint (FIPS endpoints are not regions). */
export function kmsRegions(endpoints: unknown): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  const partitions = isObject(endpoints) && Array.isArray(endpoints.partitions) ? (endpoints.partitions as unknown[]) : [];
  for (const p of partitions) {
    if (!isObject(p) || typeof p.partition !== 'string' || !isObject(p.regions) || !isObject(p.services)) continue;
    const kms = p.services.kms;
    const served = isObject(kms) && isObject(kms.endpoints) ? Object.keys(kms.endpoints) : [];
    const regions = Object.keys(p.regions).filter((r) => served.includes(r)).sort();
    if (regions.length) out[p.partition] = regions;
  }
  if (!Object.keys(out).length) throw new Error('endpoints.json names no region with a KMS endpoint');
  return out;
}

/**
 * The KMS model of the pinned botocore, from the wheel cached under node_modules/.cache (downloaded
 * with pip when absent). Throws ModelUnavailableError when python3, pip or PyPI cannot be reached.
 */
export async function loadServiceModel(version: string = BOTOCORE_VERSION): Promise<ServiceModel> {
  const dir = cacheDir(version);
  const wheel = `botocore-${version}-py3-none-any.whl`;
  const path = join(dir, wheel);
  const cached = await stat(path).then(() => true, () => false);
  if (cached) await verifyWheel(path, version);
  else await downloadWheel(version, dir, wheel);
  const gz = await run('python3', ['-c', EXTRACT_PY, path], PIP_TIMEOUT_MS).catch((error: unknown) => {
    const line = describeFailure(error, `cannot read the KMS model out of ${path}`);
    throw (error as NodeJS.ErrnoException).code === 'ENOENT' ? new ModelUnavailableError(line) : new Error(line);
  });
  const json: unknown = JSON.parse(gunzipSync(gz).toString('utf8'));
  if (!isObject(json) || !isObject(json.metadata) || !isObject(json.operations) || !isObject(json.shapes)) {
    throw new Error(`${path}: the KMS service-2.json lacks metadata, operations or shapes`);
  }
  const endpoints = await run('python3', ['-c', EXTRACT_ENDPOINTS_PY, path], PIP_TIMEOUT_MS).catch((error: unknown) => {
    throw new Error(describeFailure(error, `cannot read endpoints.json out of ${path}`));
  });
  return { ...(json as unknown as ServiceModel), regions: kmsRegions(JSON.parse(endpoints.toString('utf8'))) };
}

// ---------------------------------------------------------------------------------------------------
// Checking the model: the generator knows every trait of the pinned model, and a botocore bump that
// adds one fails here, loudly, instead of silently losing a validation rule.

/** Traits dropped everywhere: prose, which must never be copied into the project. */
const DROPPED = new Set(['documentation', 'deprecatedMessage']);

/** The traits each shape type may carry, besides `type` and the dropped ones. */
const KNOWN_TRAITS: Readonly<Record<Shape['type'], readonly string[]>> = {
  string: ['min', 'max', 'pattern', 'enum', 'sensitive', 'deprecated'],
  blob: ['min', 'max', 'sensitive', 'deprecated'],
  integer: ['min', 'max', 'deprecated'],
  long: ['min', 'max', 'deprecated'],
  boolean: ['deprecated'],
  timestamp: ['deprecated'],
  list: ['member', 'min', 'max', 'sensitive', 'deprecated'],
  map: ['key', 'value', 'min', 'max', 'sensitive', 'deprecated'],
  structure: ['members', 'required', 'sensitive', 'deprecated', 'exception', 'fault', 'error'],
};
const REF_TRAITS = new Set(['shape', 'deprecated']);
const OPERATION_TRAITS = new Set(['name', 'http', 'input', 'output', 'errors']);
const ERROR_TRAITS = new Set(['code', 'httpStatusCode', 'senderFault']);

/** A plain JSON object. */
function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Throws one line naming where the model stops matching what the generator understands. */
function fail(where: string, problem: string): never {
  throw new Error(`KMS model, ${where}: ${problem}`);
}

/** Rejects traits outside `allowed` (prose traits are always allowed, and dropped). */
function checkTraits(where: string, value: Record<string, unknown>, allowed: ReadonlySet<string>): void {
  for (const trait of Object.keys(value)) {
    if (!allowed.has(trait) && !DROPPED.has(trait)) fail(where, `unknown trait '${trait}'`);
  }
}

/** Checks a reference's traits and that it names a shape of the model; returns the name. */
function checkRef(where: string, ref: unknown, shapes: ServiceModel['shapes']): string {
  if (!isObject(ref) || typeof ref.shape !== 'string') fail(where, 'is not a shape reference');
  checkTraits(where, ref, REF_TRAITS);
  if (!Object.hasOwn(shapes, ref.shape)) fail(where, `refers to unknown shape '${ref.shape}'`);
  return ref.shape;
}

/** Checks one trait's value type, so the table never carries e.g. a string `min`. */
function checkValue(where: string, trait: string, value: unknown): void {
  const ok =
    ['min', 'max', 'httpStatusCode'].includes(trait) ? Number.isInteger(value)
    : ['pattern', 'code'].includes(trait) ? typeof value === 'string'
    : ['sensitive', 'deprecated', 'exception', 'fault', 'senderFault'].includes(trait) ? typeof value === 'boolean'
    : ['enum', 'required'].includes(trait) ? Array.isArray(value) && value.every((v) => typeof v === 'string')
    : true;
  if (!ok) fail(where, `trait '${trait}' has an unexpected value ${JSON.stringify(value)}`);
}

/** Checks one shape: known type, known traits of the right kinds, references that resolve. */
function checkShape(name: string, shape: RawShape, shapes: ServiceModel['shapes']): void {
  const where = `shape ${name}`;
  if (!Object.hasOwn(KNOWN_TRAITS, shape.type)) fail(where, `unknown type '${shape.type}'`);
  const traits = KNOWN_TRAITS[shape.type as Shape['type']];
  checkTraits(where, shape, new Set(['type', ...traits]));
  for (const [trait, value] of Object.entries(shape)) checkValue(where, trait, value);
  if (shape.type === 'list') checkRef(`${where}.member`, shape.member, shapes);
  if (shape.type === 'map') {
    checkRef(`${where}.key`, shape.key, shapes);
    checkRef(`${where}.value`, shape.value, shapes);
  }
  if (shape.type === 'structure') {
    if (!isObject(shape.members)) fail(where, 'has no members object');
    for (const [member, ref] of Object.entries(shape.members)) checkRef(`${where}.${member}`, ref, shapes);
    for (const member of (shape.required as string[] | undefined) ?? []) {
      if (!Object.hasOwn(shape.members, member)) fail(where, `requires '${member}', which is not a member`);
    }
    if (shape.error !== undefined) {
      if (!isObject(shape.error)) fail(where, 'has a non-object error trait');
      checkTraits(`${where}.error`, shape.error, ERROR_TRAITS);
      for (const [trait, value] of Object.entries(shape.error)) checkValue(`${where}.error`, trait, value);
    }
  }
}

/** Checks one operation: known traits, and its errors are exception shapes. */
function checkOperation(name: string, operation: RawOperation, shapes: ServiceModel['shapes']): void {
  const where = `operation ${name}`;
  checkTraits(where, operation, OPERATION_TRAITS);
  if (operation.input !== undefined) checkRef(`${where}.input`, operation.input, shapes);
  if (operation.output !== undefined) checkRef(`${where}.output`, operation.output, shapes);
  if (operation.errors !== undefined && !Array.isArray(operation.errors)) fail(where, 'errors is not a list');
  for (const ref of operation.errors ?? []) {
    const error = checkRef(`${where}.errors`, ref, shapes);
    if (!isException(shapes[error]!)) fail(where, `lists '${error}' as an error, which is not an exception`);
  }
}

/** Checks the whole model before anything is rendered. */
function checkModel(model: ServiceModel): void {
  const { apiVersion, targetPrefix } = model.metadata;
  if (typeof apiVersion !== 'string' || typeof targetPrefix !== 'string') {
    fail('metadata', 'apiVersion and targetPrefix must be strings');
  }
  for (const [name, shape] of Object.entries(model.shapes)) checkShape(name, shape, model.shapes);
  for (const [name, operation] of Object.entries(model.operations)) checkOperation(name, operation, model.shapes);
}

// ---------------------------------------------------------------------------------------------------
// The runtime table

/** Whether a shape is an error the service returns (botocore's `exception`, or an `error` trait). */
function isException(shape: RawShape): boolean {
  return shape.type === 'structure' && (shape.exception === true || shape.error !== undefined);
}

/** The wire identity of an exception: code defaults to the shape name, status to 400/500 by fault. */
function modelError(name: string, shape: RawShape): ModelError {
  const error = (shape.error ?? {}) as { code?: string; httpStatusCode?: number };
  const fault = shape.fault === true ? 'server' : 'client';
  return { code: error.code ?? name, status: error.httpStatusCode ?? (fault === 'server' ? 500 : 400), fault };
}

/** Sorted names of an object's keys, so output never depends on the model's key order. */
function sortedKeys(record: Readonly<Record<string, unknown>>): string[] {
  return Object.keys(record).sort();
}

/** Copies the listed traits that are present, in that order; `deprecated` only when true. */
function pick(shape: RawShape, traits: readonly string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const trait of traits) {
    if (shape[trait] === undefined || (trait === 'deprecated' && shape[trait] !== true)) continue;
    out[trait] = shape[trait];
  }
  return out;
}

/** One table entry: the validation traits, with references flattened to shape names. */
function tableEntry(name: string, shape: RawShape): Shape {
  const ref = (trait: string): string => (shape[trait] as ShapeRef).shape;
  switch (shape.type) {
    case 'list':
      return { type: 'list', member: ref('member'),
        ...pick(shape, ['min', 'max', 'sensitive', 'deprecated']) } as Shape;
    case 'map':
      return { type: 'map', key: ref('key'), value: ref('value'),
        ...pick(shape, ['min', 'max', 'sensitive', 'deprecated']) } as Shape;
    case 'structure': {
      const refs = shape.members as Record<string, ShapeRef>;
      const members = Object.fromEntries(Object.entries(refs).map(([member, r]) => [member, r.shape]));
      const deprecatedMembers = Object.keys(refs).filter((member) => refs[member]!.deprecated === true);
      return {
        type: 'structure',
        members,
        ...pick(shape, ['required']),
        ...(deprecatedMembers.length > 0 ? { deprecatedMembers } : {}),
        ...pick(shape, ['sensitive', 'deprecated']),
        ...(isException(shape) ? { error: modelError(name, shape) } : {}),
      } as Shape;
    }
    default:
      return { type: shape.type, ...pick(shape, KNOWN_TRAITS[shape.type as Shape['type']]) } as Shape;
  }
}

/** One operation entry: input/output names and its errors, sorted and de-duplicated. */
function operationEntry(operation: RawOperation): OperationModel {
  const errors = [...new Set((operation.errors ?? []).map((ref) => ref.shape))].sort();
  return {
    ...(operation.input ? { input: operation.input.shape } : {}),
    ...(operation.output ? { output: operation.output.shape } : {}),
    errors,
  };
}

// ---------------------------------------------------------------------------------------------------
// Formatting: a tiny, deterministic pretty-printer (one line when it fits in WIDTH, else one item per
// line), so regenerating never reorders or rewraps anything by accident.

type Literal = string | number | boolean | readonly Literal[] | { readonly [key: string]: Literal };

/** A single-quoted TS string; JSON's escapes are valid TS escapes. */
function quote(text: string): string {
  return `'${JSON.stringify(text).slice(1, -1).replace(/\\"/g, '"').replace(/'/g, "\\'")}'`;
}

/** An object key: bare when it is an identifier, quoted otherwise. */
function key(name: string): string {
  return /^[A-Za-z_$][\w$]*$/.test(name) ? name : quote(name);
}

/** A literal on one line. */
function inline(value: Literal): string {
  if (typeof value === 'string') return quote(value);
  if (typeof value !== 'object') return String(value);
  if (Array.isArray(value)) return `[${value.map(inline).join(', ')}]`;
  const entries = Object.entries(value).map(([k, v]) => `${key(k)}: ${inline(v)}`);
  return entries.length === 0 ? '{}' : `{ ${entries.join(', ')} }`;
}

/** A literal starting at column `column` of a line indented by `indent`, followed by one character. */
function literal(value: Literal, indent: string, column: number): string {
  const flat = inline(value);
  if (typeof value !== 'object' || column + flat.length + 1 <= WIDTH) return flat;
  const inner = `${indent}  `;
  if (Array.isArray(value)) {
    const items = value.map((item: Literal) => `${inner}${literal(item, inner, inner.length)},`);
    return `[\n${items.join('\n')}\n${indent}]`;
  }
  const entries = Object.entries(value).map(([k, v]) => {
    const head = `${inner}${key(k)}: `;
    return `${head}${literal(v, inner, head.length)},`;
  });
  return `{\n${entries.join('\n')}\n${indent}}`;
}

/** `export type Name = A | B;` after `prefix` (a doc comment), one alternative per line when it does not fit. */
function unionType(name: string, alternatives: readonly string[], prefix = ''): string {
  const head = `export type ${name} =`;
  const flat = `${head} ${alternatives.join(' | ')};`;
  if (flat.length <= WIDTH || alternatives.length < 2) return `${prefix}${flat}`;
  return `${prefix}${head}\n${alternatives.map((alternative) => `  | ${alternative}`).join('\n')};`;
}

// ---------------------------------------------------------------------------------------------------
// Handler types

/** Names the generated file declares or uses itself; a shape with one of these names is renamed. */
const TAKEN_NAMES = new Set([
  'Buffer', 'Date', 'Record', 'ShapeTable', 'OperationModel', 'OperationName', 'ModelErrorName', 'OperationIO',
  'BOTOCORE_VERSION', 'API_VERSION', 'TARGET_PREFIX', 'SHAPES', 'OPERATIONS', 'OPERATION_NAMES',
]);

/** The TS type name of each enum/structure shape: its own name unless that would clash. */
function typeNames(model: ServiceModel): Map<string, string> {
  const names = new Map<string, string>();
  const used = new Set([...TAKEN_NAMES, ...Object.keys(model.shapes)]);
  for (const name of sortedKeys(model.shapes)) {
    const shape = model.shapes[name]!;
    if (shape.type !== 'structure' && !(shape.type === 'string' && shape.enum)) continue;
    let typeName = name;
    if (TAKEN_NAMES.has(name)) {
      for (typeName = `${name}Shape`; used.has(typeName); typeName = `${typeName}_`);
      used.add(typeName);
    }
    names.set(name, typeName);
  }
  return names;
}

/** The TS type of a value of the named shape, as a handler sees it after JSON decoding. */
function tsType(name: string, model: ServiceModel, names: ReadonlyMap<string, string>): string {
  const shape = model.shapes[name]!;
  switch (shape.type) {
    case 'string': return names.get(name) ?? 'string';
    case 'blob': return 'Buffer';
    case 'timestamp': return 'Date';
    case 'integer': case 'long': return 'number';
    case 'boolean': return 'boolean';
    case 'list': return `${tsType((shape.member as ShapeRef).shape, model, names)}[]`;
    case 'map': return `Record<string, ${tsType((shape.value as ShapeRef).shape, model, names)}>`;
    default: return names.get(name)!;
  }
}

/** The declaration of one enum or structure shape; empty structures accept only `{}`. */
function typeDeclaration(name: string, model: ServiceModel, names: ReadonlyMap<string, string>): string {
  const shape = model.shapes[name]!;
  const typeName = names.get(name)!;
  const deprecated = shape.deprecated === true ? '/** @deprecated The KMS model marks this shape deprecated. */\n' : '';
  if (shape.type === 'string') return unionType(typeName, (shape.enum as string[]).map(quote), deprecated);
  const refs = Object.entries(shape.members as Record<string, ShapeRef>);
  if (refs.length === 0) return `${deprecated}export type ${typeName} = Record<string, never>;`;
  const required = new Set((shape.required as string[] | undefined) ?? []);
  const lines = refs.map(([member, ref]) => {
    const note = ref.deprecated === true ? '  /** @deprecated The KMS model marks this member deprecated. */\n' : '';
    return `${note}  ${key(member)}${required.has(member) ? '' : '?'}: ${tsType(ref.shape, model, names)};`;
  });
  return `${deprecated}export interface ${typeName} {\n${lines.join('\n')}\n}`;
}

/** `OperationIO`: each operation's input and output types, for typing handlers. */
function operationIO(model: ServiceModel, names: ReadonlyMap<string, string>): string {
  const lines = sortedKeys(model.operations).map((name) => {
    const { input, output } = model.operations[name]!;
    const inputType = input ? tsType(input.shape, model, names) : 'Record<string, never>';
    const outputType = output ? tsType(output.shape, model, names) : 'void';
    const flat = `  ${key(name)}: { input: ${inputType}; output: ${outputType} };`;
    if (flat.length <= WIDTH) return flat;
    return `  ${key(name)}: {\n    input: ${inputType};\n    output: ${outputType};\n  };`;
  });
  const doc = "/** Each operation's request and response types, for typing handlers. */";
  return `${doc}\nexport interface OperationIO {\n${lines.join('\n')}\n}`;
}

/** `/** doc *\/ export const <head><literal><tail>;`, the literal laid out from where `head` ends. */
function constant(doc: string, head: string, value: Literal, tail = ''): string {
  const start = `export const ${head}`;
  return `/** ${doc} */\n${start}${literal(value, '', start.length)}${tail};`;
}

// ---------------------------------------------------------------------------------------------------
// The file

/** The header comment: where the file comes from, and which shapes had to be renamed. */
function header(botocoreVersion: string, apiVersion: string, names: ReadonlyMap<string, string>): string {
  const renamed = [...names].filter(([shape, type]) => shape !== type).map(([shape, type]) => `${shape} -> ${type}`);
  return [
    `// Generated by scripts/generate-kms-model.ts from botocore ${botocoreVersion}`,
    `// (kms ${apiVersion} service-2.json). Do not edit: regenerate with \`npm run generate:model\`.`,
    ...(renamed.length > 0 ? [`// Types renamed so they do not clash with names this file uses: ${renamed.join(', ')}.`] : []),
  ].join('\n');
}

/**
 * The full text of the generated file for a model. Pure and deterministic: shapes and operations are
 * sorted by name, formatting is fixed, and the text ends with a newline. Throws on anything in the
 * model the generator does not understand.
 */
export function renderModel(model: ServiceModel, botocoreVersion: string): string {
  checkModel(model);
  const { apiVersion, targetPrefix } = model.metadata;
  const shapeNames = sortedKeys(model.shapes);
  const operationNames = sortedKeys(model.operations);
  const names = typeNames(model);
  const shapes = Object.fromEntries(shapeNames.map((name) => [name, tableEntry(name, model.shapes[name]!)]));
  const operations = Object.fromEntries(
    operationNames.map((name) => [name, operationEntry(model.operations[name]!)]),
  );
  const errorNames = shapeNames.filter((name) => isException(model.shapes[name]!));
  const sections = [
    header(botocoreVersion, apiVersion, names),
    "import type { OperationModel, ShapeTable } from './shape.ts';",
    [
      constant('The botocore release this file was generated from.', 'BOTOCORE_VERSION = ', botocoreVersion),
      constant('The KMS API version of the model.', 'API_VERSION = ', apiVersion),
      constant('The X-Amz-Target prefix of every KMS operation.', 'TARGET_PREFIX = ', targetPrefix),
    ].join('\n'),
    constant('Every shape of the model, with only its validation traits.', 'SHAPES = ',
      shapes as unknown as Literal, ' as const satisfies ShapeTable'),
    constant('Every operation: input/output shape names and the errors it may return.', 'OPERATIONS = ',
      operations as unknown as Literal, ' as const satisfies Readonly<Record<string, OperationModel>>'),
    '/** The name of a KMS operation. */\nexport type OperationName = keyof typeof OPERATIONS;',
    constant('Every operation name, sorted.', 'OPERATION_NAMES: readonly OperationName[] = ', operationNames),
    ...(model.regions
      ? [constant('The regions KMS has an endpoint in, per partition (endpoints.json).', 'KMS_REGIONS = ', model.regions as unknown as Literal, ' as const')]
      : []),
    unionType('ModelErrorName', errorNames.map(quote), '/** The name of every exception shape of the model. */\n'),
    ...shapeNames.filter((name) => names.has(name)).map((name) => typeDeclaration(name, model, names)),
    operationIO(model, names),
  ];
  return `${sections.join('\n\n')}\n`;
}

// ---------------------------------------------------------------------------------------------------
// Command line

/** Writes the generated file, or with `--check` compares it; returns the exit code. */
async function main(args: readonly string[]): Promise<number> {
  const unknown = args.filter((arg) => arg !== '--check');
  if (unknown.length > 0) throw new Error(`unknown argument ${unknown[0]}; the only option is --check`);
  const text = renderModel(await loadServiceModel(), BOTOCORE_VERSION);
  const path = join(ROOT, GENERATED_PATH);
  if (args.includes('--check')) {
    const committed = await readFile(path, 'utf8').catch(() => undefined);
    if (committed === text) return 0;
    const line = `${GENERATED_PATH} is not what botocore ${BOTOCORE_VERSION} generates; run npm run generate:model`;
    process.stderr.write(`${line}\n`);
    return 1;
  }
  await writeFile(path, text);
  process.stdout.write(`wrote ${GENERATED_PATH} from botocore ${BOTOCORE_VERSION}\n`);
  return 0;
}

/** Whether this module is the script being run rather than an import (tests import it). */
function isEntryPoint(): boolean {
  const script = process.argv[1];
  if (!script) return false;
  try {
    return realpathSync(script) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}

if (isEntryPoint()) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error: unknown) => {
      process.stderr.write(`generate-kms-model: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exit(2);
    },
  );
}
