// Runs: node (core). Retries with exponential backoff and full jitter (AWS architecture blog,
// "Exponential Backoff And Jitter"): delay = random(0, min(cap, base·2^attempt)), so a fleet that
// lost the platform at the same moment does not come back in lockstep.
export interface RetryOptions {
  attempts: number;
  baseMs: number;
  capMs: number;
  random?: () => number;
  sleep?: (ms: number) => Promise<void>;
  /** Whether this error is worth another try (network, 5xx, 429). */
  retryable: (e: unknown) => boolean;
  onRetry?: (e: unknown, attempt: number, delayMs: number) => void;
}

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

export function backoffDelay(attempt: number, baseMs: number, capMs: number, random = Math.random): number {
  return Math.floor(random() * Math.min(capMs, baseMs * 2 ** attempt));
}

export async function withRetry<T>(fn: (attempt: number) => Promise<T>, o: RetryOptions): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await fn(attempt);
    } catch (e) {
      if (attempt + 1 >= o.attempts || !o.retryable(e)) throw e;
      const delay = backoffDelay(attempt, o.baseMs, o.capMs, o.random);
      o.onRetry?.(e, attempt, delay);
      await (o.sleep ?? sleep)(delay);
    }
  }
}
