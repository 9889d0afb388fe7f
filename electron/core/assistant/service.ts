// Runs: node (core). The assistant as a core service: created on first use (a kiosk question, or
// the Ask panel opening) and kept in core.extensions. It waits for the model service's background
// load so the head binds to the encoder already in memory instead of loading a second copy.
import type { CoreServices } from '../api/context.ts';
import fs from 'node:fs';
import path from 'node:path';
import { activeInstalledDir } from '../model-service.ts';
import type { Encoder } from '../models/index.ts';
import type { IntentModelConfig } from './model.ts';
import { getSetting } from '../settings/settings.ts';
import { createAssistant, type Assistant } from './assistant.ts';
import { companions, recordRecEvents } from '../recommend/service.ts';

/** The model name an intent head update travels under (signed targets, models table). */
export const KIOSK_HEAD_MODEL = 'kiosk-intent';

export function getAssistant(core: CoreServices): Promise<Assistant> {
  let p = core.extensions.assistant;
  if (!p) {
    const models = core.extensions.models;
    p = (async () => {
      await models?.ready;
      return createAssistant({
        db: core.db,
        emit: core.emit,
        sharedEncoder: () => models?.encoder() ?? null,
        modelConfig: assistantModelConfig(core),
        log: (l) => console.warn(l),
        alsoBuy: (sku) => {
          const r = companions(core.db, core.dataDir, [sku], 2);
          recordRecEvents(core.db, { kind: 'impression', surface: 'kiosk_answer', anchor: sku, items: r.items.map((c) => c.sku), modelVersion: r.modelVersion });
          return r.items;
        },
      });
    })();
    // A failed start must not poison every later call: the next call tries again.
    p.catch(() => {
      if (core.extensions.assistant === p) delete core.extensions.assistant;
    });
    core.extensions.assistant = p;
  }
  return p;
}

/** The installed kiosk intent head (a verified signed update), if any; else the shipped one is used. */
export function activeHeadFile(db: CoreServices['db']): string | undefined {
  const dir = activeInstalledDir(db, KIOSK_HEAD_MODEL);
  const file = dir ? path.join(dir, 'head.json') : null;
  return file && fs.existsSync(file) ? file : undefined;
}

function assistantModelConfig(core: CoreServices): IntentModelConfig {
  const variant = getSetting(core.db, 'modelVariant');
  const threads = getSetting(core.db, 'modelThreads');
  const headFile = activeHeadFile(core.db);
  return { ...(headFile ? { headFile } : {}), runtime: { ...(variant !== 'auto' ? { variant } : {}), ...(threads > 0 ? { threads } : {}) } };
}

/**
 * Re-binds a running assistant's intent model: after a new head is activated (models.changed for
 * kiosk-intent), or before the encoder is swapped (with the new encoder). No assistant yet: nothing
 * to do, the first one is created with the current head.
 */
export async function reloadAssistantModel(core: CoreServices, encoder: Encoder | null = null): Promise<void> {
  const p = core.extensions.assistant;
  if (!p) return;
  const assistant = await p.catch(() => null);
  if (!assistant) return;
  const models = core.extensions.models;
  await assistant.reloadModel(assistantModelConfig(core), encoder ?? models?.encoder() ?? null);
}
