// Runs: node (CLI). What a store engineer checks on a terminal: the store's help tickets as this
// terminal sees them, and a product's stock on hand with its latest movements.
import { createCore } from '../core/core.ts';
import { CoreError } from '../core/db/errors.ts';
import { listTickets } from '../core/assistant/tickets.ts';
import { stockOf } from '../core/inventory/stock.ts';
import { parse } from './args.ts';
import type { Command } from './registry.ts';

export const tickets: Command = {
  name: 'tickets',
  summary: 'The store\'s help tickets on this terminal: tickets list [--all]',
  usage: 'tickets list [--all] [--json]',
  async run(argv, g) {
    const { values, positionals } = parse(argv, { all: { type: 'boolean' } });
    if (positionals[0] !== 'list') throw new CoreError('BAD_INPUT', 'Usage: storemind tickets list [--all] [--json]');
    const core = createCore({ dataDir: g.dataDir, loadModels: false });
    try {
      const rows = listTickets(core.db, values.all ? 'all' : 'active', 500);
      console.log(g.json ? JSON.stringify(rows) : rows.map((t) => `${t.ts}  ${t.status.padEnd(8)} ${t.terminal_id.slice(0, 8)}  ${t.handled_by_name ?? ''}  ${t.reason}`).join('\n') || 'No help tickets.');
      return 0;
    } finally {
      core.close();
    }
  },
};

export const stock: Command = {
  name: 'stock',
  summary: 'A product\'s stock on hand and its last movements: stock --sku SKU',
  usage: 'stock --sku SKU [--json]',
  async run(argv, g) {
    const { values } = parse(argv, { sku: { type: 'string' } }, false);
    if (!values.sku) throw new CoreError('BAD_INPUT', '--sku is required.');
    const core = createCore({ dataDir: g.dataDir, loadModels: false });
    try {
      const s = stockOf(core.db, values.sku.slice(0, 64));
      if (!s.productId && !s.movements.length) throw new CoreError('NOT_FOUND', `No product with SKU ${values.sku}.`);
      if (g.json) console.log(JSON.stringify(s));
      else {
        console.log(`${s.sku} ${s.name ?? '(not in this terminal\'s catalog yet)'}: ${s.onHand ?? '?'} on hand (catalog baseline ${s.baseline ?? '?'})`);
        for (const m of s.movements) console.log(`  ${m.at}  ${m.delta > 0 ? '+' : ''}${m.delta}  ${m.reason}  ${m.ref ?? ''}${m.applied ? '' : '  (waiting for the product)'}`);
      }
      return 0;
    } finally {
      core.close();
    }
  },
};
