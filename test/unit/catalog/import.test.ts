// Runs: node (tests). CSV import: mapping, upsert, rejected rows, clear errors, one transaction.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../../electron/core/db/database.ts';
import { importCatalogCsv } from '../../../electron/core/catalog/import.ts';
import { parseCsv } from '../../../electron/core/catalog/csv.ts';
import { createSearchIndex } from '../../../electron/core/search/engine.ts';
import { tempDir } from '../../helpers/tmp.ts';

const dir = tempDir();
let n = 0;
function freshDb(): Db {
  return openDatabase(path.join(dir, `import-${++n}.db`));
}
function write(name: string, text: string | Buffer): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, text);
  return file;
}
const count = (db: Db, t: string) => db.prepare(`SELECT count(*) FROM ${t}`).pluck().get() as number;

const HEADER = 'Product ID,Title,Dept,Price,UPC,Qty,Tags\r\n';
const MAP = 'id=Product ID,name=Title,department=Dept,price=Price,barcode=UPC,stock=Qty,dietary=Tags';

describe('parseCsv', () => {
  it('reads quotes, doubled quotes, embedded newlines, CRLF and a BOM', () => {
    const recs = parseCsv('\uFEFFa,b\r\n"x, y","say ""hi"""\r\n"multi\nline",2\n\n3,4');
    expect(recs.map((r) => r.fields)).toEqual([['\uFEFFa', 'b'], ['x, y', 'say "hi"'], ['multi\nline', '2'], ['3', '4']]);
    expect(recs.map((r) => r.line)).toEqual([1, 2, 3, 6]);
  });
  it('refuses an unterminated quote with its line', () => {
    expect(() => parseCsv('a,b\n1,"oops\n2,3')).toThrow(/line 2/);
  });
});

describe('importCatalogCsv', () => {
  it('imports mapped columns, then upserts by id', async () => {
    const db = freshDb();
    const file = write('ok.csv', `\uFEFF${HEADER}p1,"Oat Milk, Barista",Dairy,4.49,036000291452,12,vegan;dairy free\r\np2,Café Crème Coffee,Breakfast,$8.99,,0,\r\n`);
    const r1 = await importCatalogCsv(db, file, { map: MAP });
    expect(r1).toMatchObject({ inserted: 2, updated: 0, rejected: [] });
    expect(db.prepare("SELECT name, price_cents, attributes FROM products WHERE id = 'p1'").get()).toEqual({ name: 'Oat Milk, Barista', price_cents: 449, attributes: '{"dietary":["vegan","dairy_free"]}' });
    expect(db.prepare("SELECT code FROM barcodes WHERE product_id = 'p1'").pluck().get()).toBe('0036000291452');
    expect(db.prepare("SELECT quantity FROM stock WHERE product_id = 'p2'").pluck().get()).toBe(0);
    const file2 = write('ok2.csv', `${HEADER}p1,Oat Milk Barista Edition,Dairy,4.29,,,\r\np3,Rye Bread,Bakery,3.99,,,\r\n`);
    const r2 = await importCatalogCsv(db, file2, { map: MAP });
    expect(r2.rejected).toEqual([]);
    expect(r2).toMatchObject({ inserted: 1, updated: 1 });
    expect(db.prepare("SELECT price_cents FROM products WHERE id = 'p1'").pluck().get()).toBe(429);
    expect(r2.took_ms).toBeGreaterThanOrEqual(0);
    db.close();
  });

  it('reports rejected rows with line and reason and imports the rest', async () => {
    const db = freshDb();
    const file = write('mixed.csv', [
      'id,name,department,price,barcode',
      'a1,Apples,Produce,1.99,4006381333931',
      'a2,Bad Code,Produce,1.99,4006381333932',
      'a3,Negative,Produce,-1,',
      'a1,Apples Again,Produce,2.49,',
      ',No Id,Produce,1.00,',
      'a4,No Price,Produce,,',
      'a5,Bananas,Produce,0.69,',
    ].join('\n'));
    const r = await importCatalogCsv(db, file);
    expect(r.inserted).toBe(2);
    expect(r.rejected).toEqual([
      { line: 3, reason: expect.stringMatching(/invalid barcode "4006381333932"/) },
      { line: 4, reason: expect.stringMatching(/negative price/) },
      { line: 5, reason: expect.stringMatching(/duplicate id "a1" \(first on line 2\)/) },
      { line: 6, reason: 'missing id' },
      { line: 7, reason: 'missing price' },
    ]);
    db.close();
  });

  it('refuses a file lacking a required column before writing anything', async () => {
    const db = freshDb();
    const file = write('nocol.csv', 'id,title,price\n1,Milk,2.00\n');
    await expect(importCatalogCsv(db, file)).rejects.toThrow(/lacks required column\(s\) name, department/);
    await expect(importCatalogCsv(db, file, { map: 'name=nope' })).rejects.toThrow(/Column "nope" \(mapped to name\) is not in/);
    await expect(importCatalogCsv(db, file, { map: 'colour=title' })).rejects.toThrow(/Unknown catalog field "colour"/);
    expect(count(db, 'products')).toBe(0);
    db.close();
  });

  it('refuses bytes that are not UTF-8 with a clear message', async () => {
    const db = freshDb();
    const latin1 = Buffer.concat([Buffer.from('id,name,department,price\n1,Caf'), Buffer.from([0xe9]), Buffer.from(',Deli,2.00\n')]);
    await expect(importCatalogCsv(db, write('latin1.csv', latin1))).rejects.toMatchObject({ code: 'BAD_INPUT', message: expect.stringMatching(/not valid UTF-8/) });
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('id,name\n', 'utf16le')]);
    await expect(importCatalogCsv(db, write('utf16.csv', utf16))).rejects.toThrow(/UTF-16/);
    await expect(importCatalogCsv(db, path.join(dir, 'missing.csv'))).rejects.toThrow(/Cannot read/);
    db.close();
  });

  it('rolls back everything when the import fails part-way', async () => {
    const db = freshDb();
    await importCatalogCsv(db, write('base.csv', 'id,name,department,price\nb1,Butter,Dairy,3.99\n'));
    db.function('explode', () => {
      throw new Error('disk on fire');
    });
    db.exec("CREATE TEMP TRIGGER boom BEFORE INSERT ON products WHEN new.id = 'x3' BEGIN SELECT explode(); END;");
    const file = write('boom.csv', 'id,name,department,price\nx1,One,Dairy,1\nb1,Butter Renamed,Dairy,4\nx3,Three,Dairy,3\n');
    await expect(importCatalogCsv(db, file)).rejects.toThrow(/disk on fire/);
    expect(db.prepare('SELECT id, name FROM products').all()).toEqual([{ id: 'b1', name: 'Butter' }]);
    expect(count(db, 'search_dirty')).toBe(0);
    db.close();
  });

  it('keeps the search index current', async () => {
    const db = freshDb();
    const index = createSearchIndex(db);
    expect(index.searchSync('kombucha').results).toHaveLength(0);
    await importCatalogCsv(db, write('k.csv', 'id,name,department,price\nk1,Ginger Kombucha,Beverages,3.49\n'), { index });
    expect(index.searchSync('kombucha').results.map((h) => h.id)).toEqual(['k1']);
    db.close();
  });
});
