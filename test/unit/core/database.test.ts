import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { migrate, openDatabase, schemaVersion } from '../../../electron/core/db/database.ts';
import { migrations } from '../../../electron/core/db/migrations/index.ts';
import { enqueue, pendingCount } from '../../../electron/core/db/outbox.ts';
import { CoreError } from '../../../electron/core/db/errors.ts';
import { createCore } from '../../../electron/core/core.ts';
import { fileKeyStore, resolveDatabaseKey } from '../../../electron/core/db/key.ts';
import { tempDir } from '../../helpers/tmp.ts';

describe('SQLite store', () => {
  const dir = tempDir();

  it('opens with WAL, foreign keys and a busy timeout, at the latest schema', () => {
    const db = openDatabase(path.join(dir, 'a.db'));
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('busy_timeout', { simple: true })).toBe(5000);
    expect(schemaVersion(db)).toBe(migrations.at(-1)!.version);
    db.close();
  });

  it('reopening applies nothing twice', () => {
    const file = path.join(dir, 'b.db');
    openDatabase(file).close();
    const db = openDatabase(file);
    expect(schemaVersion(db)).toBe(migrations.at(-1)!.version);
    db.close();
  });

  it('a failed migration rolls back and leaves the previous database usable', () => {
    const file = path.join(dir, 'c.db');
    const db = openDatabase(file);
    db.prepare("INSERT INTO settings (key, value, updated_at) VALUES ('k', '1', 'now')").run();
    const before = schemaVersion(db);
    const broken = [...migrations, { version: before + 1, name: 'broken', sql: 'CREATE TABLE half (x INTEGER); INSERT INTO nope VALUES (1);' }];
    expect(() => migrate(db, broken)).toThrowError(/rolled back/);
    expect(schemaVersion(db)).toBe(before);
    expect(db.prepare("SELECT name FROM sqlite_master WHERE name = 'half'").get()).toBeUndefined();
    expect(db.prepare("SELECT value FROM settings WHERE key = 'k'").get()).toEqual({ value: '1' });
    db.close();
  });

  it('refuses a database newer than the app', () => {
    const file = path.join(dir, 'd.db');
    const db = openDatabase(file);
    db.pragma('user_version = 999');
    db.close();
    expect(() => openDatabase(file)).toThrowError(/newer than this app/);
  });

  it('refuses a corrupt file with a clear error', () => {
    const file = path.join(dir, 'corrupt.db');
    fs.writeFileSync(file, Buffer.alloc(8192, 7));
    try {
      openDatabase(file);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(CoreError);
      expect((e as CoreError).code).toBe('DB_CORRUPT');
    }
  });

  it('an unwritable data folder is a clear error', () => {
    const plain = path.join(dir, 'plain-file');
    fs.writeFileSync(plain, 'x');
    const file = path.join(plain, 'sub', 'x.db');
    expect(() => openDatabase(file)).toThrowError(/cannot be created or written/);
  });

  it('outbox rows commit and roll back with the business write', () => {
    const db = openDatabase(path.join(dir, 'e.db'));
    const write = (fail: boolean) =>
      db.transaction(() => {
        db.prepare("INSERT INTO settings (key, value, updated_at) VALUES (?, '1', 'now')").run(`k${fail}`);
        enqueue(db, 'interaction', 'r1', { a: 1 });
        if (fail) throw new Error('boom');
      })();
    expect(() => write(true)).toThrow('boom');
    expect(pendingCount(db)).toBe(0);
    write(false);
    expect(pendingCount(db)).toBe(1);
    expect(() => enqueue(db, 'interaction', 'r2', {})).toThrow(/inside the business write/);
    db.close();
  });

  it('reports slow queries', () => {
    const seen: string[] = [];
    const db = openDatabase(path.join(dir, 'f.db'), { slowQueryMs: 0, onSlowQuery: (sql) => seen.push(sql) });
    db.prepare('SELECT 1').get();
    expect(seen).toContain('SELECT 1');
    db.close();
  });
});

describe('encryption at rest', () => {
  const dir = tempDir();
  const key = Buffer.alloc(32, 7);

  it('encrypts the file: no plaintext on disk, and the wrong key is a clear error', () => {
    const file = path.join(dir, 'enc.db');
    const db = openDatabase(file, { key });
    db.prepare("INSERT INTO settings (key, value, updated_at) VALUES ('secret', '\"VISIBLE-MARKER\"', 'now')").run();
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.close();
    expect(fs.readFileSync(file).includes('VISIBLE-MARKER')).toBe(false);
    expect(fs.readFileSync(file).subarray(0, 15).toString('latin1')).not.toBe('SQLite format 3');
    expect(() => openDatabase(file, { key: Buffer.alloc(32, 8) })).toThrowError(/cannot be decrypted/);
    expect(() => openDatabase(file)).toThrowError(CoreError);
    const again = openDatabase(file, { key });
    expect(again.prepare("SELECT value FROM settings WHERE key = 'secret'").get()).toEqual({ value: '"VISIBLE-MARKER"' });
    again.close();
  });

  it('encrypts a database from before encryption in place, keeping its data', () => {
    const file = path.join(dir, 'legacy.db');
    const plain = openDatabase(file);
    plain.prepare("INSERT INTO settings (key, value, updated_at) VALUES ('old', '\"LEGACY-MARKER\"', 'now')").run();
    plain.close();
    const db = openDatabase(file, { key });
    expect(db.prepare("SELECT value FROM settings WHERE key = 'old'").get()).toEqual({ value: '"LEGACY-MARKER"' });
    db.close();
    expect(fs.readFileSync(file).includes('LEGACY-MARKER')).toBe(false);
  });
});

describe('a database locked by another process', () => {
  const dir = tempDir();
  it('a write waits for the busy timeout, then answers one clear DB_LOCKED error', async () => {
    const dataDir = path.join(dir, 'locked');
    const core = createCore({ dataDir, loadModels: false });
    core.db.pragma('busy_timeout = 200'); // keep the test quick; the app waits 5 s
    const holder = openDatabase(path.join(dataDir, 'storemind.db'), { key: fileKeyStore(dataDir).load() });
    holder.exec('BEGIN IMMEDIATE');
    try {
      const r = await core.dispatch('settings.setLocale', { locale: 'zh-CN' }, null);
      expect(r).toEqual({ ok: false, error: { code: 'DB_LOCKED', message: expect.stringMatching(/locked by another process/) } });
    } finally {
      holder.exec('ROLLBACK');
      holder.close();
    }
    // Once the other process lets go, the same write goes through.
    expect(await core.dispatch('settings.setLocale', { locale: 'zh-CN' }, null)).toEqual({ ok: true, data: { locale: 'zh-CN' } });
    core.close();
  });
});

describe('the database key file', () => {
  const dir = tempDir();
  it('is created once with mode 0600, and a second creator adopts the existing key', () => {
    const store = fileKeyStore(path.join(dir, 'k'));
    const first = resolveDatabaseKey(store, false);
    expect((fs.statSync(path.join(dir, 'k', 'storemind.key')).mode & 0o777).toString(8)).toBe('600');
    store.save(Buffer.alloc(32, 9)); // a racing process: must not overwrite
    expect(resolveDatabaseKey(store, true).equals(first)).toBe(true);
  });
});
