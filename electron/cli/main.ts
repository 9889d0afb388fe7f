// Runs: node (CLI). `storemind` — one dispatcher for every command. Global flags (--data-dir,
// --json, --help) are taken from anywhere on the line; the rest goes to the command, which
// parses strictly. Failures print one clear line and exit non-zero; no bare stack traces.
import path from 'node:path';
import { defaultDataDir } from '../core/paths.ts';
import { isCoreError } from '../core/db/errors.ts';
import { translateSqliteError } from '../core/db/database.ts';
import type { Command, GlobalOptions } from './registry.ts';
import { audit, serve, status, users } from './commands-core.ts';
import { ask, intent } from './commands-assistant.ts';
import { catalog, search } from './commands-catalog.ts';
import { fraud } from './commands-fraud.ts';
import { interactions } from './commands-admin.ts';
import { enroll, simulate, sync } from './commands-sync.ts';
import { hub } from './commands-hub.ts';
import { tickets } from './commands-store.ts';
import { replenish, stock } from './commands-inventory.ts';
import { forecast } from './commands-forecast.ts';
import { recommend } from './commands-recommend.ts';
import { pos, printer, receipt } from './commands-till.ts';
import { shift } from './commands-shift.ts';

const commands: Command[] = [serve, status, search, catalog, users, audit, interactions, fraud, ask, intent, enroll, sync, simulate, hub, tickets, stock, replenish, forecast, recommend, receipt, printer, pos, shift];

function help(): string {
  const lines = commands.map((c) => `  ${c.name.padEnd(12)} ${c.summary}`);
  return [
    'StoreMind — offline-first retail kiosk, POS and back office.',
    '',
    'Usage: storemind <command> [options] [--data-dir DIR] [--json]',
    '',
    'Commands:',
    ...lines,
    '',
    'Global options:',
    '  --data-dir DIR   the terminal\'s data folder (default: the app\'s data folder)',
    '  --json           machine-readable output where the command supports it',
    '  --help           this help, or a command\'s usage with `storemind <command> --help`',
  ].join('\n');
}

/** Pulls the global flags out of argv; returns the rest untouched. */
export function splitGlobals(argv: string[]): { g: GlobalOptions; rest: string[]; help: boolean } {
  const rest: string[] = [];
  let dataDir: string | undefined;
  let json = false;
  let wantHelp = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--data-dir') {
      const v = argv[++i];
      if (!v) throw Object.assign(new Error('--data-dir needs a folder.'), { code: 'BAD_INPUT' });
      dataDir = v;
    } else if (a.startsWith('--data-dir=')) dataDir = a.slice('--data-dir='.length);
    else if (a === '--json') json = true;
    else if (a === '--help' || a === '-h') wantHelp = true;
    else rest.push(a);
  }
  return { g: { dataDir: dataDir ? path.resolve(dataDir) : defaultDataDir(), json }, rest, help: wantHelp };
}

export async function main(argv: string[]): Promise<number> {
  // `storemind ... | head` closes the pipe early: that is the reader's choice, not an error.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(0);
  });
  try {
    const { g, rest, help: wantHelp } = splitGlobals(argv);
    const [name, ...args] = rest;
    if (!name) {
      console.log(help());
      return wantHelp ? 0 : 1;
    }
    const cmd = commands.find((c) => c.name === name);
    if (!cmd) {
      console.error(`storemind: unknown command "${name}". Run \`storemind --help\` for the list.`);
      return 2;
    }
    if (wantHelp) {
      console.log(`Usage: storemind ${cmd.usage}\n\n${cmd.summary}`);
      return 0;
    }
    return await cmd.run(args, g);
  } catch (caught) {
    const e = String((caught as { code?: unknown }).code ?? '').startsWith('SQLITE_') ? translateSqliteError(caught, 'the store database') : caught;
    if (isCoreError(e) || (e as { code?: string }).code === 'BAD_INPUT') {
      console.error(`storemind: ${(e as Error).message}`);
      return 2;
    }
    console.error(`storemind: unexpected error: ${(e as Error).message}`);
    return 70;
  }
}
