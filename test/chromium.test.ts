import { describe, expect, it } from 'vitest';
import { CHROMIUM_ENV, findChromium } from '../scripts/chromium.ts';

describe('findChromium', () => {
  it('uses the executable the environment names, and says why when it is not there', () => {
    expect(findChromium({ [CHROMIUM_ENV]: process.execPath })).toEqual({ path: process.execPath });
    const missing = findChromium({ [CHROMIUM_ENV]: '/nonexistent/chromium' });
    expect(missing).toEqual({ missing: `${CHROMIUM_ENV}=/nonexistent/chromium does not exist` });
  });
});
