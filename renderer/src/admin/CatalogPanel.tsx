// Runs: dom (renderer). The catalogue in the back office: products with search and filters, an
// edit form (name, brand, prices, barcodes, aisle / bay / shelf), stock moved through the ledger
// with a reason, add, retire / restore, and a CSV import with its rejected-row report. The core
// audits every change and shares it with the store's other terminals.
import { useState } from 'react';
import { call } from '../api.ts';
import { ADJUST_REASONS } from '../../../common/api/inventory.ts';
import { MAX_IMPORT_CSV_CHARS, type AdminProductT } from '../../../common/api/catalog-admin.ts';
import type { OpOutput } from '../../../common/api/index.ts';
import { useT } from '../i18n/index.tsx';
import { money, parseMoney } from '../pos/money.ts';
import type { StaffPanelProps } from '../staff/panels.tsx';
import { NoteBar, errorText, useLoad, useReloadAfterSync, type Note } from './ui.tsx';
import './admin.css';

const PAGE = 50;
type Status = 'active' | 'retired' | 'all';
type StockFilter = 'any' | 'low' | 'out';
type Adjust = (typeof ADJUST_REASONS)[number];
type Act = <T>(fn: () => Promise<T>, ok: (r: T) => string) => Promise<T | null>;

interface Form {
  sku: string;
  name: string;
  brand: string;
  department: string;
  price: string;
  promo: string;
  barcodes: string;
  aisle: string;
  bay: string;
  shelf: string;
}

const EMPTY: Form = { sku: '', name: '', brand: '', department: '', price: '', promo: '', barcodes: '', aisle: '', bay: '', shelf: '' };
const dollars = (c: number) => (c / 100).toFixed(2);

function formOf(p: AdminProductT): Form {
  return {
    sku: p.sku, name: p.name, brand: p.brand, department: p.department, price: dollars(p.price_cents),
    promo: p.promo_price_cents === null ? '' : dollars(p.promo_price_cents), barcodes: p.barcodes.join(', '), aisle: p.aisle, bay: p.bay, shelf: p.shelf,
  };
}

function newId(): string {
  return globalThis.crypto?.randomUUID?.() ?? `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 12)}`;
}

