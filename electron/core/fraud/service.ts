// Runs: node (core). The terminal's one fraud engine, shared by the POS handlers: created on first
// use with the active fraud model (an installed signed update, else the shipped bundle), and
// switched in place when sync activates a newer model (models.changed for fraud-risk).
import type { CoreServices } from '../api/context.ts';
import { activeInstalledDir } from '../model-service.ts';
import { createFraudEngine, type FraudEngine } from './engine.ts';
import { FRAUD_MODEL_NAME, loadRiskModel } from './model.ts';
import { getState } from '../sync/state.ts';

/** The store this terminal is enrolled in (its verdict correction may be the store's own). */
const storeOf = (core: CoreServices): string | null => getState(core.db, 'enrollment')?.storeId ?? null;

/** The terminal's fraud engine, loaded once (the model load is async, so keep the promise). */
export function fraudEngine(core: CoreServices): Promise<FraudEngine> {
  let p = core.extensions.fraudEngine;
  if (!p) {
    const modelDir = activeInstalledDir(core.db, FRAUD_MODEL_NAME);
    p = createFraudEngine(core.db, { ...(modelDir ? { modelDir } : {}), storeId: storeOf(core) });
    p.catch(() => {
      if (core.extensions.fraudEngine === p) delete core.extensions.fraudEngine;
    });
    core.extensions.fraudEngine = p;
  }
  return p;
}

/**
 * Loads the newly active fraud model beside the running one and swaps it in. No engine yet:
 * nothing to do (the first one loads the active model). A model that fails to load leaves the
 * running one in place.
 */
export async function reloadFraudModel(core: CoreServices): Promise<void> {
  const p = core.extensions.fraudEngine;
  if (!p) return;
  const engine = await p.catch(() => null);
  const dir = activeInstalledDir(core.db, FRAUD_MODEL_NAME);
  if (!engine || !dir) return;
  const next = await loadRiskModel(dir, { storeId: storeOf(core) });
  // Two updates in quick succession: only the one still active may take over.
  if (activeInstalledDir(core.db, FRAUD_MODEL_NAME) !== dir) return next.release();
  engine.swapModel(next);
}

/** What the POS decides with, for the back office's "Running now" (loads the engine if need be). */
export async function runningFraudModel(core: CoreServices): Promise<{ name: string; version: string; variant: string }> {
  const engine = await fraudEngine(core);
  const m = engine.model;
  if (!m) return { name: FRAUD_MODEL_NAME, version: 'none', variant: 'rules only' };
  const c = m.correction;
  return { name: FRAUD_MODEL_NAME, version: m.version, variant: c ? `onnx + ${c.scope} correction from ${c.correction.trained.verdicts} verdicts` : 'onnx' };
}
