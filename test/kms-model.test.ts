/**
 * The generated KMS model: `renderModel` on a tiny hand-made model (each shape kind, an exception, an
 * operation without output, a name that must be renamed), the committed file against the pinned
 * botocore, and the facts of the real model the reference relies on.
 */
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, expectTypeOf, it } from 'vitest';
import {
  BOTOCORE_VERSION,
  GENERATED_PATH,
  loadServiceModel,
  ModelUnavailableError,
  renderModel,
  type ServiceModel,
} from '../scripts/generate-kms-model.ts';
import {
  OPERATION_NAMES,
  OPERATIONS,
  SHAPES,
  type KeySpec,
  type ListKeysRequest,
  type OperationIO,
} from '../reference/api/kms-api.generated.ts';
import type { Shape } from '../reference/api/shape.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** One of each shape kind, in a deliberately unsorted order, with prose that must be dropped. */
const TINY: ServiceModel = {
  metadata: { apiVersion: '2020-02-02', targetPrefix: 'TinyService', protocol: 'json' },
  operations: {
    Put: {
      name: 'Put',
      http: { method: 'POST', requestUri: '/' },
      input: { shape: 'PutRequest' },
      errors: [{ shape: 'NotThereException' }, { shape: 'BrokenException' }, { shape: 'NotThereException' }],
      documentation: 'OPERATION PROSE',
    },
    Get: { name: 'Get', input: { shape: 'GetRequest' }, output: { shape: 'Date' }, errors: [] },
  },
  shapes: {
    PutRequest: {
      type: 'structure',
      required: ['Name'],
      members: {
        Name: { shape: 'NameType', documentation: 'MEMBER PROSE' },
        Color: { shape: 'ColorType' },
        Data: { shape: 'DataType' },
        Labels: { shape: 'LabelMap' },
        Colors: { shape: 'ColorList' },
        Old: { shape: 'NameType', deprecated: true, deprecatedMessage: 'DEPRECATION PROSE' },
      },
    },
    ColorType: { type: 'string', enum: ['RED', 'GREEN'], documentation: 'SHAPE PROSE' },
    NameType: { type: 'string', min: 1, max: 8, pattern: "^[a-z'\\\\]+$" },
    DataType: { type: 'blob', min: 1, max: 16, sensitive: true },
    ColorList: { type: 'list', member: { shape: 'ColorType' }, max: 2 },
    LabelMap: { type: 'map', key: { shape: 'NameType' }, value: { shape: 'NameType' } },
    GetRequest: { type: 'structure', members: {} },
    // A shape called `Date` must not hide the global Date that timestamps map to.
    Date: { type: 'structure', members: { When: { shape: 'TimeType' }, Count: { shape: 'CountType' } } },
    TimeType: { type: 'timestamp' },
    CountType: { type: 'integer', min: 0 },
    NotThereException: {
      type: 'structure',
      members: { message: { shape: 'NameType' } },
      exception: true,
      error: { code: 'NotThere', httpStatusCode: 404, senderFault: true },
    },
    BrokenException: { type: 'structure', members: {}, exception: true, fault: true },
  },
};

/** The same model with every key order reversed: the output must not change. */
function reversed(model: ServiceModel): ServiceModel {
  const flip = <T>(record: Readonly<Record<string, T>>): Record<string, T> =>
    Object.fromEntries(Object.entries(record).reverse());
  return { ...model, operations: flip(model.operations), shapes: flip(model.shapes) };
}

/** Evaluates generated TS as a module: strip the types, import the JS from a data: URL. */
async function evaluate(text: string): Promise<Record<string, unknown>> {
  const js = ts.transpileModule(text, {
    compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022, verbatimModuleSyntax: true },
  }).outputText;
  return (await import(`data:text/javascript,${encodeURIComponent(js)}`)) as Record<string, unknown>;
}

