// Runs: node (tests). Chinese product search over the seeded demo store in a real SQLite file:
// Chinese names and synonyms (character pairs, so the index and the question cut the same way),
// the question's function words dropped, pinyin typed without choosing characters, mixed scripts,
// hostile input, and the Chinese name and category path in every result.
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../../electron/core/db/database.ts';
import { seedDemoStore } from '../../../electron/core/catalog/seed.ts';
import { createSearchIndex, type SearchIndex } from '../../../electron/core/search/engine.ts';
import { tokenize } from '../../../electron/core/search/text.ts';
import { pinyinTerms, toPinyin } from '../../../electron/core/search/pinyin.ts';
import { pinyinCandidates } from '../../../electron/core/search/pinyin-input.ts';
import { importCatalogCsv } from '../../../electron/core/catalog/import.ts';
import { productDetail, storeMap } from '../../../electron/core/catalog/views.ts';
import { chineseProductsReply } from '../../../electron/core/assistant/answers.ts';
import fs from 'node:fs';
import { tempDir } from '../../helpers/tmp.ts';

let db: Db;
let index: SearchIndex;

beforeAll(() => {
  db = openDatabase(path.join(tempDir(), 'zh.db'));
  seedDemoStore(db);
  index = createSearchIndex(db);
});

const top = (q: string, n = 3) => index.searchSync(q, { limit: n }).results;
const categoryOf = (q: string) => top(q, 1)[0]?.category_path.split(' > ').at(-1);

describe('Chinese text', () => {
  it('drops the function words of a question and keeps the product words as character pairs', () => {
    expect(tokenize('电池在哪里')).toEqual(['电池']);
    expect(tokenize('我想买牛奶')).toEqual(['牛奶']);
    expect(tokenize('请问你们有没有卖充电宝')).toEqual(['充电', '电宝']);
    expect(tokenize('有iPhone充电线吗')).toEqual(['iphone', '充电', '电线']);
    expect(tokenize('婴儿奶粉')).toEqual(['婴儿', '儿奶', '奶粉']);
  });

  it('reads polyphones in context and types ü as v', () => {
    expect(toPinyin('薄荷')).toBe('bohe');
    expect(toPinyin('银行')).toBe('yinhang');
    expect(toPinyin('绿茶')).toBe('lvcha');
    expect(pinyinTerms('全脂牛奶')).toEqual(expect.arrayContaining(['quanzhi', 'niunai', 'quanzhiniunai']));
  });
});

