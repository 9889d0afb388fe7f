// Runs: node (core). Handlers for "goes well with": the dispatcher has checked the role and parsed
// the input. What the core returns is what the screen shows, so the impressions are recorded here.
import { CoreError } from '../db/errors.ts';
import { skuOf } from '../catalog/products.ts';
import { companions, lastTrainedAt, recordRecEvents, retrainRecommender, topPairs } from '../recommend/service.ts';
import type { Handler } from './context.ts';

export const recommendHandlers: {
  'recommend.product': Handler<'recommend.product'>;
  'recommend.cart': Handler<'recommend.cart'>;
  'recommend.accept': Handler<'recommend.accept'>;
  'recommend.pairs': Handler<'recommend.pairs'>;
  'recommend.train': Handler<'recommend.train'>;
} = {
  'recommend.product': ({ core }, i) => {
    const sku = skuOf(core.db, i.id);
    if (!sku) throw new CoreError('NOT_FOUND', `No product ${i.id}.`);
    const r = companions(core.db, core.dataDir, [sku], i.limit ?? 4);
    recordRecEvents(core.db, { kind: 'impression', surface: 'kiosk_product', anchor: sku, items: r.items.map((c) => c.sku), modelVersion: r.modelVersion });
    return r;
  },
  'recommend.cart': ({ core }, i) => {
    const r = companions(core.db, core.dataDir, i.skus, i.limit ?? 3);
    recordRecEvents(core.db, { kind: 'impression', surface: 'pos_cart', anchor: i.skus[0]!, items: r.items.map((c) => c.sku), modelVersion: r.modelVersion });
    return r;
  },
  'recommend.accept': ({ core }, i) => {
    recordRecEvents(core.db, { kind: 'accept', surface: i.surface, anchor: i.anchor, items: [i.item], modelVersion: i.modelVersion });
    return { ok: true as const };
  },
  'recommend.pairs': ({ core }, i) => ({ pairs: topPairs(core.db, i.limit ?? 20), trainedAt: lastTrainedAt(core.dataDir) }),
  'recommend.train': ({ core }) => retrainRecommender(core.db, core.dataDir),
};
