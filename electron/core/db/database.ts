// Runs: node (core). The small SQLite adapter every core service uses: opens the file (encrypted
// at rest with SQLite3 Multiple Ciphers when a key is given) with WAL, foreign keys and a busy
// timeout, applies migrations (each in its own transaction, so a failed
// one leaves the previous schema intact), logs slow statements, and turns driver failures into
// CoreErrors with a clear message.
import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3-multiple-ciphers';
import { isPlaintextSqliteFile } from './key.ts';
import { CoreError } from './errors.ts';
import { migrations as defaultMigrations, type Migration } from './migrations/index.ts';

export type Db = BetterSqlite3.Database;

export interface OpenOptions {
  migrations?: readonly Migration[];
  readonly?: boolean;
  /** 32-byte key: the file is encrypted at rest (ChaCha20-Poly1305). */
  key?: Buffer | null;
  /** Statements slower than this are reported through onSlowQuery (default 50 ms). */
  slowQueryMs?: number;
  onSlowQuery?: (sql: string, ms: number) => void;
}

export function openDatabase(file: string, opts: OpenOptions = {}): Db {
  if (file !== ':memory:') ensureWritableFolder(path.dirname(file));
  let db: Db;
  try {
    db = new BetterSqlite3(file, { readonly: opts.readonly ?? false, timeout: 5000 });
  } catch (e) {
    throw translateSqliteError(e, file);
  }
  try {
    if (opts.key) applyKey(db, file, opts.key);
    db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    // FULL: a commit is on disk before the sale's receipt prints or the drawer opens, so a power
    // cut cannot take back a sale the shopper walked out with (NORMAL may lose the last commits).
    // Measured affordable: `npm run bench -- --only core`, the sqlite rows.
    db.pragma('synchronous = FULL');
    // A quick check reads every page header: a corrupt file is refused here, not mid-sale.
    const check = db.pragma('quick_check', { simple: true });
    if (check !== 'ok') throw new CoreError('DB_CORRUPT', `Database ${file} failed its integrity check: ${String(check)}`);
    if (!opts.readonly) migrate(db, opts.migrations ?? defaultMigrations);
  } catch (e) {
    db.close();
    throw translateSqliteError(e, file);
  }
  if (opts.onSlowQuery) installSlowQueryLog(db, opts.slowQueryMs ?? 50, opts.onSlowQuery);
  return db;
}

function applyKey(db: Db, file: string, key: Buffer): void {
  const hex = key.toString('hex');
  if (file !== ':memory:' && isPlaintextSqliteFile(file)) {
    // A database from before encryption: encrypt it in place. Rekeying needs rollback journaling.
    db.pragma('journal_mode = DELETE');
    db.pragma(`rekey = "x'${hex}'"`);
    return;
  }
  db.pragma(`key = "x'${hex}'"`);
  try {
    db.prepare('SELECT count(*) FROM sqlite_master').get();
  } catch {
    throw new CoreError('DB_CORRUPT', `Database ${file} cannot be decrypted with this terminal's key (or is not a StoreMind database).`);
  }
}

export function schemaVersion(db: Db): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/** Applies every migration newer than the file's user_version, each atomically. */
export function migrate(db: Db, migrations: readonly Migration[]): number {
  let current = schemaVersion(db);
  const latest = migrations.at(-1)?.version ?? 0;
  if (current > latest) {
    throw new CoreError('MIGRATION_FAILED', `Database schema version ${current} is newer than this app (${latest}); refusing to open it.`);
  }
  for (const m of migrations) {
    if (m.version <= current) continue;
    if (m.version !== current + 1) throw new CoreError('MIGRATION_FAILED', `Migration ${m.version} does not follow ${current}.`);
    const apply = db.transaction(() => {
      db.exec(m.sql);
      db.pragma(`user_version = ${m.version}`);
    });
    try {
      apply();
    } catch (e) {
      throw new CoreError('MIGRATION_FAILED', `Migration ${m.version} (${m.name}) failed and was rolled back: ${(e as Error).message}`);
    }
    current = m.version;
  }
  return current;
}

function ensureWritableFolder(dir: string): void {
  try {
    fs.mkdirSync(dir, { recursive: true });
    fs.accessSync(dir, fs.constants.W_OK);
  } catch {
    throw new CoreError('DB_UNWRITABLE', `The data folder ${dir} cannot be created or written to.`);
  }
}

export function translateSqliteError(e: unknown, file: string): CoreError {
  if (e instanceof CoreError) return e;
  const err = e as { code?: string; message?: string };
  const code = err.code ?? '';
  if (code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT' || /not a database|malformed/i.test(err.message ?? '')) {
    return new CoreError('DB_CORRUPT', `Database ${file} is corrupt or not a StoreMind database.`);
  }
  if (code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED') return new CoreError('DB_LOCKED', `Database ${file} is locked by another process.`);
  if (code === 'SQLITE_CANTOPEN' || code === 'SQLITE_READONLY' || code === 'SQLITE_PERM') {
    return new CoreError('DB_UNWRITABLE', `Database ${file} cannot be opened for writing.`);
  }
  return new CoreError('INTERNAL', `Database error on ${file}: ${err.message ?? String(e)}`);
}

/** Wraps prepare() so every statement's run/get/all is timed; slow ones are reported (Signal-style). */
function installSlowQueryLog(db: Db, thresholdMs: number, report: (sql: string, ms: number) => void): void {
  const prepare = db.prepare.bind(db);
  const timed = ['run', 'get', 'all', 'iterate'] as const;
  (db as { prepare: unknown }).prepare = (source: string) => {
    const stmt = prepare(source) as unknown as Record<string, (...args: unknown[]) => unknown>;
    for (const method of timed) {
      const original = stmt[method];
      if (typeof original !== 'function') continue;
      stmt[method] = (...args: unknown[]) => {
        const t0 = performance.now();
        try {
          return original.apply(stmt, args);
        } finally {
          const ms = performance.now() - t0;
          if (ms >= thresholdMs) report(source, ms);
        }
      };
    }
    return stmt;
  };
}