export function CatalogPanel(_: StaffPanelProps) {
  const t = useT();
  const [note, setNote] = useState<Note>(null);
  const [q, setQ] = useState('');
  const [department, setDepartment] = useState('');
  const [status, setStatus] = useState<Status>('active');
  const [stock, setStock] = useState<StockFilter>('any');
  const [offset, setOffset] = useState(0);
  const [open, setOpen] = useState<string | 'new' | null>(null);
  const list = useLoad('catalog.admin.list', { q: q || undefined, department: department || undefined, status, stock, offset, limit: PAGE }, [q, department, status, stock, offset]);
  useReloadAfterSync(list.reload);
  const act: Act = async (fn, ok) => {
    try {
      const r = await fn();
      setNote({ kind: 'ok', text: ok(r) });
      return r;
    } catch (e) {
      setNote({ kind: 'err', text: errorText(e) });
      return null;
    }
  };
  const filter = <T,>(set: (v: T) => void) => (v: T) => {
    set(v);
    setOffset(0);
  };
  const total = list.data?.total ?? 0;
  return (
    <section className="adm cat" aria-labelledby="cat-title">
      <div className="adm__head">
        <div>
          <h2 className="adm__title" id="cat-title">{t('admin.panel.catalog')}</h2>
          <p className="adm__sub">{t('cat.subtitle')}</p>
        </div>
        <div className="adm__actions">
          <button type="button" className="btn btn--solid" onClick={() => { setOpen('new'); setNote(null); }} data-testid="catalog-add">{t('cat.add')}</button>
        </div>
      </div>
      <NoteBar note={note} />
      <div className="adm-filters">
        <label className="adm-field">{t('cat.search')}<input type="search" value={q} onChange={(e) => filter(setQ)(e.target.value)} placeholder={t('cat.search.placeholder')} data-testid="catalog-search" /></label>
        <label className="adm-field">
          {t('cat.filter.department')}
          <select value={department} onChange={(e) => filter(setDepartment)(e.target.value)} data-testid="catalog-filter-department">
            <option value="">{t('cat.filter.allDepartments')}</option>
            {list.data?.departments.map((d) => <option key={d} value={d}>{d}</option>)}
          </select>
        </label>
        <label className="adm-field">
          {t('cat.filter.status')}
          <select value={status} onChange={(e) => filter(setStatus)(e.target.value as Status)} data-testid="catalog-filter-status">
            {(['active', 'retired', 'all'] as const).map((s) => <option key={s} value={s}>{t(`cat.status.${s}`)}</option>)}
          </select>
        </label>
        <label className="adm-field">
          {t('cat.filter.stock')}
          <select value={stock} onChange={(e) => filter(setStock)(e.target.value as StockFilter)} data-testid="catalog-filter-stock">
            {(['any', 'low', 'out'] as const).map((s) => <option key={s} value={s}>{t(`cat.stock.${s}`)}</option>)}
          </select>
        </label>
      </div>
      {open === 'new' && <ProductEditor id={null} act={act} onDone={(id) => { setOpen(id); list.reload(); }} onClose={() => setOpen(null)} />}
      {list.error && <p className="adm-note adm-note--err" role="alert">{list.error}</p>}
      <div className="adm-table-wrap">
        <table className="adm-table" data-testid="catalog-table">
          <thead>
            <tr>
              <th>{t('cat.col.product')}</th>
              <th>{t('cat.col.department')}</th>
              <th>{t('cat.col.where')}</th>
              <th className="num">{t('cat.col.price')}</th>
              <th className="num">{t('cat.col.onHand')}</th>
            </tr>
          </thead>
          <tbody>
            {list.data?.rows.map((r) => (
              <CatalogLine key={r.id} r={r} open={open === r.id} onToggle={() => setOpen(open === r.id ? null : r.id)} act={act} onChanged={list.reload} />
            ))}
          </tbody>
        </table>
        {list.data && list.data.rows.length === 0 && <p className="adm-empty">{t('cat.empty')}</p>}
      </div>
      {total > PAGE && (
        <div className="adm__actions">
          <button type="button" className="btn btn--ghost btn--sm" disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - PAGE))} data-testid="catalog-prev">{t('cat.prev')}</button>
          <span className="muted">{t('cat.range', { from: offset + 1, to: Math.min(total, offset + PAGE), total })}</span>
          <button type="button" className="btn btn--ghost btn--sm" disabled={offset + PAGE >= total} onClick={() => setOffset(offset + PAGE)} data-testid="catalog-next">{t('cat.next')}</button>
        </div>
      )}
      <ImportCard act={act} onImported={list.reload} />
    </section>
  );
}

function CatalogLine({ r, open, onToggle, act, onChanged }: { r: OpOutput<'catalog.admin.list'>['rows'][number]; open: boolean; onToggle: () => void; act: Act; onChanged: () => void }) {
  const t = useT();
  return (
    <>
      <tr data-testid="catalog-row" data-id={r.id} onClick={onToggle} style={{ cursor: 'pointer' }} className={r.active ? '' : 'muted'}>
        <td>
          <strong>{r.name}</strong> <span className="mono muted">{r.sku}</span>
          {r.brand && <span className="muted"> · {r.brand}</span>}
          {!r.active && <span className="tag tag--warn"> {t('cat.retired')}</span>}
        </td>
        <td>{r.department}</td>
        <td className="nowrap muted" data-testid="catalog-row-where">{[r.aisle, r.bay, r.shelf].filter(Boolean).join(' · ')}</td>
        <td className="num" data-testid="catalog-row-price">
          {r.promo_price_cents !== null ? <><s className="muted">{money(r.price_cents)}</s> {money(r.promo_price_cents)}</> : money(r.price_cents)}
        </td>
        <td className="num">{r.onHand}</td>
      </tr>
      {open && (
        <tr>
          <td colSpan={5}><ProductEditor id={r.id} act={act} onDone={onChanged} onClose={onToggle} /></td>
        </tr>
      )}
    </>
  );
}

/** Edits one product (id) or adds one (id null). */
function ProductEditor({ id, act, onDone, onClose }: { id: string | null; act: Act; onDone: (id: string) => void; onClose: () => void }) {
  return id ? <LoadedEditor id={id} act={act} onDone={onDone} onClose={onClose} /> : <EditorForm product={null} act={act} onDone={onDone} onClose={onClose} reload={() => {}} setProduct={() => {}} />;
}

