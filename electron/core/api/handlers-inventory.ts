// Runs: node (core). Handlers for the inventory operations; the dispatcher has checked the role and
// parsed the input. The acting user and this terminal stamp every movement and order.
import { CoreError } from '../db/errors.ts';
import { getSetting } from '../settings/settings.ts';
import { adjustStock, postCount, type Actor } from '../inventory/ledger.ts';
import { cancelPurchaseOrder, createPurchaseOrder, listPurchaseOrders, nextDelivery, receiveDelivery } from '../inventory/purchase-orders.ts';
import { listPolicies, savePolicy, suggestOrder } from '../inventory/replenish.ts';
import { appendAudit } from '../audit/audit.ts';
import { stockList } from '../inventory/stock-list.ts';
import { stockOf } from '../inventory/stock.ts';
import { forecastsMadeAt, runForecasts } from '../inventory/forecast-job.ts';
import type { CallContext, Handler, SignedIn } from './context.ts';

function actor({ core, session }: SignedIn): Actor {
  return { userId: session.user.id, terminalId: getSetting(core.db, 'terminalId') };
}

function stockChanged(c: CallContext): void {
  c.core.emit('store.changed', {});
}

export const inventoryHandlers: {
  'inventory.list': Handler<'inventory.list'>;
  'inventory.product': Handler<'inventory.product'>;
  'inventory.adjust': Handler<'inventory.adjust'>;
  'inventory.count': Handler<'inventory.count'>;
  'inventory.receive': Handler<'inventory.receive'>;
  'inventory.suggested': Handler<'inventory.suggested'>;
  'inventory.orders.list': Handler<'inventory.orders.list'>;
  'inventory.orders.create': Handler<'inventory.orders.create'>;
  'inventory.orders.cancel': Handler<'inventory.orders.cancel'>;
  'inventory.policies.list': Handler<'inventory.policies.list'>;
  'inventory.policies.save': Handler<'inventory.policies.save'>;
  'inventory.forecast.run': Handler<'inventory.forecast.run'>;
} = {
  'inventory.list': ({ core }, i) => stockList(core.db, i),
  'inventory.product': ({ core }, i) => {
    const s = stockOf(core.db, i.sku, 50);
    if (!s.productId && !s.movements.length) throw new CoreError('NOT_FOUND', `No product with SKU ${i.sku}.`);
    return { sku: s.sku, name: s.name, onHand: s.onHand, baseline: s.baseline, movements: s.movements, nextDelivery: nextDelivery(core.db, i.sku) };
  },
  'inventory.adjust': (c, i) => {
    const r = adjustStock(c.core.db, i, actor(c));
    stockChanged(c);
    return r;
  },
  'inventory.count': (c, i) => {
    const lines = postCount(c.core.db, i, actor(c));
    stockChanged(c);
    return { lines };
  },
  'inventory.receive': (c, i) => {
    const r = receiveDelivery(c.core.db, i, actor(c));
    stockChanged(c);
    return r;
  },
  'inventory.suggested': ({ core }) => ({ lines: suggestOrder(core.db), forecastsMadeAt: forecastsMadeAt(core.db) }),
  'inventory.orders.list': ({ core }, i) => ({ orders: listPurchaseOrders(core.db, i.which ?? 'open') }),
  'inventory.orders.create': (c, i) => createPurchaseOrder(c.core.db, i, actor(c)),
  'inventory.orders.cancel': (c, i) => cancelPurchaseOrder(c.core.db, i.id, actor(c)),
  'inventory.policies.list': ({ core }) => ({ policies: listPolicies(core.db) }),
  'inventory.policies.save': (c, i) => {
    const by = actor(c);
    c.core.db.transaction(() => {
      savePolicy(c.core.db, i.department, i);
      appendAudit(c.core.db, by.userId, 'inventory.policy', i.department, { serviceLevel: i.serviceLevel, leadDays: i.leadDays, reviewDays: i.reviewDays });
    })();
    return { ok: true as const };
  },
  'inventory.forecast.run': async ({ core }) => runForecasts(core.db),
};
