// Runs: node (core). The ordered list of schema migrations. Versions are gap-free and forward-only.
import { sql as m001 } from './001_initial.ts';
import { sql as m002 } from './002_search.ts';
import { sql as m003 } from './003_pos_fraud.ts';
import { sql as m004 } from './004_admin.ts';
import { sql as m005 } from './005_sync.ts';
import { sql as m006 } from './006_discount_history.ts';
import { sql as m007 } from './007_sign_in_guards.ts';
import { sql as m008 } from './008_store_live.ts';
import { sql as m009 } from './009_inventory.ts';
import { sql as m010 } from './010_recommend.ts';
import { sql as m011 } from './011_printing.ts';
import { sql as m012 } from './012_shifts.ts';
import { sql as m013 } from './013_map_names.ts';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const migrations: readonly Migration[] = [{ version: 1, name: 'initial', sql: m001 }, { version: 2, name: 'search', sql: m002 }, { version: 3, name: 'pos_fraud', sql: m003 }, { version: 4, name: 'admin', sql: m004 }, { version: 5, name: 'sync', sql: m005 }, { version: 6, name: 'discount_history', sql: m006 }, { version: 7, name: 'sign_in_guards', sql: m007 }, { version: 8, name: 'store_live', sql: m008 }, { version: 9, name: 'inventory', sql: m009 }, { version: 10, name: 'recommend', sql: m010 }, { version: 11, name: 'printing', sql: m011 }, { version: 12, name: 'shifts', sql: m012 }, { version: 13, name: 'map_names', sql: m013 }];
