// Runs: node (core). The assistant as a core service: created on first use (a kiosk question, or
// the Ask panel opening) and kept in core.extensions. It waits for the model service's background
// load so the head binds to the encoder already in memory instead of loading a second copy.
import type { CoreServices } from '../api/context.ts';
import type { ModelService } from '../model-service.ts';
import { getSetting } from '../settings/settings.ts';
import { createAssistant, type Assistant } from './assistant.ts';

const KEY = 'assistant';

export function getAssistant(core: CoreServices): Promise<Assistant> {
  let p = core.extensions.get(KEY) as Promise<Assistant> | undefined;
  if (!p) {
    const models = core.extensions.get('models') as ModelService | undefined;
    const variant = getSetting(core.db, 'modelVariant');
    const threads = getSetting(core.db, 'modelThreads');
    p = (async () => {
      await models?.ready;
      return createAssistant({
        db: core.db,
        emit: core.emit,
        sharedEncoder: () => models?.encoder() ?? null,
        modelConfig: { runtime: { ...(variant !== 'auto' ? { variant } : {}), ...(threads > 0 ? { threads } : {}) } },
        log: (l) => console.warn(l),
      });
    })();
    // A failed start must not poison every later call: the next call tries again.
    p.catch(() => core.extensions.delete(KEY));
    core.extensions.set(KEY, p);
  }
  return p;
}