function LoadedEditor({ id, act, onDone, onClose }: { id: string; act: Act; onDone: (id: string) => void; onClose: () => void }) {
  const t = useT();
  const loaded = useLoad('catalog.admin.get', { id }, [id]);
  if (loaded.error) return <p className="adm-note adm-note--err" role="alert">{loaded.error}</p>;
  if (!loaded.data) return <p className="muted">{t('cat.loading')}</p>;
  return <EditorForm key={loaded.data.updatedAt} product={loaded.data} act={act} onDone={onDone} onClose={onClose} reload={loaded.reload} setProduct={loaded.setData} />;
}

function EditorForm({ product, act, onDone, onClose, reload, setProduct }: { product: AdminProductT | null; act: Act; onDone: (id: string) => void; onClose: () => void; reload: () => void; setProduct: (p: AdminProductT) => void }) {
  const t = useT();
  const id = product?.id ?? null;
  const [f, setForm] = useState<Form>(product ? formOf(product) : EMPTY);
  const set = (patch: Partial<Form>) => setForm({ ...f, ...patch });
  const save = async () => {
    const price = parseMoney(f.price);
    const promo = f.promo.trim() === '' ? null : parseMoney(f.promo);
    if (price === null || (f.promo.trim() !== '' && promo === null)) return void act(async () => { throw new Error(t('cat.priceInvalid')); }, () => '');
    const fields = {
      name: f.name, brand: f.brand, department: f.department, price_cents: price, promo_price_cents: promo,
      barcodes: f.barcodes.split(/[,;\n]/).map((s) => s.trim()).filter(Boolean), aisle: f.aisle, bay: f.bay, shelf: f.shelf,
    };
    const r = id
      ? await act(() => call('catalog.admin.save', { id, ...fields }), (p) => t('cat.saved', { name: p.name }))
      : await act(() => call('catalog.admin.add', { sku: f.sku, ...fields }), (p) => t('cat.added', { name: p.name }));
    if (r) {
      if (id) setProduct(r);
      onDone(r.id);
    }
  };
  const retire = async () => {
    if (!product) return;
    const active = !product.active;
    if (!active && !window.confirm(t('cat.confirmRetire', { name: product.name }))) return;
    const r = await act(() => call('catalog.admin.setActive', { id: product.id, active }), (p) => t(p.active ? 'cat.restored' : 'cat.retiredDone', { name: p.name }));
    if (r) {
      setProduct(r);
      onDone(r.id);
    }
  };
  const field = (k: keyof Form, label: string, extra: { inputMode?: 'decimal'; maxLength?: number; placeholder?: string } = {}) => (
    <label className="adm-field">{label}<input value={f[k]} onChange={(e) => set({ [k]: e.target.value })} data-testid={`catalog-edit-${k}`} {...extra} /></label>
  );
  return (
    <div className="adm__card" data-testid="catalog-editor">
      <div className="adm-filters">
        {!id && field('sku', t('cat.field.sku'), { maxLength: 64 })}
        {field('name', t('cat.field.name'), { maxLength: 300 })}
        {field('brand', t('cat.field.brand'), { maxLength: 200 })}
        {field('department', t('cat.field.department'), { maxLength: 100 })}
        {field('price', t('cat.field.price'), { inputMode: 'decimal', placeholder: '3.49' })}
        {field('promo', t('cat.field.promo'), { inputMode: 'decimal', placeholder: t('cat.field.promoNone') })}
        {field('barcodes', t('cat.field.barcodes'), { placeholder: '0012345678905' })}
        {field('aisle', t('cat.field.aisle'), { maxLength: 20 })}
        {field('bay', t('cat.field.bay'), { maxLength: 20 })}
        {field('shelf', t('cat.field.shelf'), { maxLength: 20 })}
      </div>
      <div className="adm__actions">
        <button type="button" className="btn btn--solid" onClick={() => void save()} data-testid="catalog-save">{id ? t('admin.common.save') : t('cat.add')}</button>
        {product && (
          <button type="button" className={`btn ${product.active ? 'btn--danger' : 'btn--ghost'}`} onClick={() => void retire()} data-testid="catalog-retire">
            {product.active ? t('cat.retire') : t('cat.restore')}
          </button>
        )}
        <button type="button" className="btn btn--ghost" onClick={onClose}>{t('admin.common.cancel')}</button>
      </div>
      {product && <StockAdjust sku={product.sku} onHand={product.onHand} act={act} onAdjusted={() => { reload(); onDone(product.id); }} />}
    </div>
  );
}

