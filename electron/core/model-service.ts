// Runs: node (core). Keeps the terminal's on-device encoder: finds the active bundle (an installed,
// verified update in the data folder, else the one shipped with the app), loads it in the
// background, and hands out an embedder. A bundle that fails to load is logged and the terminal
// keeps serving with what it had (search falls back to lexical only): models must never stop a
// store from selling.
import fs from 'node:fs';
import path from 'node:path';
import type { Db } from './db/database.ts';
import { loadEncoder, type Encoder } from './models/index.ts';
import { getSetting } from './settings/settings.ts';
import { appRoot } from './paths.ts';

export const ENCODER_NAME = 'storemind-bert-mini';

export interface Embedder {
  version: string;
  embed(texts: string[]): Promise<Float32Array[]>;
}

export function shippedModelsDir(): string {
  // Packaged app: electron-builder copies native-models/bundles to resources/models.
  const packaged = (process as { resourcesPath?: string }).resourcesPath;
  if (packaged && fs.existsSync(path.join(packaged, 'models'))) return path.join(packaged, 'models');
  return path.join(appRoot(), 'native-models', 'bundles');
}

/** The folder of the encoder to run: the active installed update, else the shipped bundle. */
export function activeEncoderDir(db: Db): string | null {
  const installed = db
    .prepare("SELECT path FROM models WHERE name = ? AND status = 'active' ORDER BY activated_at DESC LIMIT 1")
    .get(ENCODER_NAME) as { path: string } | undefined;
  if (installed && fs.existsSync(path.join(installed.path, 'manifest.json'))) return installed.path;
  const shipped = path.join(shippedModelsDir(), ENCODER_NAME);
  return fs.existsSync(path.join(shipped, 'manifest.json')) ? shipped : null;
}

export interface ModelService {
  encoder(): Encoder | null;
  embedder(): Embedder | null;
  versions(): Array<{ name: string; version: string; variant: string }>;
  /** Resolves when loading finished (successfully or not). */
  ready: Promise<void>;
  lastError(): string | null;
  close(): Promise<void>;
}

export function startModelService(db: Db, opts: { load?: boolean; log?: (msg: string) => void } = {}): ModelService {
  let encoder: Encoder | null = null;
  let error: string | null = null;
  const log = opts.log ?? ((m: string) => console.warn(`[models] ${m}`));
  const ready = (async () => {
    if (opts.load === false) return;
    const dir = activeEncoderDir(db);
    if (!dir) {
      error = 'no encoder bundle found';
      return;
    }
    const variant = getSetting(db, 'modelVariant');
    const threads = getSetting(db, 'modelThreads');
    try {
      encoder = await loadEncoder(dir, {
        overrides: { ...(variant !== 'auto' ? { variant } : {}), ...(threads > 0 ? { threads } : {}) },
      });
    } catch (e) {
      error = (e as Error).message;
      log(`could not load ${dir}: ${error}; serving without the encoder`);
    }
  })();
  const embedder = (): Embedder | null => {
    const enc = encoder;
    if (!enc) return null;
    return { version: `${enc.modelInfo.name}@${enc.modelInfo.version}`, embed: (texts) => enc.embed(texts) };
  };
  return {
    encoder: () => encoder,
    embedder,
    versions: () => (encoder ? [{ name: encoder.modelInfo.name, version: encoder.modelInfo.version, variant: encoder.modelInfo.variant }] : []),
    ready,
    lastError: () => error,
    close: async () => {
      await encoder?.close();
    },
  };
}
