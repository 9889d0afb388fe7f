// `storemind printer listen` and `storemind receipt print` as a store engineer runs them: a real
// loopback printer process on 127.0.0.1, a sale recorded through the core, a numbered copy printed
// on it (and decoded there); a printer that is not there leaves the copy queued, with exit 1.
import { spawn, spawnSync } from 'node:child_process';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createCore } from '../../../electron/core/core.ts';
import { makeEan13 } from '../../../electron/core/catalog/barcode.ts';
import { tempDir } from '../../helpers/tmp.ts';
import { until } from '../../helpers/until.ts';

const BIN = path.resolve(import.meta.dirname, '../../../bin/storemind.mjs');
const data = path.join(tempDir('storemind-receipt-cli-'), 'till');
const listener = spawn(process.execPath, [BIN, 'printer', 'listen', '--port', '0', '--json'], { stdio: ['ignore', 'pipe', 'pipe'] });
let out = '';
listener.stdout!.on('data', (d: Buffer) => (out += String(d)));
afterAll(() => {
  listener.kill('SIGTERM');
});


async function aSale(): Promise<{ id: string; receiptNo: string }> {
  const core = createCore({ dataDir: data, loadModels: false });
  try {
    const signIn = (await core.dispatch('auth.signIn', { pin: '1111', surface: 'pos' }, null)) as { data: { token: string } };
    const p = core.db.prepare('SELECT sku, price_cents FROM products WHERE promo_price_cents IS NULL ORDER BY sku LIMIT 1').get() as { sku: string; price_cents: number };
    const r = (await core.dispatch('pos.submit', { type: 'sale', lines: [{ sku: p.sku, qty: 1, unitCents: p.price_cents, overrideCents: null, discountCents: 0 }], tender: { method: 'card', fingerprint: 'pt_cli0123456789', last4: '4242', entryMode: 'tap' } }, signIn.data.token)) as { ok: boolean; data: { id: string; receiptNo: string } };
    expect(r.ok).toBe(true);
    return r.data;
  } finally {
    core.close();
  }
}

describe('storemind receipt print', () => {
  it('prints a numbered copy on a loopback printer; an absent printer leaves it queued (exit 1)', async () => {
    const url = await until("the loopback printer's address", () => /"url":"(tcp:\/\/127\.0\.0\.1:\d+)"/.exec(out)?.[1]);
    const sale = await aSale();
    const r = spawnSync(process.execPath, [BIN, 'receipt', 'print', '--txn', sale.id, '--printer', url, '--json', '--data-dir', data], { encoding: 'utf8', timeout: 60_000 });
    expect(r.status, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ printed: true, job: { kind: 'receipt', copy: 1, status: 'done' } });
    const job = await until('the printed copy at the loopback printer', () => out.split('\n').filter((l) => l.includes('"job"')).map((l) => JSON.parse(l) as { text: string; qr: string[] })[0]);
    expect(job.qr).toEqual([sale.receiptNo]);
    expect(job.text).toContain('COPY 1');
    expect(job.text).toContain('**** 4242');

    const gone = spawnSync(process.execPath, [BIN, 'receipt', 'print', '--receipt', sale.receiptNo, '--printer', 'tcp://127.0.0.1:9', '--json', '--data-dir', data], { encoding: 'utf8', timeout: 60_000 });
    expect(gone.status).toBe(1);
    expect(JSON.parse(gone.stdout)).toMatchObject({ printed: false, job: { copy: 2, status: 'queued' }, error: expect.stringMatching(/refused|unreachable|off/) });
    const bad = spawnSync(process.execPath, [BIN, 'receipt', 'print', '--txn', sale.id, '--printer', 'http://x', '--data-dir', data], { encoding: 'utf8', timeout: 60_000 });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/--printer must be tcp:\/\/HOST:PORT/);
  });

  it('pos scan says what a code rings up, and refuses a wrong check digit or an unknown product clearly', async () => {
    await aSale(); // the data folder exists and is seeded
    const core = createCore({ dataDir: data, loadModels: false });
    const code = core.db.prepare('SELECT b.code FROM barcodes b JOIN products p ON p.id = b.product_id WHERE p.active = 1 AND length(b.code) = 13 ORDER BY b.code LIMIT 1').pluck().get() as string;
    core.close();
    const scan = (c: string) => spawnSync(process.execPath, [BIN, 'pos', 'scan', c, '--json', '--data-dir', data], { encoding: 'utf8', timeout: 60_000 });
    const ok = scan(code);
    expect(ok.status, ok.stderr).toBe(0);
    expect(JSON.parse(ok.stdout)).toMatchObject({ kind: 'gtin', qty: 1, weightGrams: null, product: { sku: expect.any(String) } });
    const wrong = scan(code.slice(0, 12) + String((Number(code[12]) + 1) % 10));
    expect(wrong.status).toBe(2);
    expect(wrong.stderr).toMatch(/check digit/);
    const unknown = scan(makeEan13('200000101234')); // a weight label for item 00001, which the demo store lacks
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toMatch(/No product has barcode/);
  });
});