describe('Chinese product search', () => {
  it('finds the shelf a Chinese question asks for', () => {
    const cases: Array<[string, string]> = [
      ['牛奶', 'Milk'], ['电池在哪里', 'Batteries'], ['洗发水', 'Hair Care'], ['猫粮', 'Cat'], ['豆浆', 'Plant Milk'],
      ['充电宝', 'Chargers & Cables'], ['有iPhone充电线吗', 'Chargers & Cables'], ['请问有卫生纸吗', 'Paper Goods'], ['布洛芬', 'Pain Relief'],
    ];
    for (const [q, category] of cases) expect(categoryOf(q), q).toBe(category);
  });

  it('pinyin typed without choosing characters finds the same products', () => {
    for (const [py, zh] of [['niunai', '牛奶'], ['xifashui', '洗发水'], ['chongdianbao', '充电宝'], ['maoliang', '猫粮']] as const) {
      expect(top(py, 3).map((r) => r.id), py).toEqual(top(zh, 3).map((r) => r.id));
    }
    // Two pinyin words typed with a space are one product word too.
    expect(categoryOf('niu nai')).toBe('Milk');
  });

  it('each result carries its Chinese name and its category path', () => {
    const [hit] = top('杏仁奶', 1);
    expect(hit!.name).toMatch(/Almond Milk/);
    expect(hit!.name_zh).toMatch(/杏仁奶$/);
    expect(hit!.category_path).toBe('Grocery > Dairy & Eggs > Plant Milk');
  });

  it('a question with no product in it, emoji, full-width text or a long paste is an answer, never a crash', () => {
    expect(top('你好', 5)).toEqual([]);
    expect(categoryOf('ｎｉｕｎａｉ')).toBe('Milk'); // full-width Latin folds to ASCII
    expect(categoryOf('🔋电池🔋')).toBe('Batteries');
    expect(() => index.searchSync('电池'.repeat(2500))).not.toThrow();
  });

  it('Traditional characters are searched as Simplified', () => {
    expect(categoryOf('請問電池在哪裡')).toBe('Batteries');
    expect(categoryOf('洗髮水')).toBe('Hair Care');
  });

  it('a catalog without Chinese names answers Chinese questions through the dictionary', async () => {
    const plain = openDatabase(path.join(tempDir(), 'en-only.db'));
    seedDemoStore(plain);
    plain.prepare("UPDATE products SET attributes = json_remove(attributes, '$.i18n')").run();
    const en = createSearchIndex(plain);
    const shelf = (q: string) => en.searchSync(q, { limit: 1 }).results[0]?.category_path.split(' > ').at(-1);
    for (const [q, category] of [['牛奶', 'Milk'], ['洗发水', 'Hair Care'], ['充电宝', 'Chargers & Cables'], ['请问有卫生纸吗', 'Paper Goods'], ['猫粮', 'Cat']] as const) {
      expect(shelf(q), q).toBe(category);
    }
    // Pinyin needs Chinese names to read: it finds nothing here rather than something random.
    expect(en.searchSync('niunai').results.map((r) => r.category_path)).not.toContain('Grocery > Dairy & Eggs > Milk');
    // The kiosk's Chinese question gets the (English-named) products through the dictionary too.
    const reply = await chineseProductsReply({ db: plain, search: en }, '请问牛奶在哪里');
    expect(reply?.products.length).toBeGreaterThan(0);
    expect(reply!.products[0]!.name).toMatch(/Milk/);
    plain.close();
  });

  it('a CSV import carries Chinese names, synonyms and shelf names into search', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'zh.csv');
    fs.writeFileSync(file, 'id,name,department,price,name_zh,synonyms_zh,category_zh\nx-1,Oolong Tea 100 bags,Beverages,6.50,乌龙茶,茶叶; 铁观音,茶\n');
    const own = openDatabase(path.join(dir, 'import.db'));
    const r = await importCatalogCsv(own, file);
    expect(r.rejected).toEqual([]);
    const ix = createSearchIndex(own);
    for (const q of ['乌龙茶', 'wulongcha', '铁观音', '茶叶']) expect(ix.searchSync(q).results[0]?.id, q).toBe('x-1');
    expect(ix.searchSync('乌龙茶').results[0]!.name_zh).toBe('乌龙茶');
    own.close();
  });

  it('pinyin typed on the kiosk keyboard offers the catalog\'s words that read that way', () => {
    expect(pinyinCandidates(db, 'dianchi')[0]).toBe('电池');
    expect(pinyinCandidates(db, 'niunai')[0]).toBe('牛奶');
    expect(pinyinCandidates(db, 'niu')).toEqual(expect.arrayContaining(['牛奶', '牛肉']));
    expect(pinyinCandidates(db, "xi'fa").some((w) => w.startsWith('洗发'))).toBe(true);
    expect(pinyinCandidates(db, 'zzzz')).toEqual([]);
    expect(pinyinCandidates(db, '')).toEqual([]);
    expect(pinyinCandidates(db, 'a', 3)).toHaveLength(3);
  });

  it('the store map and a product page carry the Chinese names of aisles and landmarks', () => {
    const areas = new Map(storeMap(db).areas.map((a) => [a.id, a]));
    expect(areas.get('A13')).toMatchObject({ name: 'Electronics', name_zh: '电子产品' });
    expect(areas.get('restrooms')).toMatchObject({ name: 'Restrooms', name_zh: '洗手间' });
    const hit = top('电池', 1)[0]!;
    expect(productDetail(db, hit.id)).toMatchObject({ aisle: 'A13', aisle_name: 'Electronics', aisle_name_zh: '电子产品' });
  });

  it('English search is unchanged', () => {
    expect(categoryOf('almond milk')).toBe('Plant Milk');
    expect(categoryOf('batteries')).toBe('Batteries');
  });
});
