import { describe, expect, it } from 'vitest';
import { html, jsonForScript, raw, toString } from './html.ts';

describe('html', () => {
  it('escapes interpolated strings in text and attributes', () => {
    const msg = `<script>alert("x")</script>&'`;
    expect(toString(html`<td title="${msg}">${msg}</td>`)).toBe(
      '<td title="&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&amp;&#39;">&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&amp;&#39;</td>',
    );
  });

  it('keeps nested fragments and raw markup, joins arrays, drops empty values', () => {
    const items = ['a<', 'b'].map((x) => html`<li>${x}</li>`);
    expect(toString(html`<ul>${items}${null}${undefined}${false}${raw('<hr>')}</ul>`)).toBe('<ul><li>a&lt;</li><li>b</li><hr></ul>');
  });

  it('makes JSON that cannot close its script block', () => {
    const s = toString(jsonForScript({ m: '</script><!--' }));
    expect(s).not.toMatch(/<|>/);
    expect(JSON.parse(s)).toEqual({ m: '</script><!--' });
  });
});
