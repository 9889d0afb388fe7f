// Runs: node (core). Handlers for the back office's catalogue (common/api/catalog-admin.ts); the
// dispatcher has checked the role and parsed the input. The acting user and this terminal stamp
// every change; the kiosk search index picks the change up on its next search.
import { getSetting } from '../settings/settings.ts';
import { addProduct, getAdminProduct, importProductsCsv, listAdminProducts, saveProduct, setProductActive, type CatalogActor } from '../catalog/admin.ts';
import type { CallContext, Handler, SignedIn } from './context.ts';

function actor({ core, session }: SignedIn): CatalogActor {
  return { userId: session.user.id, terminalId: getSetting(core.db, 'terminalId') };
}

function changed<T>(c: CallContext, r: T): T {
  c.core.emit('store.changed', {});
  return r;
}

export const catalogAdminHandlers: {
  'catalog.admin.list': Handler<'catalog.admin.list'>;
  'catalog.admin.get': Handler<'catalog.admin.get'>;
  'catalog.admin.save': Handler<'catalog.admin.save'>;
  'catalog.admin.add': Handler<'catalog.admin.add'>;
  'catalog.admin.setActive': Handler<'catalog.admin.setActive'>;
  'catalog.admin.import': Handler<'catalog.admin.import'>;
} = {
  'catalog.admin.list': ({ core }, i) => listAdminProducts(core.db, i),
  'catalog.admin.get': ({ core }, i) => getAdminProduct(core.db, i.id),
  'catalog.admin.save': (c, i) => changed(c, saveProduct(c.core.db, i, actor(c))),
  'catalog.admin.add': (c, i) => changed(c, addProduct(c.core.db, i, actor(c))),
  'catalog.admin.setActive': (c, i) => changed(c, setProductActive(c.core.db, i.id, i.active, actor(c))),
  'catalog.admin.import': async (c, i) => {
    const index = c.core.extensions.search;
    const r = await importProductsCsv(c.core.db, i, { ...actor(c), ...(index ? { index } : {}) });
    return changed(c, { inserted: r.inserted, updated: r.updated, rejected: r.rejected, took_ms: r.took_ms });
  },
};
