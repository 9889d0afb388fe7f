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
import { withHubEncoder } from './models/hub-encoder.ts';
import type { PlatformClient } from './sync/http.ts';

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

/** The folder of the active installed (signed, verified) update of a model, if any. */
export function activeInstalledDir(db: Db, name: string): string | null {
  const installed = db
    .prepare("SELECT path FROM models WHERE name = ? AND status = 'active' ORDER BY activated_at DESC LIMIT 1")
    .get(name) as { path: string } | undefined;
  return installed && fs.existsSync(path.join(installed.path, 'manifest.json')) ? installed.path : null;
}

/** The folder of the encoder to run: the active installed update, else the shipped bundle. */
export function activeEncoderDir(db: Db): string | null {
  const installed = activeInstalledDir(db, ENCODER_NAME);
  if (installed) return installed;
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
  /**
   * Loads the now active bundle (after a verified model update) beside the running one, lets the
   * swap listeners prepare for it (search embeds its catalog with it), swaps atomically, and closes
   * the old encoder once nothing is using it. On failure the old encoder keeps serving.
   * Serialized: a reload waits for the one before it.
   */
  reload(): Promise<ReloadResult>;
  /** Called with the new embedder and encoder after a swap, before the old encoder is closed. */
  onSwap(listener: SwapListener): () => void;
  close(): Promise<void>;
}

export interface ReloadResult {
  changed: boolean;
  version: string | null;
  error?: string;
}

export type SwapListener = (next: { encoder: Encoder; embedder: Embedder }) => Promise<void> | void;

/** Counts calls in flight per encoder, so an encoder swapped out is closed only once it is idle. */
interface Loaded {
  enc: Encoder;
  dir: string;
  inFlight: number;
  idle: Array<() => void>;
}

function tracked(l: Loaded): Encoder {
  const embed: Encoder['embed'] = async (texts) => {
    l.inFlight++;
    try {
      return await l.enc.embed(texts);
    } finally {
      l.inFlight--;
      if (l.inFlight === 0) l.idle.splice(0).forEach((f) => f());
    }
  };
  // Same encoder, with embed counted; everything else passes through.
  return new Proxy(l.enc, { get: (t, k, r) => (k === 'embed' ? embed : Reflect.get(t, k, r)) });
}

async function closeWhenIdle(l: Loaded): Promise<void> {
  if (l.inFlight > 0) await new Promise<void>((resolve) => l.idle.push(resolve));
  await l.enc.close();
}

export interface ModelServiceOptions {
  load?: boolean;
  log?: (msg: string) => void;
  /** Hybrid compute (off by default): ask the store hub first, within this many ms. */
  hubEncoder?: { budgetMs: number; client: () => PlatformClient | null };
}

export function startModelService(db: Db, opts: ModelServiceOptions = {}): ModelService {
  let current: Loaded | null = null;
  let handed: Encoder | null = null;
  let error: string | null = null;
  const listeners = new Set<SwapListener>();
  const log = opts.log ?? ((m: string) => console.warn(`[models] ${m}`));
  const load = async (dir: string): Promise<Loaded> => {
    const variant = getSetting(db, 'modelVariant');
    const threads = getSetting(db, 'modelThreads');
    const local = await loadEncoder(dir, {
      overrides: { ...(variant !== 'auto' ? { variant } : {}), ...(threads > 0 ? { threads } : {}) },
    });
    const enc = opts.hubEncoder ? withHubEncoder(local, opts.hubEncoder.client, opts.hubEncoder.budgetMs) : local;
    return { enc, dir, inFlight: 0, idle: [] };
  };
  const ready = (async () => {
    if (opts.load === false) return;
    const dir = activeEncoderDir(db);
    if (!dir) {
      error = 'no encoder bundle found';
      return;
    }
    try {
      current = await load(dir);
      handed = tracked(current);
    } catch (e) {
      error = (e as Error).message;
      log(`could not load ${dir}: ${error}; serving without the encoder`);
    }
  })();
  const embedderOf = (enc: Encoder | null): Embedder | null =>
    enc ? { version: `${enc.modelInfo.name}@${enc.modelInfo.version}`, embed: (texts) => enc.embed(texts) } : null;
  const versionOf = (l: Loaded | null) => (l ? l.enc.modelInfo.version : null);

  let chain: Promise<unknown> = ready;
  const reloadOnce = async (): Promise<ReloadResult> => {
    // A closing core, or one that runs without models (the CLI's sync): nothing to load.
    if (!db.open || opts.load === false) return { changed: false, version: versionOf(current) };
    const dir = activeEncoderDir(db);
    if (!dir) return { changed: false, version: versionOf(current), error: 'no encoder bundle found' };
    if (current && path.resolve(current.dir) === path.resolve(dir)) return { changed: false, version: versionOf(current) };
    let next: Loaded;
    try {
      next = await load(dir);
    } catch (e) {
      const msg = (e as Error).message;
      log(`could not load ${dir}: ${msg}; ${current ? `${versionOf(current)} keeps serving` : 'serving without the encoder'}`);
      return { changed: false, version: versionOf(current), error: msg };
    }
    const nextHanded = tracked(next);
    const nextEmbedder = embedderOf(nextHanded)!;
    // Listeners get ready with the new encoder while the old one still serves everything else.
    for (const l of listeners) {
      try {
        await l({ encoder: nextHanded, embedder: nextEmbedder });
      } catch (e) {
        log(`a model swap listener failed: ${(e as Error).message}`);
      }
    }
    const old = current;
    current = next; // the swap: one assignment, so every later caller sees the new encoder
    handed = nextHanded;
    error = null;
    log(`encoder ${next.enc.modelInfo.name} ${next.enc.modelInfo.version} now serving${old ? ` (was ${old.enc.modelInfo.version})` : ''}`);
    if (old) await closeWhenIdle(old).catch((e: Error) => log(`closing the old encoder: ${e.message}`));
    return { changed: true, version: next.enc.modelInfo.version };
  };
  return {
    encoder: () => handed,
    embedder: () => embedderOf(handed),
    versions: () => (current ? [{ name: current.enc.modelInfo.name, version: current.enc.modelInfo.version, variant: current.enc.modelInfo.variant }] : []),
    ready,
    lastError: () => error,
    reload() {
      const p = chain.then(reloadOnce, reloadOnce);
      chain = p.catch(() => {});
      return p;
    },
    onSwap(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    close: async () => {
      await chain.catch(() => {});
      const c = current;
      current = null;
      handed = null;
      if (c) await closeWhenIdle(c);
    },
  };
}