/** Type-checks generated TS next to a copy of shape.ts under the project's strict options. */
function typeErrors(text: string): string[] {
  const dir = mkdtempSync(join(tmpdir(), 'kms-model-'));
  try {
    copyFileSync(join(ROOT, 'reference/api/shape.ts'), join(dir, 'shape.ts'));
    writeFileSync(join(dir, 'package.json'), '{ "type": "module" }\n');
    const file = join(dir, 'tiny.generated.ts');
    writeFileSync(file, text);
    const program = ts.createProgram([file], {
      strict: true,
      noUncheckedIndexedAccess: true,
      noUnusedLocals: true,
      verbatimModuleSyntax: true,
      allowImportingTsExtensions: true,
      noEmit: true,
      module: ts.ModuleKind.NodeNext,
      moduleResolution: ts.ModuleResolutionKind.NodeNext,
      target: ts.ScriptTarget.ES2022,
      lib: ['lib.es2022.d.ts'],
      types: ['node'],
      typeRoots: [join(ROOT, 'node_modules/@types')],
    });
    return ts.getPreEmitDiagnostics(program).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** A structure shape of the generated table, typed as the runtime `Shape` so optional traits read. */
function structure(name: keyof typeof SHAPES): Extract<Shape, { type: 'structure' }> {
  const shape: Shape = SHAPES[name];
  if (shape.type !== 'structure') throw new Error(`${name} is a ${shape.type}, not a structure`);
  return shape;
}

describe('renderModel on a tiny model', () => {
  const text = renderModel(TINY, '0.0.1');

  it('emits the header, constants and a sorted, de-duplicated operation table', async () => {
    expect(text.startsWith('// Generated by scripts/generate-kms-model.ts from botocore 0.0.1\n')).toBe(true);
    expect(text).toContain('(kms 2020-02-02 service-2.json)');
    expect(text.endsWith('}\n')).toBe(true);
    const module = await evaluate(text);
    expect(module.BOTOCORE_VERSION).toBe('0.0.1');
    expect(module.API_VERSION).toBe('2020-02-02');
    expect(module.TARGET_PREFIX).toBe('TinyService');
    expect(module.OPERATION_NAMES).toEqual(['Get', 'Put']);
    expect(module.OPERATIONS).toEqual({
      Get: { input: 'GetRequest', output: 'Date', errors: [] },
      Put: { input: 'PutRequest', errors: ['BrokenException', 'NotThereException'] },
    });
    expect(Object.keys(module.OPERATIONS as object)).toEqual(['Get', 'Put']);
  });

  it('keeps only the validation traits of each shape, with references as shape names', async () => {
    const shapes = (await evaluate(text)).SHAPES as Record<string, unknown>;
    expect(Object.keys(shapes)).toEqual([...Object.keys(TINY.shapes)].sort());
    expect(shapes.ColorType).toEqual({ type: 'string', enum: ['RED', 'GREEN'] });
    expect(shapes.NameType).toEqual({ type: 'string', min: 1, max: 8, pattern: "^[a-z'\\\\]+$" });
    expect(shapes.DataType).toEqual({ type: 'blob', min: 1, max: 16, sensitive: true });
    expect(shapes.ColorList).toEqual({ type: 'list', member: 'ColorType', max: 2 });
    expect(shapes.LabelMap).toEqual({ type: 'map', key: 'NameType', value: 'NameType' });
    expect(shapes.TimeType).toEqual({ type: 'timestamp' });
    expect(shapes.CountType).toEqual({ type: 'integer', min: 0 });
    expect(shapes.PutRequest).toEqual({
      type: 'structure',
      members: {
        Name: 'NameType', Color: 'ColorType', Data: 'DataType', Labels: 'LabelMap', Colors: 'ColorList', Old: 'NameType',
      },
      required: ['Name'],
      deprecatedMembers: ['Old'],
    });
  });

  it('gives exceptions their wire code, status and fault, defaulting by fault', async () => {
    const shapes = (await evaluate(text)).SHAPES as Record<string, { error?: unknown }>;
    expect(shapes.NotThereException?.error).toEqual({ code: 'NotThere', status: 404, fault: 'client' });
    expect(shapes.BrokenException?.error).toEqual({ code: 'BrokenException', status: 500, fault: 'server' });
    expect(shapes.PutRequest?.error).toBeUndefined();
    expect(text).toContain("export type ModelErrorName = 'BrokenException' | 'NotThereException';");
  });

  it('emits handler types: enum unions, interfaces with required members, operation IO', () => {
    expect(text).toContain("export type ColorType = 'RED' | 'GREEN';");
    expect(text).toContain(
      [
        'export interface PutRequest {',
        '  Name: string;',
        '  Color?: ColorType;',
        '  Data?: Buffer;',
        '  Labels?: Record<string, string>;',
        '  Colors?: ColorType[];',
        '  /** @deprecated The KMS model marks this member deprecated. */',
        '  Old?: string;',
        '}',
      ].join('\n'),
    );
    expect(text).toContain('export type GetRequest = Record<string, never>;');
    expect(text).toContain('export interface DateShape {\n  When?: Date;\n  Count?: number;\n}');
    expect(text).toContain('// Types renamed so they do not clash with names this file uses: Date -> DateShape.');
    expect(text).toContain('  Get: { input: GetRequest; output: DateShape };');
    expect(text).toContain('  Put: { input: PutRequest; output: void };');
  });

  it('compiles under the strict options, renamed shape included', () => {
    expect(typeErrors(text)).toEqual([]);
    // The check itself has teeth: an unused local under noUnusedLocals is reported.
    expect(typeErrors(`${text}const unused = 1;\n`)).toEqual([expect.stringMatching(/never read/)]);
  }, 60_000);

  it('copies no prose and does not depend on the order of the model', () => {
    expect(text).not.toMatch(/PROSE/);
    expect(renderModel(reversed(TINY), '0.0.1')).toBe(text);
  });

  it('refuses what it does not understand instead of dropping it', () => {
    const withShape = (name: string, shape: ServiceModel['shapes'][string]): ServiceModel => ({
      ...TINY,
      shapes: { ...TINY.shapes, [name]: shape },
    });
    expect(() => renderModel(withShape('Ratio', { type: 'float' }), 'x')).toThrow(/shape Ratio: unknown type 'float'/);
    expect(() => renderModel(withShape('NameType', { type: 'string', box: true }), 'x')).toThrow(/unknown trait 'box'/);
    expect(() => renderModel(withShape('Bad', { type: 'list', member: { shape: 'Nowhere' } }), 'x')).toThrow(
      /unknown shape 'Nowhere'/,
    );
    expect(() => renderModel(withShape('Bad', { type: 'structure', members: {}, required: ['X'] }), 'x')).toThrow(
      /requires 'X'/,
    );
    const badError: ServiceModel = {
      ...TINY,
      operations: { Get: { input: { shape: 'GetRequest' }, errors: [{ shape: 'NameType' }] } },
    };
    expect(() => renderModel(badError, 'x')).toThrow(/'NameType' as an error, which is not an exception/);
  });
});

describe('the committed generated file', () => {
  const committed = readFileSync(join(ROOT, GENERATED_PATH), 'utf8');

  it(`is what botocore ${BOTOCORE_VERSION} generates`, async (context) => {
    let model: ServiceModel;
    try {
      model = await loadServiceModel();
    } catch (error) {
      // Without python3/pip/PyPI the check cannot run here; CI installs from PyPI, so there it fails.
      if (error instanceof ModelUnavailableError && !process.env.CI) context.skip(error.message);
      throw error;
    }
    const rendered = renderModel(model, BOTOCORE_VERSION);
    const firstDifference = rendered.split('\n').findIndex((line, i) => line !== committed.split('\n')[i]);
    expect(rendered === committed, `${GENERATED_PATH} is stale from line ${firstDifference + 1}; `
      + 'run npm run generate:model').toBe(true);
  }, 180_000);
});

describe('facts of the generated table the reference relies on', () => {
  it('has the 56 operations, sorted, each with resolvable shapes and exception errors', () => {
    expect(OPERATION_NAMES).toHaveLength(56);
    expect(Object.keys(OPERATIONS)).toEqual(OPERATION_NAMES);
    expect([...OPERATION_NAMES].sort()).toEqual(OPERATION_NAMES);
    const table: Readonly<Record<string, Shape>> = SHAPES;
    for (const name of OPERATION_NAMES) {
      const operation: { input?: string; output?: string; errors: readonly string[] } = OPERATIONS[name];
      for (const ref of [operation.input, operation.output].filter((r) => r !== undefined)) {
        expect(table[ref]?.type, `${name} -> ${ref}`).toBe('structure');
      }
      for (const error of operation.errors) {
        const shape = table[error];
        expect(shape?.type === 'structure' && shape.error, `${name} -> ${error}`).toBeTruthy();
      }
    }
  });

  it('knows the post-quantum key specs and usage', () => {
    expect(SHAPES.KeySpec.enum).toEqual(expect.arrayContaining(['ML_KEM_512', 'ML_KEM_768', 'ML_KEM_1024']));
    expect(SHAPES.KeyUsageType.enum).toContain('ENCAPSULATE_DECAPSULATE');
    expectTypeOf<'ML_KEM_768'>().toExtend<KeySpec>();
  });

  it('has CiphertextBlob on Decrypt as an optional member, as the model says', () => {
    const decrypt = structure('DecryptRequest');
    expect(decrypt.members.CiphertextBlob).toBe('CiphertextType');
    expect(decrypt.required ?? []).not.toContain('CiphertextBlob');
  });

  it('gives CreateKey Policy a pattern-constrained shape', () => {
    const policy = structure('CreateKeyRequest').members.Policy;
    expect(policy).toBe('PolicyType');
    const shape: Shape = SHAPES.PolicyType;
    expect(shape.type === 'string' && typeof shape.pattern === 'string').toBe(true);
  });

  it('lets ListKeys filter by ResourceOwners', () => {
    expect(structure('ListKeysRequest').members.ResourceOwners).toBe('ResourceOwnersList');
    expectTypeOf<OperationIO['ListKeys']['input']>().toEqualTypeOf<ListKeysRequest>();
    expectTypeOf<ListKeysRequest['ResourceOwners']>().toEqualTypeOf<('SELF' | 'OTHER_ACCOUNTS_VIA_RAM')[] | undefined>();
  });
});
