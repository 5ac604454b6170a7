/**
 * The config file is validated by one schema; a mistake is one line that says where (line and
 * column of a JSON error, the setting's path) and, for an unknown setting, what was probably meant.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { abortOf } from '../test-support/abort-of.ts';
import { tempDir } from '../test-support/reference-target.ts';
import { ConfigFileSchema, readConfigFile } from './config-file.ts';
import { didYouMean, keysAt } from './issues.ts';

function configIn(text: string): string {
  const cwd = tempDir();
  writeFileSync(join(cwd, 'kms-conformance.config.json'), text);
  return cwd;
}
const problem = (text: string) => abortOf(() => readConfigFile(undefined, configIn(text))).message.replace(/^.*kms-conformance\.config\.json: /, '');

describe('readConfigFile', () => {
  it('no file: undefined; a named file that is missing: one line', () => {
    expect(readConfigFile(undefined, tempDir())).toBeUndefined();
    expect(abortOf(() => readConfigFile('nowhere.json', tempDir())).message).toMatch(/^config file not found: .*nowhere\.json$/);
  });

  it('reads targets and the default one', () => {
    const cwd = configIn(JSON.stringify({ defaultTarget: 'lab', targets: { lab: { endpoint: 'http://lab:1' } } }));
    expect(readConfigFile(undefined, cwd)).toMatchObject({ defaultTarget: 'lab', targets: { lab: { endpoint: 'http://lab:1' } } });
  });

  it('a JSON error names the line and column where V8 gives a position', () => {
    expect(problem('{\n  "targets": {\n    "lab": {},\n  }\n}\n')).toBe('line 4, column 3: not valid JSON (Expected double-quoted property name)');
    // Otherwise V8's own words, which quote the text around the mistake.
    expect(problem('{\n  "targets": {\n    "lab": \n}\n')).toMatch(/^not valid JSON \(Unexpected token '}'/);
  });

  it('an unknown setting of a target suggests the known one (endpointUrl → endpoint)', () => {
    expect(problem(JSON.stringify({ targets: { lab: { endpointUrl: 'http://lab:1' } } }))).toMatch(/^targets\.lab: unknown setting "endpointUrl" \(did you mean "endpoint"\?\); known settings here: name, kind, endpoint, /);
  });

  it('an unknown top-level setting suggests the known one (target → targets)', () => {
    expect(problem(JSON.stringify({ target: {} }))).toMatch(/^\(top level\): unknown setting "target" \(did you mean "targets"\?\)/);
  });

  it('an unknown setting deep inside names its path', () => {
    expect(problem(JSON.stringify({ targets: { lab: { endpoint: 'http://lab:1', principals: { primary: { acessKeyId: 'x', secretAccessKey: 'y' } } } } })))
      .toMatch(/^targets\.lab\.principals\.primary: unknown setting "acessKeyId" \(did you mean "accessKeyId"\?\)/);
  });

  it('a setting of the wrong type names its path', () => {
    expect(problem(JSON.stringify({ targets: { lab: { region: 'Mars-1' } } }))).toBe('targets.lab.region: region looks like us-east-1');
  });
});

describe('did you mean', () => {
  it('suggests only what is close', () => {
    expect(didYouMean('endpointUrl', ['endpoint', 'region'])).toBe('endpoint');
    expect(didYouMean('regoin', ['endpoint', 'region'])).toBe('region');
    expect(didYouMean('colour', ['endpoint', 'region'])).toBeUndefined();
  });

  it('knows the keys at any path of the schema', () => {
    expect(keysAt(ConfigFileSchema, [])).toEqual(['$schema', 'defaultTarget', 'targets']);
    expect(keysAt(ConfigFileSchema, ['targets', 'any', 'process'])).toContain('readyTimeoutMs');
    expect(keysAt(ConfigFileSchema, ['targets', 'any', 'container', 'wait'])).toEqual(['http', 'log']);
  });
});
