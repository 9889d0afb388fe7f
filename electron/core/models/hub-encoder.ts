// Runs: node (core). Hybrid compute: a kiosk too weak to run its encoder quickly may ask the store
// hub to embed its text (the hub runs the same bundle, fp32). Each call has a latency budget; a
// late, failed or mismatched answer falls back to the local encoder, so a query is never lost and
// never waits longer than the budget plus the local run. Off unless STOREMIND_HUB_ENCODER_MS is
// set: on the 2-core build machine over loopback it does not pay (bench: `--only hub`).
import { EncodeResponse } from '../../../common/api/live.ts';
import type { PlatformClient } from '../sync/http.ts';
import type { Encoder } from './encoder.ts';

export interface HubEncoderStats {
  remote: number;
  fallbacks: number;
  lastFallback: string | null;
}

/** Asks the hub for embeddings of `texts` with this model; throws when it is late (AbortError), refuses or answers wrongly. */
export async function hubEmbed(client: PlatformClient, model: string, texts: readonly string[], budgetMs: number): Promise<Float32Array[]> {
  const ac = new AbortController();
  const timer = setTimeout(() => ac.abort(), budgetMs);
  try {
    const raw = await client.json('POST', '/v1/encode', { body: Buffer.from(JSON.stringify({ model, texts })), signal: ac.signal });
    const r = EncodeResponse.safeParse(raw);
    if (!r.success) throw new Error('the hub answered with something that is not embeddings');
    if (r.data.model !== model) throw new Error(`the hub runs ${r.data.model}, this terminal ${model}`);
    if (r.data.vectors.length !== texts.length) throw new Error('the hub answered for a different number of texts');
    return r.data.vectors.map((v) => Float32Array.from(v));
  } finally {
    clearTimeout(timer);
  }
}

/** The local encoder, asking the hub first within budgetMs. */
export function withHubEncoder(local: Encoder, client: () => PlatformClient | null, budgetMs: number): Encoder & { hubStats: HubEncoderStats } {
  const model = `${local.modelInfo.name}@${local.modelInfo.version}`;
  const hubStats: HubEncoderStats = { remote: 0, fallbacks: 0, lastFallback: null };
  return {
    get modelInfo() {
      return local.modelInfo;
    },
    get bundle() {
      return local.bundle;
    },
    get stats() {
      return local.stats;
    },
    hubStats,
    async embed(texts) {
      const c = client();
      if (c && texts.length > 0 && texts.length <= 32) {
        try {
          const v = await hubEmbed(c, model, texts, budgetMs);
          hubStats.remote++;
          return v;
        } catch (e) {
          hubStats.fallbacks++;
          hubStats.lastFallback = (e as Error).name === 'AbortError' ? `no answer within ${budgetMs} ms` : (e as Error).message;
        }
      }
      return local.embed(texts);
    },
    close: () => local.close(),
  };
}
