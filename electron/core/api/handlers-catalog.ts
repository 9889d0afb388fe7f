// Runs: node (core). Handlers for the catalog operations (catalog.*): search, product detail, the
// store map and pinyin input, each reading through the catalog's and search's own modules.
import { productDetail, searchCatalog, storeMap } from '../catalog/views.ts';
import { pinyinCandidates } from '../search/pinyin-input.ts';
import type { Handler } from './context.ts';

export const catalogHandlers: {
  'catalog.search': Handler<'catalog.search'>;
  'catalog.product': Handler<'catalog.product'>;
  'catalog.storeMap': Handler<'catalog.storeMap'>;
  'catalog.pinyin': Handler<'catalog.pinyin'>;
} = {
  'catalog.search': ({ core }, input) => searchCatalog(core.extensions.search!, input),
  'catalog.product': ({ core }, { id }) => productDetail(core.db, id),
  'catalog.storeMap': ({ core }) => storeMap(core.db),
  'catalog.pinyin': ({ core }, { q }) => ({ candidates: pinyinCandidates(core.db, q) }),
};
