// Runs: node (core). Optional per-stage timing of one search, for the benchmark and for tuning:
// pass `{ profile: {} }` in the search options and each stage adds its milliseconds to it. Off by
// default (no clock reads at all when no profile is given); never assert on these in tests.

export type SearchStage = 'refresh' | 'parse' | 'prefix' | 'typo' | 'synonyms' | 'fts' | 'rank' | 'facets' | 'embed' | 'vector' | 'fusion' | 'hydrate';

export type SearchProfile = Partial<Record<SearchStage, number>>;

/** Adds the time since `t0` to `stage` and returns now (the next stage's start). */
export function lap(p: SearchProfile, stage: SearchStage, t0: number): number {
  const t = performance.now();
  p[stage] = (p[stage] ?? 0) + (t - t0);
  return t;
}
