// Runs: node (core). The database encryption key. The Electron host keeps it in the OS keychain
// (safeStorage) and hands it to the core; every other host (CLI, browser host) keeps it in a key
// file beside the database, readable only by the app's user (mode 0600).
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { CoreError } from './errors.ts';

export const KEY_FILE = 'storemind.key';

export interface KeyStore {
  /** Human-readable: where the key lives (for messages). */
  where: string;
  load(): Buffer | null;
  save(key: Buffer): void;
}

export function fileKeyStore(dataDir: string): KeyStore {
  const file = path.join(dataDir, KEY_FILE);
  return {
    where: file,
    load() {
      let text: string;
      try {
        text = fs.readFileSync(file, 'utf8').trim();
      } catch {
        return null;
      }
      if (!/^[0-9a-f]{64}$/.test(text)) throw new CoreError('DB_CORRUPT', `The database key file ${file} is damaged.`);
      return Buffer.from(text, 'hex');
    },
    save(key) {
      try {
        fs.mkdirSync(dataDir, { recursive: true });
        // wx: never overwrite an existing key (that would lock the data away for good).
        fs.writeFileSync(file, key.toString('hex'), { mode: 0o600, flag: 'wx' });
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === 'EEXIST') return; // another process made it first
        throw new CoreError('DB_UNWRITABLE', `The data folder ${dataDir} cannot be created or written to.`);
      }
    },
  };
}

/** Returns the key, creating one when neither key nor database exists yet. */
export function resolveDatabaseKey(store: KeyStore, databaseExists: boolean): Buffer {
  const existing = store.load();
  if (existing) return existing;
  if (databaseExists && !isPlaintextSqlite(store.where, databaseExists)) {
    throw new CoreError('DB_CORRUPT', `The database is corrupt or not a StoreMind database (or it is encrypted and its key ${store.where} is missing).`);
  }
  store.save(crypto.randomBytes(32));
  // Read back what is on disk: if another process created the key at the same moment, its key wins.
  const saved = store.load();
  if (!saved) throw new CoreError('DB_UNWRITABLE', `The database key ${store.where} could not be written.`);
  return saved;
}

const SQLITE_MAGIC = Buffer.from('SQLite format 3\0', 'latin1');

/** A database file that is still plain SQLite (from before encryption) gets encrypted on open. */
export function isPlaintextSqliteFile(file: string): boolean {
  try {
    const fd = fs.openSync(file, 'r');
    try {
      const head = Buffer.alloc(16);
      fs.readSync(fd, head, 0, 16, 0);
      return head.equals(SQLITE_MAGIC);
    } finally {
      fs.closeSync(fd);
    }
  } catch {
    return false;
  }
}

function isPlaintextSqlite(keyWhere: string, _exists: boolean): boolean {
  return isPlaintextSqliteFile(path.join(path.dirname(keyWhere), 'storemind.db'));
}