/** Stock moves only through the ledger: an adjustment with a reason (inventory.adjust). */
function StockAdjust({ sku, onHand, act, onAdjusted }: { sku: string; onHand: number; act: Act; onAdjusted: () => void }) {
  const t = useT();
  const [qty, setQty] = useState('');
  const [reason, setReason] = useState<Adjust>('correction');
  const [note, setNote] = useState('');
  const submit = async () => {
    const n = /^-?\d+$/.test(qty.trim()) ? Number(qty.trim()) : 0;
    if (!n) return void act(async () => { throw new Error(t('inv.adjust.qtyInvalid')); }, () => '');
    const r = await act(() => call('inventory.adjust', { id: newId(), sku, qty: n, reason, note: note || undefined }), (x) => t('inv.adjust.done', { sku, onHand: x.onHand }));
    if (r) {
      setQty('');
      setNote('');
      onAdjusted();
    }
  };
  return (
    <div className="adm-filters" data-testid="catalog-stock">
      <p className="adm__sub">{t('cat.stock.onHand', { n: onHand })}</p>
      <label className="adm-field">{t('inv.adjust.qty')}<input inputMode="numeric" value={qty} placeholder="-2" onChange={(e) => setQty(e.target.value)} data-testid="catalog-stock-qty" /></label>
      <label className="adm-field">
        {t('inv.adjust.reason')}
        <select value={reason} onChange={(e) => setReason(e.target.value as Adjust)} data-testid="catalog-stock-reason">
          {ADJUST_REASONS.map((r) => <option key={r} value={r}>{t(`inv.reason.${r}`)}</option>)}
        </select>
      </label>
      <label className="adm-field">{t('inv.adjust.note')}<input value={note} maxLength={160} onChange={(e) => setNote(e.target.value)} data-testid="catalog-stock-note" /></label>
      <div className="adm__actions"><button type="button" className="btn btn--solid btn--sm" onClick={() => void submit()} data-testid="catalog-stock-save">{t('inv.adjust.save')}</button></div>
    </div>
  );
}

function ImportCard({ act, onImported }: { act: Act; onImported: () => void }) {
  const t = useT();
  const [csv, setCsv] = useState('');
  const [map, setMap] = useState('');
  const [report, setReport] = useState<OpOutput<'catalog.admin.import'> | null>(null);
  const load = (file: File | undefined) => {
    if (file) void file.text().then(setCsv);
  };
  const run = async () => {
    if (csv.length > MAX_IMPORT_CSV_CHARS || new TextEncoder().encode(csv).length > 1_000_000) return void act(async () => { throw new Error(t('cat.import.tooBig')); }, () => '');
    const r = await act(() => call('catalog.admin.import', { csv, map: map.trim() || undefined }), (x) => t('cat.import.done', { inserted: x.inserted, updated: x.updated, rejected: x.rejected.length }));
    setReport(r);
    if (r) onImported();
  };
  return (
    <details className="adm__card" data-testid="catalog-import-card">
      <summary><strong>{t('cat.import.title')}</strong> <span className="adm__sub">{t('cat.import.sub')}</span></summary>
      <label className="adm-field">{t('cat.import.file')}<input type="file" accept=".csv,text/csv" onChange={(e) => load(e.target.files?.[0])} data-testid="catalog-import-file" /></label>
      <label className="adm-field">{t('cat.import.csv')}<textarea value={csv} onChange={(e) => setCsv(e.target.value)} placeholder="id,name,department,price,barcode" data-testid="catalog-import-csv" /></label>
      <label className="adm-field">{t('cat.import.map')}<input value={map} onChange={(e) => setMap(e.target.value)} placeholder="name=Product,price=Price" data-testid="catalog-import-map" /></label>
      <div className="adm__actions"><button type="button" className="btn btn--solid" disabled={!csv.trim()} onClick={() => void run()} data-testid="catalog-import">{t('cat.import.run')}</button></div>
      {report && (
        <div data-testid="catalog-import-report">
          <p className="adm__sub">{t('cat.import.done', { inserted: report.inserted, updated: report.updated, rejected: report.rejected.length })}</p>
          {report.rejected.length > 0 && (
            <table className="adm-table">
              <thead><tr><th className="num">{t('cat.import.line')}</th><th>{t('cat.import.reason')}</th></tr></thead>
              <tbody>
                {report.rejected.map((r) => <tr key={r.line} data-testid="catalog-import-rejected"><td className="num">{r.line}</td><td>{r.reason}</td></tr>)}
              </tbody>
            </table>
          )}
        </div>
      )}
    </details>
  );
}
