/**
 * @module harness/targets/wait-until-answers
 * Polls an endpoint until it answers an HTTP request, whatever the status: an emulator that says
 * "405" to a GET is up. Connection refused and timeouts mean "not yet".
 */

export interface WaitOptions {
  timeoutMs: number;
  intervalMs?: number;
  /** Stops waiting early, e.g. when the program has exited; returns its reason. */
  gaveUp?: () => string | undefined;
}

export type WaitOutcome = { ready: true } | { ready: false; reason: string };

export async function waitUntilAnswers(url: string, opts: WaitOptions): Promise<WaitOutcome> {
  const deadline = Date.now() + opts.timeoutMs;
  let last = 'no answer';
  for (;;) {
    const stop = opts.gaveUp?.();
    if (stop) return { ready: false, reason: stop };
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(Math.min(2_000, Math.max(100, deadline - Date.now()))) });
      await res.body?.cancel();
      return { ready: true };
    } catch (e) {
      last = (e as { cause?: { code?: string } }).cause?.code ?? (e as Error).name;
    }
    if (Date.now() >= deadline) return { ready: false, reason: `no HTTP answer within ${Math.round(opts.timeoutMs / 1000)} s (last: ${last})` };
    await new Promise((r) => setTimeout(r, opts.intervalMs ?? 150));
  }
}
