import { describe, expect, it } from 'vitest';
import { req, run } from '../test-support/run-results.ts';
import { renderJunit } from './junit.ts';

const runResults = ({ requirements }: { requirements: ReturnType<typeof req>[] }) => run('emulator', requirements);

describe('renderJunit', () => {
  const reqs = [
    req('DIKM-01', 'pass', { durationMs: 12 }),
    req('DIKM-02', 'fail', { failure: { message: 'expected <UnsupportedOperationException> & got 200' } }),
    req('DIKM-03', 'expected-deviation', { baseline: { reason: 'accepts aliases', rawOutcome: 'fail' } }),
    req('DIKM-04', 'stale-deviation', { baseline: { reason: 'was broken', rawOutcome: 'pass' } }),
    req('DIKM-05', 'not-applicable', { note: 'one account' }),
    req('DIKM-06', 'not-implemented', { failure: { message: 'HTTP 500' } }),
  ];

  it('fails what gates the run, skips known deviations and not-applicable checks, passes the rest', () => {
    const xml = renderJunit(runResults({ requirements: reqs }));
    expect(xml).toMatch(/<testsuites [^>]*tests="6" failures="3" errors="0" skipped="2"/);
    expect(xml).toMatch(/name="DIKM-01 — statement of DIKM-01" time="0.012"\/>/);
    expect(xml).toContain('<failure message="fail: expected &lt;UnsupportedOperationException&gt; &amp; got 200" type="fail">');
    expect(xml).toContain('<skipped message="expected deviation (fail): accepts aliases"/>');
    expect(xml).toContain('type="stale-deviation"');
    expect(xml).toContain('<skipped message="not applicable: one account"/>');
    expect(xml).toContain('type="not-implemented"');
  });

  it('does not fail a stale deviation when stale entries are allowed', () => {
    const r = runResults({ requirements: reqs });
    r.baseline = { path: 'b.json', target: 't', entries: 2, allowStale: true, unknownIds: [], notRun: [] };
    expect(renderJunit(r)).toMatch(/failures="2"/);
  });

  it('keeps hostile and control characters from breaking the XML', () => {
    const xml = renderJunit(runResults({ requirements: [req('DIKM-02', 'fail', { failure: { message: '"]]></failure><x a=\'1\'>\u0001' } })] }));
    expect(xml).not.toContain('<x ');
    expect(xml).not.toContain('\u0001');
    expect(xml).toContain('&quot;]]&gt;&lt;/failure&gt;&lt;x a=&#39;1&#39;&gt;\uFFFD');
  });
});
