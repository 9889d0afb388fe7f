// Runs: dom (renderer). Inventory in the back office: the stock list (low and negative first when
// asked), a product's ledger with write-offs, a cycle count by aisle sized for a handheld, a
// delivery received by scanning or against an open order, and the suggested order with the reason
// for each line. Every action carries a client id, so a double tap or a retry moves stock once.
import { useState } from 'react';
import { call } from '../api.ts';
import { ADJUST_REASONS, type StockRowViewT, type SuggestedLineViewT } from '../../../common/api/inventory.ts';
import type { OpOutput } from '../../../common/api/index.ts';
import { STOCK_REASONS } from '../../../common/api/live.ts';
import { useT } from '../i18n/index.tsx';
import type { StaffPanelProps } from '../staff/panels.tsx';
import { NoteBar, errorText, useDateTime, useLoad, useReloadAfterSync, type Note } from './ui.tsx';
import './admin.css';

type Tab = 'stock' | 'count' | 'receive' | 'order';
type Filter = 'all' | 'low' | 'negative';
type Adjust = (typeof ADJUST_REASONS)[number];

function newId(): string {
  return globalThis.crypto?.randomUUID?.() ?? `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 12)}`;
}

function wholeOrNull(v: string): number | null {
  return /^-?\d+$/.test(v.trim()) ? Number(v.trim()) : null;
}

export function InventoryPanel(_: StaffPanelProps) {
  const t = useT();
  const [tab, setTab] = useState<Tab>('stock');
  const [note, setNote] = useState<Note>(null);
  const act = async <T,>(fn: () => Promise<T>, ok: (r: T) => string): Promise<T | null> => {
    try {
      const r = await fn();
      setNote({ kind: 'ok', text: ok(r) });
      return r;
    } catch (e) {
      setNote({ kind: 'err', text: errorText(e) });
      return null;
    }
  };
  const tabs: Tab[] = ['stock', 'count', 'receive', 'order'];
  return (
    <section className="adm inv" aria-labelledby="inv-title">
      <div className="adm__head">
        <div>
          <h2 className="adm__title" id="inv-title">{t('admin.panel.inventory')}</h2>
          <p className="adm__sub">{t('inv.subtitle')}</p>
        </div>
      </div>
      <div className="inv__tabs" role="tablist">
        {tabs.map((k) => (
          <button key={k} type="button" role="tab" aria-selected={tab === k} className={`btn btn--sm ${tab === k ? 'btn--solid' : 'btn--ghost'}`} onClick={() => { setTab(k); setNote(null); }} data-testid={`inv-tab-${k}`}>
            {t(`inv.tab.${k}`)}
          </button>
        ))}
      </div>
      <NoteBar note={note} />
      {tab === 'stock' && <StockTab act={act} />}
      {tab === 'count' && <CountTab act={act} />}
      {tab === 'receive' && <ReceiveTab act={act} />}
      {tab === 'order' && <OrderTab act={act} />}
    </section>
  );
}

type Act = <T>(fn: () => Promise<T>, ok: (r: T) => string) => Promise<T | null>;

