// Runs: node (CLI). `storemind stock` and `storemind replenish`: a product's stock and ledger, an
// adjustment or write-off with its reason, a delivery received from a CSV, and the suggested
// order. Actions are audited as 'cli' and move stock only through the ledger, like the UI.
import { ADJUST_REASONS } from '../../common/api/inventory.ts';
import { createCore } from '../core/core.ts';
import { CoreError } from '../core/db/errors.ts';
import { getSetting } from '../core/settings/settings.ts';
import { readDeliveryCsv } from '../core/inventory/delivery-csv.ts';
import { adjustStock, type AdjustReason } from '../core/inventory/ledger.ts';
import { receiveDelivery } from '../core/inventory/purchase-orders.ts';
import { runForecasts, forecastsMadeAt } from '../core/inventory/forecast-job.ts';
import { suggestOrder } from '../core/inventory/replenish.ts';
import { stockOf } from '../core/inventory/stock.ts';
import { intOption, parse } from './args.ts';
import type { Command, GlobalOptions } from './registry.ts';

function withCore<T>(g: GlobalOptions, fn: (core: ReturnType<typeof createCore>) => T): T {
  const core = createCore({ dataDir: g.dataDir, loadModels: false });
  try {
    return fn(core);
  } finally {
    core.close();
  }
}

const USAGE = 'stock --sku SKU [--json] | stock adjust --sku SKU --qty N --reason R [--note TEXT] | stock receive --file delivery.csv [--po PO-ID] [--json]';

export const stock: Command = {
  name: 'stock',
  summary: 'Stock on hand and its ledger, adjustments and write-offs, deliveries: stock --sku SKU | stock adjust | stock receive',
  usage: USAGE,
  async run(argv, g) {
    const { values, positionals } = parse(argv, { sku: { type: 'string' }, qty: { type: 'string' }, reason: { type: 'string' }, note: { type: 'string' }, file: { type: 'string' }, po: { type: 'string' } });
    const sub = positionals[0];
    if (sub === undefined) return show(values.sku, g);
    if (sub === 'adjust') {
      if (!values.sku) throw new CoreError('BAD_INPUT', '--sku is required.');
      const reason = values.reason ?? '';
      if (!(ADJUST_REASONS as readonly string[]).includes(reason)) throw new CoreError('BAD_INPUT', `--reason must be one of ${ADJUST_REASONS.join(', ')}.`);
      const qty = intOption(values.qty, 'qty', -100_000, 100_000);
      return withCore(g, (core) => {
        const r = adjustStock(core.db, { sku: values.sku!.slice(0, 64), qty, reason: reason as AdjustReason, note: values.note?.slice(0, 160) }, { userId: 'cli', terminalId: getSetting(core.db, 'terminalId') });
        console.log(g.json ? JSON.stringify(r) : `${r.sku}: ${qty > 0 ? '+' : ''}${qty} (${reason}); ${r.onHand} on hand.`);
        return 0;
      });
    }
    if (sub === 'receive') {
      if (!values.file) throw new CoreError('BAD_INPUT', '--file delivery.csv is required (columns sku,qty and optionally po).');
      const d = readDeliveryCsv(values.file);
      return withCore(g, (core) => {
        const r = receiveDelivery(core.db, { receiptId: d.receiptId, poId: values.po ?? d.poId, lines: d.lines }, { userId: 'cli', terminalId: getSetting(core.db, 'terminalId') });
        if (g.json) console.log(JSON.stringify(r));
        else {
          console.log(`Received ${r.lines.reduce((s, l) => s + l.qty, 0)} units of ${r.lines.length} products${r.poId ? ` against ${r.poId} (now ${r.order?.status})` : ''}.`);
          for (const l of r.lines.filter((x) => r.poId && !x.onOrder)) console.log(`  ${l.sku}: not on the order, received anyway`);
        }
        return 0;
      });
    }
    throw new CoreError('BAD_INPUT', `Usage: storemind ${USAGE}`);
  },
};

function show(sku: string | undefined, g: GlobalOptions): number {
  if (!sku) throw new CoreError('BAD_INPUT', '--sku is required.');
  return withCore(g, (core) => {
    const s = stockOf(core.db, sku.slice(0, 64));
    if (!s.productId && !s.movements.length) throw new CoreError('NOT_FOUND', `No product with SKU ${sku}.`);
    if (g.json) console.log(JSON.stringify(s));
    else {
      console.log(`${s.sku} ${s.name ?? '(not in this terminal\'s catalog yet)'}: ${s.onHand ?? '?'} on hand (catalog baseline ${s.baseline ?? '?'})`);
      for (const m of s.movements) console.log(`  ${m.at}  ${m.delta > 0 ? '+' : ''}${m.delta}  ${m.reason}  ${m.note ?? m.ref ?? ''}${m.applied ? '' : '  (waiting for the product)'}`);
    }
    return 0;
  });
}

export const replenish: Command = {
  name: 'replenish',
  summary: 'The suggested order from demand forecasts, stock and open orders, with the reason for each line',
  usage: 'replenish [--json] [--refresh]',
  async run(argv, g) {
    const { values } = parse(argv, { refresh: { type: 'boolean' } }, false);
    const core = createCore({ dataDir: g.dataDir, loadModels: false });
    try {
      // Forecasts older than a day (or none) are made now: a suggestion from stale demand misleads.
      const made = forecastsMadeAt(core.db);
      if (values.refresh || !made || Date.now() - Date.parse(made) > 86_400_000) await runForecasts(core.db, { pauseMs: 0 });
      const lines = suggestOrder(core.db);
      if (g.json) console.log(JSON.stringify(lines));
      else if (!lines.length) console.log('Nothing to order: every product with sales is above its reorder point.');
      else for (const l of lines) console.log(`${l.sku.padEnd(14)} ${String(l.qty).padStart(5)}  ${l.name.slice(0, 40).padEnd(40)}  ${l.reason}`);
      return 0;
    } finally {
      core.close();
    }
  },
};
