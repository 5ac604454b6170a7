import { describe, expect, it } from 'vitest';
import { Blocked, blockedBy, precondition } from './blocked.ts';

describe('blocked set-up steps', () => {
  it('precondition passes quietly when it holds, and blocks by the owner with what was met when not', () => {
    expect(() => precondition(true, 'KEY-01', 'never shown')).not.toThrow();
    let what = 0;
    precondition(true, 'KEY-01', () => String(++what));
    expect(what, 'the message is only built when needed').toBe(0);
    const e = (() => {
      try {
        precondition(false, 'KEY-01', () => 'CreateKey with Origin EXTERNAL made a key in Enabled, not PendingImport');
      } catch (x) {
        return x;
      }
    })();
    expect(e).toBeInstanceOf(Blocked);
    expect(e).toMatchObject({ owner: 'KEY-01', message: 'blocked by KEY-01: CreateKey with Origin EXTERNAL made a key in Enabled, not PendingImport' });
  });

  it('refuses an owner that is not a requirement id, so a typo cannot hide a failure', () => {
    expect(() => blockedBy('key-01', 'x')).toThrow(/not a requirement id/);
    expect(() => blockedBy('KEY-01', 'x')).toThrow(Blocked);
  });
});