function StockTab({ act }: { act: Act }) {
  const t = useT();
  const [filter, setFilter] = useState<Filter>('all');
  const [q, setQ] = useState('');
  const [open, setOpen] = useState<string | null>(null);
  const list = useLoad('inventory.list', { filter, q: q || undefined, limit: 300 }, [filter, q]);
  useReloadAfterSync(list.reload);
  const counts = list.data?.counts;
  return (
    <>
      <div className="adm-filters">
        {(['all', 'low', 'negative'] as const).map((f) => (
          <button key={f} type="button" className={`btn btn--sm ${filter === f ? 'btn--solid' : 'btn--ghost'}`} onClick={() => setFilter(f)} data-testid={`inv-filter-${f}`}>
            {t(`inv.filter.${f}`)}{f !== 'all' && counts ? ` (${counts[f]})` : ''}
          </button>
        ))}
        <label className="adm-field">{t('inv.search')}<input value={q} onChange={(e) => setQ(e.target.value)} placeholder={t('inv.search.placeholder')} data-testid="inv-search" /></label>
      </div>
      {list.error && <p className="adm-note adm-note--err" role="alert">{list.error}</p>}
      <div className="adm-table-wrap">
        <table className="adm-table" data-testid="inv-table">
          <thead>
            <tr>
              <th>{t('inv.col.product')}</th>
              <th>{t('inv.col.where')}</th>
              <th className="num">{t('inv.col.onHand')}</th>
              <th className="num">{t('inv.col.onOrder')}</th>
              <th className="num">{t('inv.col.reorderAt')}</th>
              <th className="num">{t('inv.col.perWeek')}</th>
            </tr>
          </thead>
          <tbody>
            {list.data?.rows.map((r) => (
              <StockLine key={r.sku} r={r} open={open === r.sku} onToggle={() => setOpen(open === r.sku ? null : r.sku)} act={act} onChanged={list.reload} />
            ))}
          </tbody>
        </table>
        {list.data && list.data.rows.length === 0 && <p className="adm-empty">{t('inv.empty')}</p>}
      </div>
    </>
  );
}

function StockLine({ r, open, onToggle, act, onChanged }: { r: StockRowViewT; open: boolean; onToggle: () => void; act: Act; onChanged: () => void }) {
  const t = useT();
  return (
    <>
      <tr data-testid={`inv-row-${r.sku}`} onClick={onToggle} style={{ cursor: 'pointer' }}>
        <td>
          <strong>{r.name}</strong> <span className="mono muted">{r.sku}</span>
          {r.flag === 'negative' && <span className="tag tag--bad"> {t('inv.flag.negative')}</span>}
          {r.flag === 'low' && <span className="tag tag--warn"> {t('inv.flag.low')}</span>}
        </td>
        <td className="nowrap muted">{[r.aisle, r.bay, r.shelf].filter(Boolean).join(' · ')}</td>
        <td className="num" data-testid={`inv-onhand-${r.sku}`}>{r.onHand}</td>
        <td className="num">{r.onOrder || ''}</td>
        <td className="num muted">{r.reorderPoint ?? '—'}</td>
        <td className="num muted">{r.weeklyDemand ?? '—'}</td>
      </tr>
      {open && (
        <tr>
          <td colSpan={6}><ProductLedger sku={r.sku} act={act} onChanged={onChanged} /></td>
        </tr>
      )}
    </>
  );
}

