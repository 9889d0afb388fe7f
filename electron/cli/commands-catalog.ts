// Runs: node (CLI). Product lookup and catalog import: `storemind search`, `storemind catalog import`.
import { createCore } from '../core/core.ts';
import { CoreError } from '../core/db/errors.ts';
import { catalogImportCommand, searchCommand } from '../core/search/cli.ts';
import { intOption, parse } from './args.ts';
import type { Command } from './registry.ts';

export const search: Command = {
  name: 'search',
  summary: 'Find products: search [--json] [--limit N] "query" | search --batch FILE --json',
  usage: 'search [--json] [--limit N] "query"   or   search --batch queries.txt --json',
  async run(argv, g) {
    const { values, positionals } = parse(argv, { limit: { type: 'string' }, batch: { type: 'string' } });
    const limit = values.limit === undefined ? 10 : intOption(values.limit, 'limit', 1, 50);
    const core = createCore({ dataDir: g.dataDir });
    try {
      await core.ready;
      return await searchCommand({
        db: core.db,
        query: positionals.join(' '),
        ...(values.batch ? { batchFile: values.batch } : {}),
        json: g.json,
        limit,
        embedder: core.services.embedder(),
      });
    } finally {
      core.close();
    }
  },
};

export const catalog: Command = {
  name: 'catalog',
  summary: 'Import a catalog: catalog import FILE --map name=col,... | catalog import DIR --format instacart',
  usage: 'catalog import FILE --map name=product_name,price=price,... [--json]   or   catalog import DIR --format instacart',
  async run(argv, g) {
    const { values, positionals } = parse(argv, { map: { type: 'string' }, format: { type: 'string' } });
    if (positionals[0] !== 'import' || !positionals[1]) throw new CoreError('BAD_INPUT', 'Usage: storemind catalog import FILE --map ... (or DIR --format instacart)');
    const core = createCore({ dataDir: g.dataDir });
    try {
      await core.ready;
      return await catalogImportCommand({
        db: core.db,
        file: positionals[1],
        ...(values.map !== undefined ? { map: values.map } : {}),
        ...(values.format !== undefined ? { format: values.format } : {}),
        json: g.json,
        embedder: core.services.embedder(),
      });
    } finally {
      core.close();
    }
  },
};
