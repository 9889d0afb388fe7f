// Runs: node (store hub). Hybrid compute at the hub: the store's shipped encoder in its fp32
// variant, loaded on the first request, embedding text for kiosks that ask (POST /v1/encode).
// A request for another model version is refused, so a kiosk never mixes two models' vectors.
import path from 'node:path';
import type { Encoder } from '../electron/core/models/encoder.ts';
import { HttpError } from './errors.ts';

export interface HubEncoder {
  encode(model: string, texts: string[]): Promise<{ model: string; vectors: number[][] }>;
  close(): Promise<void>;
}

/** `dir`: the bundle to run (default: the shipped encoder). The runtime is imported on first use. */
export function createHubEncoder(dir?: string): HubEncoder {
  let loading: Promise<Encoder> | null = null;
  const load = async () => {
    const { loadEncoder } = await import('../electron/core/models/encoder.ts');
    const { ENCODER_NAME, shippedModelsDir } = await import('../electron/core/model-service.ts');
    return loadEncoder(dir ?? path.join(shippedModelsDir(), ENCODER_NAME), { overrides: { variant: 'fp32' } });
  };
  const encoder = () => (loading ??= load());
  return {
    async encode(model, texts) {
      let enc: Encoder;
      try {
        enc = await encoder();
      } catch (e) {
        loading = null;
        throw new HttpError(503, 'NO_ENCODER', `The store hub cannot run its encoder: ${(e as Error).message}`);
      }
      const mine = `${enc.modelInfo.name}@${enc.modelInfo.version}`;
      if (model !== mine) throw new HttpError(409, 'MODEL_MISMATCH', `This hub runs ${mine}, not ${model}; the kiosk encodes locally.`);
      return { model: mine, vectors: (await enc.embed(texts)).map((v) => Array.from(v)) };
    },
    async close() {
      if (loading) await (await loading.catch(() => null))?.close();
    },
  };
}