function ProductLedger({ sku, act, onChanged }: { sku: string; act: Act; onChanged: () => void }) {
  const t = useT();
  const fmt = useDateTime();
  const p = useLoad('inventory.product', { sku }, [sku]);
  const [form, setForm] = useState<{ qty: string; reason: Adjust; note: string }>({ qty: '-1', reason: 'damaged', note: '' });
  const submit = async () => {
    const qty = wholeOrNull(form.qty);
    if (qty === null || qty === 0) return void act(async () => { throw new Error(t('inv.adjust.qtyInvalid')); }, () => '');
    const r = await act(() => call('inventory.adjust', { id: newId(), sku, qty, reason: form.reason, note: form.note || undefined }), (x) => t('inv.adjust.done', { sku, onHand: x.onHand }));
    if (r) {
      p.reload();
      onChanged();
    }
  };
  return (
    <div className="adm__card inv__ledger" data-testid={`inv-ledger-${sku}`}>
      {p.data?.nextDelivery && <p className="adm__sub">{t('inv.nextDelivery', { qty: p.data.nextDelivery.qty, date: p.data.nextDelivery.expectedDate ?? '?', po: p.data.nextDelivery.poId })}</p>}
      <div className="adm-filters">
        <label className="adm-field">{t('inv.adjust.qty')}<input inputMode="numeric" value={form.qty} onChange={(e) => setForm({ ...form, qty: e.target.value })} data-testid="inv-adjust-qty" /></label>
        <label className="adm-field">
          {t('inv.adjust.reason')}
          <select value={form.reason} onChange={(e) => setForm({ ...form, reason: e.target.value as Adjust })} data-testid="inv-adjust-reason">
            {ADJUST_REASONS.map((r) => <option key={r} value={r}>{t(`inv.reason.${r}`)}</option>)}
          </select>
        </label>
        <label className="adm-field">{t('inv.adjust.note')}<input value={form.note} maxLength={160} onChange={(e) => setForm({ ...form, note: e.target.value })} /></label>
        <div className="adm__actions"><button type="button" className="btn btn--solid btn--sm" onClick={() => void submit()} data-testid="inv-adjust-save">{t('inv.adjust.save')}</button></div>
      </div>
      <table className="adm-table">
        <thead><tr><th>{t('inv.mv.when')}</th><th className="num">{t('inv.mv.delta')}</th><th>{t('inv.mv.reason')}</th><th>{t('inv.mv.note')}</th></tr></thead>
        <tbody>
          {p.data?.movements.map((m) => (
            <tr key={m.id}>
              <td className="muted nowrap">{fmt(m.at)}</td>
              <td className="num">{m.delta > 0 ? `+${m.delta}` : m.delta}</td>
              <td>{(STOCK_REASONS as readonly string[]).includes(m.reason) ? t(`inv.mv.${m.reason as (typeof STOCK_REASONS)[number]}`) : m.reason}</td>
              <td className="muted">{m.note ?? m.ref ?? ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function CountTab({ act }: { act: Act }) {
  const t = useT();
  const [aisle, setAisle] = useState('');
  const [countId, setCountId] = useState(newId);
  const [counted, setCounted] = useState<Record<string, string>>({});
  const [result, setResult] = useState<OpOutput<'inventory.count'> | null>(null);
  const list = useLoad('inventory.list', { aisle: aisle || undefined, limit: 500 }, [aisle]);
  const lines = Object.entries(counted).filter(([, v]) => v.trim() !== '');
  const post = async () => {
    const bad = lines.find(([, v]) => wholeOrNull(v) === null || Number(v) < 0);
    if (bad) return void act(async () => { throw new Error(t('inv.count.invalid', { sku: bad[0] })); }, () => '');
    const r = await act(() => call('inventory.count', { countId, lines: lines.map(([sku, v]) => ({ sku, counted: Number(v) })) }), (x) => t('inv.count.done', { posted: x.lines.filter((l) => l.status === 'posted').length, matched: x.lines.filter((l) => l.status === 'matched').length }));
    if (r) {
      setResult(r);
      setCounted({});
      setCountId(newId());
      list.reload();
    }
  };
  return (
    <>
      <div className="adm-filters">
        <label className="adm-field">{t('inv.count.aisle')}<input value={aisle} onChange={(e) => setAisle(e.target.value.toUpperCase())} placeholder="E1" data-testid="inv-count-aisle" /></label>
        <div className="adm__actions"><button type="button" className="btn btn--solid" disabled={lines.length === 0} onClick={() => void post()} data-testid="inv-count-post">{t('inv.count.post', { n: lines.length })}</button></div>
      </div>
      {result && (
        <div className="adm__card" data-testid="inv-count-result">
          {result.lines.filter((l) => l.status !== 'matched').map((l) => (
            <p key={l.sku} className="adm__sub">{l.sku}: {t(`inv.count.status.${l.status}`, { expected: l.expected, counted: l.counted, variance: l.variance > 0 ? `+${l.variance}` : String(l.variance) })}</p>
          ))}
        </div>
      )}
      <div className="adm-table-wrap inv__count">
        <table className="adm-table" data-testid="inv-count-table">
          <thead><tr><th>{t('inv.col.product')}</th><th>{t('inv.col.where')}</th><th className="num">{t('inv.count.counted')}</th></tr></thead>
          <tbody>
            {list.data?.rows.map((r) => (
              <tr key={r.sku}>
                <td><strong>{r.name}</strong> <span className="mono muted">{r.sku}</span></td>
                <td className="nowrap muted">{[r.aisle, r.bay, r.shelf].filter(Boolean).join(' · ')}</td>
                <td className="num">
                  <input className="adm-input inv__qty" inputMode="numeric" value={counted[r.sku] ?? ''} onChange={(e) => setCounted({ ...counted, [r.sku]: e.target.value.replace(/[^\d]/g, '') })} aria-label={t('inv.count.countedOf', { name: r.name })} data-testid={`inv-count-${r.sku}`} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

function ReceiveTab({ act }: { act: Act }) {
  const t = useT();
  const orders = useLoad('inventory.orders.list', {}, []);
  const [poId, setPoId] = useState<string>('');
  const [lines, setLines] = useState<Array<{ sku: string; qty: string }>>([]);
  const [scan, setScan] = useState('');
  const [receiptId, setReceiptId] = useState(newId);
  const pick = (id: string) => {
    setPoId(id);
    const o = orders.data?.orders.find((x) => x.id === id);
    setLines(o ? o.lines.filter((l) => l.qty > l.received).map((l) => ({ sku: l.sku, qty: String(l.qty - l.received) })) : []);
  };
  const addScan = () => {
    const sku = scan.trim();
    if (!sku) return;
    const i = lines.findIndex((l) => l.sku === sku);
    setLines(i >= 0 ? lines.map((l, k) => (k === i ? { ...l, qty: String((wholeOrNull(l.qty) ?? 0) + 1) } : l)) : [...lines, { sku, qty: '1' }]);
    setScan('');
  };
  const receive = async () => {
    const bad = lines.find((l) => !((wholeOrNull(l.qty) ?? 0) > 0));
    if (bad) return void act(async () => { throw new Error(t('inv.receive.invalid', { sku: bad.sku })); }, () => '');
    const r = await act(() => call('inventory.receive', { receiptId, poId: poId || null, lines: lines.map((l) => ({ sku: l.sku, qty: Number(l.qty) })) }), (x) => t('inv.receive.done', { n: x.lines.reduce((s, l) => s + l.qty, 0), status: x.order ? t(`inv.po.${x.order.status}`) : '' }));
    if (r) {
      setLines([]);
      setPoId('');
      setReceiptId(newId());
      orders.reload();
    }
  };
  return (
    <>
      <div className="adm-filters">
        <label className="adm-field">
          {t('inv.receive.order')}
          <select value={poId} onChange={(e) => pick(e.target.value)} data-testid="inv-receive-po">
            <option value="">{t('inv.receive.noOrder')}</option>
            {orders.data?.orders.map((o) => <option key={o.id} value={o.id}>{o.id} · {o.supplier}{o.expectedDate ? ` · ${o.expectedDate}` : ''}</option>)}
          </select>
        </label>
        <label className="adm-field">{t('inv.receive.scan')}<input value={scan} onChange={(e) => setScan(e.target.value)} onKeyDown={(e) => e.key === 'Enter' && addScan()} placeholder={t('inv.receive.scanPlaceholder')} data-testid="inv-receive-scan" /></label>
        <div className="adm__actions"><button type="button" className="btn btn--solid" disabled={lines.length === 0} onClick={() => void receive()} data-testid="inv-receive-post">{t('inv.receive.post')}</button></div>
      </div>
      <table className="adm-table" data-testid="inv-receive-lines">
        <thead><tr><th>{t('inv.col.sku')}</th><th className="num">{t('inv.col.qty')}</th><th /></tr></thead>
        <tbody>
          {lines.map((l, i) => (
            <tr key={l.sku}>
              <td className="mono">{l.sku}</td>
              <td className="num"><input className="adm-input inv__qty" inputMode="numeric" value={l.qty} onChange={(e) => setLines(lines.map((x, k) => (k === i ? { ...x, qty: e.target.value.replace(/[^\d]/g, '') } : x)))} aria-label={t('inv.col.qty')} data-testid={`inv-receive-qty-${l.sku}`} /></td>
              <td className="num"><button type="button" className="btn btn--ghost btn--sm" onClick={() => setLines(lines.filter((_, k) => k !== i))}>{t('inv.remove')}</button></td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

function OrderTab({ act }: { act: Act }) {
  const t = useT();
  const fmt = useDateTime();
  const suggested = useLoad('inventory.suggested', {}, []);
  const orders = useLoad('inventory.orders.list', {}, []);
  const [qty, setQty] = useState<Record<string, string>>({});
  const [supplier, setSupplier] = useState('');
  const [expected, setExpected] = useState(() => new Date(Date.now() + 3 * 86_400_000).toISOString().slice(0, 10));
  const lineQty = (l: SuggestedLineViewT) => wholeOrNull(qty[l.sku] ?? String(l.qty)) ?? 0;
  const place = async () => {
    const lines = (suggested.data?.lines ?? []).filter((l) => lineQty(l) > 0).map((l) => ({ sku: l.sku, qty: lineQty(l), reason: l.reason }));
    const r = await act(() => call('inventory.orders.create', { supplier: supplier || t('inv.order.defaultSupplier'), expectedDate: expected || null, lines }), (o) => t('inv.order.placed', { id: o.id, units: o.lines.reduce((n, l) => n + l.qty, 0) }));
    if (r) {
      setQty({});
      orders.reload();
      suggested.reload();
    }
  };
  const forecast = async () => {
    const r = await act(() => call('inventory.forecast.run', {}), (x) => t('inv.order.forecasted', { n: x.products, s: (x.ms / 1000).toFixed(1) }));
    if (r) suggested.reload();
  };
  return (
    <>
      <div className="adm-filters">
        <label className="adm-field">{t('inv.order.supplier')}<input value={supplier} onChange={(e) => setSupplier(e.target.value)} placeholder={t('inv.order.defaultSupplier')} data-testid="inv-order-supplier" /></label>
        <label className="adm-field">{t('inv.order.expected')}<input type="date" value={expected} onChange={(e) => setExpected(e.target.value)} data-testid="inv-order-expected" /></label>
        <div className="adm__actions">
          <button type="button" className="btn btn--ghost" onClick={() => void forecast()} data-testid="inv-forecast-run">{t('inv.order.forecastNow')}</button>
          <button type="button" className="btn btn--solid" disabled={!suggested.data?.lines.length} onClick={() => void place()} data-testid="inv-order-place">{t('inv.order.place')}</button>
        </div>
      </div>
      <p className="adm__sub">{suggested.data?.forecastsMadeAt ? t('inv.order.madeAt', { when: fmt(suggested.data.forecastsMadeAt) }) : t('inv.order.noForecast')}</p>
      {suggested.error && <p className="adm-note adm-note--err" role="alert">{suggested.error}</p>}
      <div className="adm-table-wrap">
        <table className="adm-table" data-testid="inv-suggested">
          <thead><tr><th>{t('inv.col.product')}</th><th>{t('inv.order.why')}</th><th className="num">{t('inv.col.qty')}</th></tr></thead>
          <tbody>
            {suggested.data?.lines.map((l) => (
              <tr key={l.sku} data-testid={`inv-suggested-${l.sku}`}>
                <td><strong>{l.name}</strong> <span className="mono muted">{l.sku}</span></td>
                <td className="muted">{l.reason}</td>
                <td className="num"><input className="adm-input inv__qty" inputMode="numeric" value={qty[l.sku] ?? String(l.qty)} onChange={(e) => setQty({ ...qty, [l.sku]: e.target.value.replace(/[^\d]/g, '') })} aria-label={t('inv.col.qty')} /></td>
              </tr>
            ))}
          </tbody>
        </table>
        {suggested.data && suggested.data.lines.length === 0 && <p className="adm-empty">{t('inv.order.nothing')}</p>}
      </div>
      <PoliciesCard act={act} onSaved={suggested.reload} />
      <h3>{t('inv.order.open')}</h3>
      <table className="adm-table" data-testid="inv-orders">
        <thead><tr><th>{t('inv.order.id')}</th><th>{t('inv.order.supplier')}</th><th>{t('inv.order.expected')}</th><th>{t('inv.order.status')}</th><th className="num">{t('inv.order.lines')}</th><th /></tr></thead>
        <tbody>
          {orders.data?.orders.map((o) => (
            <tr key={o.id}>
              <td className="mono">{o.id}</td>
              <td>{o.supplier}</td>
              <td className="nowrap">{o.expectedDate ?? '—'}</td>
              <td>{t(`inv.po.${o.status}`)}</td>
              <td className="num">{o.lines.length}</td>
              <td className="num"><button type="button" className="btn btn--danger btn--sm" onClick={() => window.confirm(t('inv.order.confirmCancel', { id: o.id })) && void act(() => call('inventory.orders.cancel', { id: o.id }), () => t('inv.order.cancelled', { id: o.id })).then(() => orders.reload())}>{t('inv.order.cancel')}</button></td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

/** Ordering rules per department: how sure not to run out, how long a delivery takes, how often an order goes out. */
function PoliciesCard({ act, onSaved }: { act: Act; onSaved: () => void }) {
  const t = useT();
  const list = useLoad('inventory.policies.list', {}, []);
  const [edit, setEdit] = useState<Record<string, { sl: string; lead: string; review: string }>>({});
  const save = async (department: string) => {
    const e = edit[department]!;
    const r = await act(() => call('inventory.policies.save', { department, serviceLevel: Number(e.sl) / 100, leadDays: Number(e.lead), reviewDays: Number(e.review) }), () => t('inv.rules.saved', { department: department === '*' ? t('inv.rules.default') : department }));
    if (r) {
      setEdit(({ [department]: _, ...rest }) => rest);
      list.reload();
      onSaved();
    }
  };
  return (
    <details className="adm__card" data-testid="inv-rules">
      <summary><strong>{t('inv.rules.title')}</strong> <span className="adm__sub">{t('inv.rules.sub')}</span></summary>
      <table className="adm-table">
        <thead><tr><th>{t('inv.rules.department')}</th><th className="num">{t('inv.rules.service')}</th><th className="num">{t('inv.rules.lead')}</th><th className="num">{t('inv.rules.review')}</th><th /></tr></thead>
        <tbody>
          {list.data?.policies.map((p) => {
            const e = edit[p.department] ?? { sl: String(Math.round(p.serviceLevel * 1000) / 10), lead: String(p.leadDays), review: String(p.reviewDays) };
            const set = (patch: Partial<typeof e>) => setEdit({ ...edit, [p.department]: { ...e, ...patch } });
            return (
              <tr key={p.department} className={p.inherited && !edit[p.department] ? 'muted' : ''}>
                <td>{p.department === '*' ? <strong>{t('inv.rules.default')}</strong> : p.department}</td>
                <td className="num"><input className="adm-input inv__qty" inputMode="decimal" value={e.sl} onChange={(x) => set({ sl: x.target.value })} aria-label={t('inv.rules.service')} /></td>
                <td className="num"><input className="adm-input inv__qty" inputMode="numeric" value={e.lead} onChange={(x) => set({ lead: x.target.value })} aria-label={t('inv.rules.lead')} /></td>
                <td className="num"><input className="adm-input inv__qty" inputMode="numeric" value={e.review} onChange={(x) => set({ review: x.target.value })} aria-label={t('inv.rules.review')} /></td>
                <td className="num">{edit[p.department] && <button type="button" className="btn btn--solid btn--sm" onClick={() => void save(p.department)}>{t('admin.common.save')}</button>}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </details>
  );
}
