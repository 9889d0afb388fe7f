// Runs: node (CLI). Back-office data from the command line: `storemind interactions export`.
// JSON lines (--json) or CSV on stdout, redacted text only, audited as a data export by 'cli'.
import { createCore } from '../core/core.ts';
import { CoreError } from '../core/db/errors.ts';
import { exportJsonLines, exportCsv } from '../core/admin/exports.ts';
import { parse } from './args.ts';
import type { Command } from './registry.ts';

export const interactions: Command = {
  name: 'interactions',
  summary: 'Export kiosk interactions (redacted): interactions export --json [--since T]',
  usage: 'interactions export --json [--since 2025-01-31T00:00:00Z]   (without --json: CSV)',
  async run(argv, g) {
    const { values, positionals } = parse(argv, { since: { type: 'string' } });
    if (positionals[0] !== 'export' || positionals.length > 1) throw new CoreError('BAD_INPUT', 'Usage: storemind interactions export --json [--since T]');
    let since: string | undefined;
    if (values.since !== undefined) {
      const d = new Date(values.since);
      if (Number.isNaN(d.getTime())) throw new CoreError('BAD_INPUT', `--since must be a date or ISO time, e.g. 2025-01-31 or 2025-01-31T08:00:00Z (got "${values.since}").`);
      since = d.toISOString();
    }
    const filter = since ? { from: since } : undefined;
    const core = createCore({ dataDir: g.dataDir, loadModels: false });
    try {
      if (g.json) {
        const n = exportJsonLines(core.db, 'cli', filter, (line) => process.stdout.write(line));
        process.stderr.write(`Exported ${n} interactions.\n`);
      } else {
        const r = exportCsv(core.db, 'cli', filter, Number.MAX_SAFE_INTEGER - 1);
        process.stdout.write(r.csv);
      }
      return 0;
    } finally {
      core.close();
    }
  },
};
