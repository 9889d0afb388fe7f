// Runs: node (core). Adapts the catalog handlers (which take { db, search }) to the dispatcher.
import { catalogHandlers } from '../catalog/handlers.ts';
import { pinyinCandidates } from '../search/pinyin-input.ts';
import type { CallContext, Handler } from './context.ts';

function ctxOf({ core }: CallContext) {
  return { db: core.db, search: core.extensions.search! };
}

export const catalogApiHandlers: {
  'catalog.search': Handler<'catalog.search'>;
  'catalog.product': Handler<'catalog.product'>;
  'catalog.storeMap': Handler<'catalog.storeMap'>;
  'catalog.pinyin': Handler<'catalog.pinyin'>;
} = {
  'catalog.search': (c, i) => catalogHandlers['catalog.search'](ctxOf(c), i),
  'catalog.product': (c, i) => catalogHandlers['catalog.product'](ctxOf(c), i),
  'catalog.storeMap': (c, i) => catalogHandlers['catalog.storeMap'](ctxOf(c), i),
  'catalog.pinyin': ({ core }, { q }) => ({ candidates: pinyinCandidates(core.db, q) }),
};
