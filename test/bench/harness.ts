import type { TestPlatform } from '../helpers/local-platform';

/** Timing and round-trip measurement for the benchmark: every figure comes from real calls through the host. */

export interface LatencySummary {
  count: number;
  p50: number;
  p95: number;
  p99: number;
  /** Completed calls per second over the whole run. */
  throughput: number;
}

export interface Measured<T> {
  results: { value: T; invocationId: string; ms: number }[];
  latency: LatencySummary;
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank];
}

export function summarize(durations: number[], wallMs: number): LatencySummary {
  const sorted = [...durations].sort((a, b) => a - b);
  const round = (n: number) => Math.round(n * 10) / 10;
  return {
    count: durations.length,
    p50: round(percentile(sorted, 50)),
    p95: round(percentile(sorted, 95)),
    p99: round(percentile(sorted, 99)),
    throughput: wallMs > 0 ? round((durations.length * 1000) / wallMs) : 0,
  };
}

/** Runs `calls` with at most `concurrency` in flight, timing each. */
export async function measure<T>(calls: (() => Promise<{ value: T; invocationId: string }>)[], concurrency: number): Promise<Measured<T>> {
  const results: Measured<T>['results'] = new Array(calls.length);
  let next = 0;
  const started = performance.now();
  async function lane() {
    while (next < calls.length) {
      const index = next++;
      const t0 = performance.now();
      const outcome = await calls[index]();
      results[index] = { ...outcome, ms: performance.now() - t0 };
    }
  }
  await Promise.all(Array.from({ length: Math.min(concurrency, calls.length) }, lane));
  return { results, latency: summarize(results.map((r) => r.ms), performance.now() - started) };
}

/** The largest number of database round trips any of these invocations made (exact, from the emulator's metrics). */
export async function maxRoundTrips(platform: TestPlatform, invocationIds: string[]): Promise<number> {
  let max = 0;
  for (const id of invocationIds) max = Math.max(max, await platform.roundTrips(id));
  return max;
}
