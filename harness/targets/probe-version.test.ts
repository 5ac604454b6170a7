import { describe, expect, it } from 'vitest';
import { probeVersion } from './probe-version.ts';

describe('probeVersion', () => {
  it('takes the first line, or the pattern group, of what the probe prints', async () => {
    const node = process.execPath;
    expect(await probeVersion({ command: ['{program}', '-e', 'console.log("5.2.1\\nmore")'] }, node)).toBe('5.2.1');
    expect(await probeVersion({ command: [node, '-e', 'console.log("path x\\nmod example.com/m v0.0.0-2026 h1:abc")'], pattern: '^mod\\s+\\S+\\s+(\\S+)' }, node)).toBe('v0.0.0-2026');
  });

  it('gives no version, and no error, for a probe that fails or finds nothing', async () => {
    expect(await probeVersion({ command: ['kmsct-no-such-program'] }, 'x')).toBeUndefined();
    expect(await probeVersion({ command: [process.execPath, '-e', 'process.exit(3)'] }, 'x')).toBeUndefined();
    expect(await probeVersion({ command: [process.execPath, '-e', 'console.log("abc")'], pattern: '(\\d+)' }, 'x')).toBeUndefined();
  });
});
