// Runs: node (CLI). What a store engineer checks on a terminal: the store's help tickets as this
// terminal sees them.
import { createCore } from '../core/core.ts';
import { CoreError } from '../core/db/errors.ts';
import { listTickets } from '../core/assistant/tickets.ts';
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
