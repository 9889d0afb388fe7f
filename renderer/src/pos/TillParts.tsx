// Runs: dom (renderer). Pieces the sale and returns screens share: the scan bar, the cart table,
// the tender picker, the manager-approval dialog (the POS alert when a rule asks for a manager),
// the decision banner and the printable receipt.
import { useEffect, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import { call, errorText, subscribe } from '../api.ts';
import type { OpOutput } from '../../../common/api/index.ts';
import { useT } from '../i18n/index.tsx';
import { useAppData } from '../lib/AppContext.tsx';
import { PinPad } from '../staff/PinPad.tsx';
import { takeBackScannedText, useBarcodeScanner } from '../components/ProductSearchScanner.ts';
import { addSerialScanner, serialScannersAvailable, useSerialScanners } from '../components/SerialScanner.ts';
import { useHidScanners } from '../components/HidScanner.ts';
import { cartTotal, demoCardToken, lineTotal, money, parseMoney, type CartItem } from './money.ts';
import { reasonText } from './reasons.ts';
import './pos.css';

export type Txn = OpOutput<'pos.submit'>;
type Hit = OpOutput<'pos.lookup'>['results'][number];
type Scan = OpOutput<'pos.scan'>;

/** Looks like something a scanner reads (GTIN, scale label, GS1 element string), not a SKU or words. */
export function looksScanned(text: string): boolean {
  return /^\d{8,14}$/.test(text) || /^\(\d{2}/.test(text) || /^\][A-Za-z]\d/.test(text) || /^01\d{14}/.test(text);
}

/**
 * A scanner types the code fast and ends it with Enter; people type words. Both land here: a
 * keyboard-wedge scan is told apart by its timing (useBarcodeScanner) wherever the focus is, and
 * resolved by pos.scan (scale labels, GS1 expiry); typed text goes to pos.lookup.
 */
export function ScanBar({ onAdd, onScan, focusKey }: { onAdd: (hit: Hit) => void; onScan?: (s: Scan) => void; focusKey?: unknown }) {
  const t = useT();
  const input = useRef<HTMLInputElement>(null);
  // Back to the scan box after every sale, dialog and tender, so the next typed code lands somewhere.
  useEffect(() => {
    input.current?.focus();
  }, [focusKey]);
  const [q, setQ] = useState('');
  const [hits, setHits] = useState<Hit[]>([]);
  const [error, setError] = useState('');
  const [warnings, setWarnings] = useState<string[]>([]);
  /** A scan; typed digits that are no barcode (a numeric SKU) are looked up instead. */
  const scan = async (code: string, typed = false) => {
    setError('');
    setWarnings([]);
    setHits([]);
    setQ('');
    try {
      const r = await call('pos.scan', { code });
      setWarnings(r.warnings);
      if (onScan) onScan(r);
      else onAdd({ ...r.product, priceCents: r.priceCents });
    } catch (err) {
      const message = errorText(err);
      const found = typed ? await call('pos.lookup', { q: code }).catch(() => null) : null;
      if (found && found.mode !== 'text' && found.results[0]) onAdd(found.results[0]);
      else setError(message);
    }
  };
  useBarcodeScanner((code) => {
    takeBackScannedText(code);
    void scan(code);
  });
  // Serial and USB-CDC scanners (not keyboards): every port the main process granted, read while the till is open.
  const [ports, setPorts] = useState(0);
  useSerialScanners((code) => void scan(code), true, ports);
  // HID-POS scanners (usage page 0x8C) granted by the main process: each report is one scan.
  useHidScanners((code) => void scan(code));
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const text = q.trim();
    if (!text) return;
    if (looksScanned(text)) return scan(text, true);
    setError('');
    setWarnings([]);
    try {
      const r = await call('pos.lookup', { q: text });
      if (r.results.length === 0) setError(t('pos.scan.none', { q: text }));
      else if (r.mode !== 'text' || r.results.length === 1) {
        onAdd(r.results[0]!);
        setHits([]);
        setQ('');
        return;
      }
      setHits(r.results);
    } catch (err) {
      setError(errorText(err));
    }
  };
  return (
    <div className="till">
      <form className="till__row" onSubmit={(e) => void submit(e)}>
        <input ref={input} className="till__scan" value={q} onChange={(e) => setQ(e.target.value)} placeholder={t('pos.scan.placeholder')} aria-label={t('pos.scan.label')} data-testid="pos-scan" autoFocus />
        <button type="submit" className="btn btn--primary">{t('pos.scan.add')}</button>
        {serialScannersAvailable() && (
          <button type="button" className="btn btn--light till__serial" title={t('pos.scan.serialTitle')} aria-label={t('pos.scan.serialTitle')} onClick={() => void addSerialScanner().then(() => setPorts((n) => n + 1)).catch(() => undefined)} data-testid="pos-serial-add">
            {t('pos.scan.serial')}
          </button>
        )}
      </form>
      {error && <p className="till__error" role="alert" data-testid="pos-scan-error">{error}</p>}
      {warnings.map((w) => (
        <p key={w} className="alert alert--warn" role="status" data-testid="pos-scan-warning">{w}</p>
      ))}
      {hits.length > 0 && (
        <ul className="till__results" aria-label={t('pos.scan.results')}>
          {hits.map((h) => (
            <li key={h.id}>
              <button type="button" data-testid="pos-lookup-result" onClick={() => { onAdd(h); setHits([]); setQ(''); }}>
                {h.name} · {h.brand} · {money(h.priceCents)}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** A scan's line: a weighed or price-labelled item is its own line at the label's price. */
export function addScan(lines: CartItem[], s: Scan): CartItem[] {
  if (s.kind !== 'variable' && s.weightGrams === null) return addHit(lines, { ...s.product, priceCents: s.priceCents });
  return [...lines, { sku: s.product.sku, name: s.product.name, qty: 1, unitCents: s.priceCents, overrideCents: null, discountCents: 0, onHand: s.product.stock, weightGrams: s.weightGrams }];
}

export function addHit(lines: CartItem[], h: Hit): CartItem[] {
  const i = lines.findIndex((l) => l.sku === h.sku && l.overrideCents === null && l.discountCents === 0 && !l.weightGrams);
  if (i >= 0) return lines.map((l, j) => (j === i ? { ...l, qty: l.qty + 1 } : l));
  return [...lines, { sku: h.sku, name: h.name, qty: 1, unitCents: h.priceCents, overrideCents: null, discountCents: 0, onHand: h.stock }];
}

/** What the core takes for each cart line (the name is for the screen only). */
export function submitLines(lines: CartItem[]) {
  return lines.map(({ sku, qty, unitCents, overrideCents, discountCents, weightGrams }) => ({ sku, qty, unitCents, overrideCents, discountCents, weightGrams: weightGrams ?? null }));
}

/** The cart: quantity, price override and discount per line (the core checks and decides on them). */
export function CartTable({ lines, onChange, editable = true }: { lines: CartItem[]; onChange: (next: CartItem[]) => void; editable?: boolean }) {
  const t = useT();
  const set = (i: number, patch: Partial<CartItem>) => onChange(lines.map((l, j) => (j === i ? { ...l, ...patch } : l)));
  if (!lines.length) return <p className="staff-panel__body">{t('pos.cart.empty')}</p>;
  return (
    <table className="cart" data-testid="pos-cart">
      <thead>
        <tr>
          <th>{t('pos.cart.item')}</th>
          <th className="num">{t('pos.cart.qty')}</th>
          <th className="num">{t('pos.cart.price')}</th>
          <th className="num">{t('pos.cart.override')}</th>
          <th className="num">{t('pos.cart.discount')}</th>
          <th className="num">{t('pos.cart.line')}</th>
          <th />
        </tr>
      </thead>
      <tbody>
        {lines.map((l, i) => (
          <tr key={`${l.sku}-${i}`}>
            <td>
              {l.name}
              {l.weightGrams ? <span className="tag" data-testid="pos-weight"> {(l.weightGrams / 1000).toFixed(3)} kg</span> : null}
              {l.onHand !== undefined && lines.filter((x) => x.sku === l.sku).reduce((n, x) => n + x.qty, 0) > l.onHand && (
                <span className="tag tag--warn" role="status" data-testid="pos-below-zero"> {t('pos.cart.belowZero', { n: l.onHand })}</span>
              )}
            </td>
            <td className="num">
              {editable && !l.weightGrams ? (
                <input type="number" min={1} max={999} value={l.qty} aria-label={t('pos.cart.qty')} onChange={(e) => set(i, { qty: Math.max(1, Math.min(999, Math.round(Number(e.target.value) || 1))) })} />
              ) : (
                l.qty
              )}
            </td>
            <td className="num">{money(l.unitCents)}</td>
            <td className="num">
              {editable ? (
                <input inputMode="decimal" defaultValue={l.overrideCents === null ? '' : (l.overrideCents / 100).toFixed(2)} aria-label={t('pos.cart.override')} onBlur={(e) => set(i, { overrideCents: e.target.value.trim() ? parseMoney(e.target.value) : null })} />
              ) : l.overrideCents === null ? '' : money(l.overrideCents)}
            </td>
            <td className="num">
              {editable ? (
                <input inputMode="decimal" defaultValue={l.discountCents ? (l.discountCents / 100).toFixed(2) : ''} aria-label={t('pos.cart.discount')} onBlur={(e) => set(i, { discountCents: parseMoney(e.target.value || '0') ?? 0 })} />
              ) : l.discountCents ? money(l.discountCents) : ''}
            </td>
            <td className="num">{money(lineTotal(l))}</td>
            <td>
              {editable && (
                <button type="button" className="btn btn--light" onClick={() => onChange(lines.filter((_, j) => j !== i))} aria-label={t('pos.cart.remove', { name: l.name })}>
                  ✕
                </button>
              )}
            </td>
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr>
          <td colSpan={5} className="num">{t('pos.cart.total')}</td>
          <td className="num till__total" data-testid="pos-total">{money(cartTotal(lines))}</td>
          <td />
        </tr>
      </tfoot>
    </table>
  );
}

export type Tender = { method: 'cash' | 'card' | 'gift_card'; fingerprint: string | null; last4: string | null; entryMode: 'chip' | 'tap' | 'swipe' | 'keyed' | null; tenderedCents?: number | null };

/** Cash, card or gift card. A card is read by the external payment terminal; we keep only its token. */
/** The notes a shopper is likely to hand over for this total: the next $5, $10, $20, $50 and $100 up (distinct, above it). */
export function nextNotes(totalCents: number): number[] {
  const out = new Set<number>();
  for (const note of [500, 1000, 2000, 5000, 10000]) {
    const up = Math.ceil(totalCents / note) * note;
    if (up > totalCents) out.add(up);
  }
  return [...out].sort((a, b) => a - b).slice(0, 3);
}

export function TenderPicker({ disabled, onTender, label, cashGiven = false, totalCents }: { disabled: boolean; onTender: (t: Tender) => void; label: string; cashGiven?: boolean; totalCents?: number }) {
  const t = useT();
  const [card, setCard] = useState(false);
  const [last4, setLast4] = useState('');
  const [mode, setMode] = useState<'chip' | 'tap' | 'swipe' | 'keyed'>('chip');
  const [given, setGiven] = useState('');
  const givenCents = given.trim() ? parseMoney(given) : null;
  const cash = (tenderedCents: number | null) => {
    onTender({ method: 'cash', fingerprint: null, last4: null, entryMode: null, tenderedCents });
    setGiven('');
  };
  const short = totalCents !== undefined && givenCents !== null && givenCents < totalCents;
  return (
    <div className="tender" role="group" aria-label={label}>
      {totalCents !== undefined && <span className="tender__total" data-testid="tender-total">{money(totalCents)}</span>}
      <strong>{label}</strong>
      {cashGiven && (
        <>
          <input className="tender__given" value={given} inputMode="decimal" placeholder={t('pos.tender.given')} aria-label={t('pos.tender.given')} onChange={(e) => setGiven(e.target.value)} onKeyDown={(e) => { if (e.key === 'Enter' && givenCents !== null && !short && !disabled) cash(givenCents); }} data-testid="tender-cash-given" />
          {totalCents !== undefined && givenCents !== null && (
            <span className={short ? 'tag tag--warn' : 'tag'} role="status" data-testid="tender-change-due">
              {short ? t('pos.tender.short', { amount: money(totalCents - givenCents) }) : t('pos.tender.changeDue', { amount: money(givenCents - totalCents) })}
            </span>
          )}
          {totalCents !== undefined && totalCents > 0 && nextNotes(totalCents).map((c) => (
            <button key={c} type="button" className="btn btn--light" disabled={disabled} onClick={() => cash(c)} data-testid={`tender-cash-${c}`}>{money(c)}</button>
          ))}
        </>
      )}
      <button type="button" className="btn btn--primary" disabled={disabled || (given.trim() !== '' && (givenCents === null || short))} data-testid="tender-cash" onClick={() => cash(givenCents)}>
        {givenCents === null && cashGiven ? t('pos.tender.cashExact') : t('pos.tender.cash')}
      </button>
      <button type="button" className="btn btn--primary" disabled={disabled} data-testid="tender-gift" onClick={() => onTender({ method: 'gift_card', fingerprint: null, last4: null, entryMode: null })}>
        {t('pos.tender.gift')}
      </button>
      <button type="button" className="btn btn--light" disabled={disabled} data-testid="tender-card" onClick={() => setCard((c) => !c)}>
        {t('pos.tender.card')}
      </button>
      {card && (
        <>
          <select value={mode} onChange={(e) => setMode(e.target.value as typeof mode)} aria-label={t('pos.tender.entryMode')}>
            {(['chip', 'tap', 'swipe', 'keyed'] as const).map((m) => (
              <option key={m} value={m}>{t(`pos.entry.${m}`)}</option>
            ))}
          </select>
          <input value={last4} maxLength={4} inputMode="numeric" placeholder={t('pos.tender.last4')} aria-label={t('pos.tender.last4')} onChange={(e) => setLast4(e.target.value.replace(/\D/g, '').slice(0, 4))} data-testid="tender-last4" />
          <button type="button" className="btn btn--primary" disabled={disabled || last4.length !== 4} data-testid="tender-card-pay" onClick={() => { onTender({ method: 'card', fingerprint: demoCardToken(), last4, entryMode: mode }); setLast4(''); setCard(false); }}>
            {t('pos.tender.cardPay')}
          </button>
          <small>{t('pos.tender.cardNote')}</small>
        </>
      )}
    </div>
  );
}

/** What the fraud engine said, when it says more than "allow". */
export function DecisionBanner({ txn }: { txn: Txn }) {
  const t = useT();
  if (!txn.decision || (txn.decision.decision === 'allow' && txn.status === 'completed')) return null;
  const blocked = txn.status === 'blocked';
  return (
    <div className={`alert ${blocked ? 'alert--block' : 'alert--warn'}`} role="alert" data-testid="pos-decision">
      <strong>{blocked ? t('pos.decision.blocked') : txn.status === 'pending_approval' ? t('pos.decision.needsManager') : t('pos.decision.review')}</strong>
      <ul>
        {txn.decision.explain.map((r) => (
          <li key={r.code + r.text}>{reasonText(t, r)}</li>
        ))}
      </ul>
    </div>
  );
}

/** The POS alert when a manager is needed: reasons, then the manager's PIN (no sign-in happens). */
export function ApprovalDialog({ txn, onDone, onCancel }: { txn: Txn; onDone: (t: Txn) => void; onCancel: () => void }) {
  const t = useT();
  const [pin, setPin] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const approve = async () => {
    if (busy || pin.length < 4) return;
    setBusy(true);
    try {
      onDone(await call('pos.approve', { txnId: txn.id, pin }));
    } catch (e) {
      setError(errorText(e));
      setPin('');
    } finally {
      setBusy(false);
    }
  };
  const cancel = async () => {
    try {
      await call('pos.cancel', { txnId: txn.id });
    } finally {
      onCancel();
    }
  };
  return (
    <div className="dialog-backdrop">
      <div className="dialog" role="alertdialog" aria-modal="true" aria-labelledby="approval-title" data-testid="pos-approval">
        <h3 id="approval-title">{t('pos.approval.title')}</h3>
        <div className="receipt" data-testid="approval-what">
          <span>{t(`pos.type.${txn.type}`)} · {t('pos.receipt.cashier')}: {txn.cashierName}</span>
          {txn.lines.map((l, i) => (
            <div className="receipt__row" key={i}>
              <span>{l.weightGrams ? `${(l.weightGrams / 1000).toFixed(3)} kg` : l.qty} × {l.name}</span>
              <span>{money(l.lineCents)}</span>
            </div>
          ))}
          {txn.type !== 'no_sale' && (
            <div className="receipt__row">
              <strong>{t('pos.cart.total')}{txn.tenderMethod ? ` · ${t(`pos.tenderName.${txn.tenderMethod}`)}` : ''}</strong>
              <strong data-testid="approval-amount">{money(txn.totalCents)}</strong>
            </div>
          )}
        </div>
        <DecisionBanner txn={txn} />
        <p>{t('pos.approval.prompt')}</p>
        <div className="pin-dots" aria-label={t('pin.entered', { count: pin.length })}>
          {Array.from({ length: Math.max(4, pin.length) }, (_, i) => (
            <span key={i} className={`pin-dots__dot${i < pin.length ? ' pin-dots__dot--on' : ''}`} />
          ))}
        </div>
        <p className="till__error" role="alert" data-testid="approval-error">{error}</p>
        <PinPad value={pin} onChange={(v) => { setPin(v); setError(''); }} onSubmit={() => void approve()} disabled={busy} />
        <div className="till__row">
          <button type="button" className="btn btn--primary" onClick={() => void approve()} disabled={busy || pin.length < 4} data-testid="approval-submit">
            {t('pos.approval.approve')}
          </button>
          <button type="button" className="btn btn--light" onClick={() => void cancel()} data-testid="approval-cancel">
            {t('pos.approval.cancel')}
          </button>
        </div>
      </div>
    </div>
  );
}

/** A printable receipt (the browser's print; the print stylesheet hides everything else). */
export function ReceiptView({ txn }: { txn: Txn }) {
  const t = useT();
  const { profile } = useAppData();
  return (
    <div className="receipt" data-testid="pos-receipt">
      <strong>{profile.name}</strong>
      <span>{profile.address}</span>
      <span>{t(`pos.type.${txn.type}`)} · {new Date(txn.ts).toLocaleString()}</span>
      {txn.receiptNo && <span data-testid="receipt-no">{t('pos.receipt.no')}: {txn.receiptNo}</span>}
      <span>{t('pos.receipt.cashier')}: {txn.cashierName}</span>
      <hr />
      {txn.lines.map((l, i) => (
        <div className="receipt__row" key={i}>
          <span>{l.weightGrams ? `${(l.weightGrams / 1000).toFixed(3)} kg` : l.qty} × {l.name}</span>
          <span>{money(l.lineCents)}</span>
        </div>
      ))}
      <hr />
      <div className="receipt__row">
        <strong>{t('pos.cart.total')}</strong>
        <strong>{money(txn.totalCents)}</strong>
      </div>
      {txn.tenderMethod && (
        <span>
          {t(`pos.tenderName.${txn.tenderMethod}`)}
          {txn.cardLast4 ? ` •••• ${txn.cardLast4} (${txn.entryMode})` : ''}
        </span>
      )}
      {txn.changeCents !== null && txn.changeCents > 0 && (
        <div className="receipt__row" data-testid="receipt-change">
          <span>{t('pos.receipt.change')}</span>
          <strong>{money(txn.changeCents)}</strong>
        </div>
      )}
      {txn.approvedBy && <span data-testid="receipt-approved-by">{t('pos.receipt.approvedBy', { who: txn.approvedByName ?? txn.approvedBy })}</span>}
      <span data-testid="receipt-status">{t(`pos.status.${txn.status}`)}</span>
      <ReprintButton txnId={txn.id} testId="receipt-reprint" />
    </div>
  );
}

/** A numbered copy of the receipt through the print queue (it says COPY on the paper, and is audited). */
export function ReprintButton({ txnId, testId }: { txnId: string; testId: string }) {
  const t = useT();
  const [note, setNote] = useState('');
  const reprint = () => {
    setNote('');
    call('print.reprint', { txnId })
      .then((j) => setNote(t('pos.print.copyQueued', { n: j.copy })))
      .catch((e: unknown) => setNote(errorText(e)));
  };
  return (
    <span className="no-print">
      <button type="button" className="btn btn--light" onClick={reprint} data-testid={testId}>{t('pos.receipt.print')}</button>
      {note && <small role="status"> {note}</small>}
    </span>
  );
}

/** The receipt printer as the cashier needs to know it: ready, or what waits and why, with Retry. */
export function PrinterStatus() {
  const t = useT();
  const [state, setState] = useState<OpOutput<'print.status'> | null>(null);
  useEffect(() => {
    let live = true;
    const load = () => call('print.status', { limit: 1 }).then((s) => live && setState(s)).catch(() => undefined);
    void load();
    const off = subscribe('print.state', () => void load());
    const poll = setInterval(() => void load(), 10_000);
    return () => {
      live = false;
      off();
      clearInterval(poll);
    };
  }, []);
  if (!state || !state.printer) return null;
  const waiting = state.queued > 0;
  return (
    <p className={`printer-status${waiting && state.lastError ? ' printer-status--warn' : ''}`} role="status" data-testid="printer-status" data-queued={state.queued}>
      {waiting && state.lastError ? t('pos.print.waiting', { n: state.queued, why: state.lastError }) : waiting ? t('pos.print.printing', { n: state.queued }) : t('pos.print.ready')}
      {waiting && state.lastError && (
        <button type="button" className="btn btn--light" onClick={() => void call('print.retry', {}).catch(() => undefined)} data-testid="printer-retry">{t('pos.print.retry')}</button>
      )}
    </p>
  );
}

/** After submit: show the receipt, or the approval dialog, or the block. */
export function useOutcome() {
  const [txn, setTxn] = useState<Txn | null>(null);
  const [approving, setApproving] = useState<Txn | null>(null);
  const show = (next: Txn) => {
    if (next.status === 'pending_approval') setApproving(next);
    setTxn(next);
  };
  const dialog = approving ? (
    <ApprovalDialog
      txn={approving}
      onDone={(done) => { setApproving(null); setTxn(done); }}
      onCancel={() => setApproving(null)}
    />
  ) : null;
  return { txn, show, dialog, clear: () => setTxn(null) };
}

type Companion = OpOutput<'recommend.cart'>['items'][number];

/**
 * A discreet add-on strip under the cart: what shoppers in this store buy with what is in it, on the
 * shelf now. The cashier can ignore it; it never blocks the sale, and if it fails it stays hidden.
 */
export function AddOns({ lines, onAdd }: { lines: CartItem[]; onAdd: (hit: Hit) => void }) {
  const t = useT();
  const skus = [...new Set(lines.map((l) => l.sku))];
  const key = skus.join('\u001f');
  const [data, setData] = useState<{ items: Companion[]; modelVersion: string | null; key: string } | null>(null);
  useEffect(() => {
    if (!skus.length) return setData(null);
    let live = true;
    const timer = setTimeout(() => {
      call('recommend.cart', { skus: skus.slice(0, 500), limit: 3 })
        .then((d) => live && setData({ ...d, key }))
        .catch(() => live && setData(null));
    }, 250);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [key]);
  const items = data && data.key === key ? data.items.filter((c) => !skus.includes(c.sku)) : [];
  if (!items.length) return null;
  const add = (c: Companion) => {
    call('recommend.accept', { surface: 'pos_cart', anchor: skus[0]!, item: c.sku, modelVersion: data!.modelVersion }).catch(() => undefined);
    onAdd({ id: c.id, sku: c.sku, name: c.name, brand: c.brand, priceCents: Math.min(c.priceCents, c.promoPriceCents ?? c.priceCents), stock: c.stock });
  };
  return (
    <div className="till__addons" role="group" aria-label={t('pos.addons')} data-testid="pos-addons">
      <span className="till__addons-label">{t('pos.addons')}</span>
      {items.map((c) => (
        <button key={c.sku} type="button" className="btn btn--light btn--sm" onClick={() => add(c)} data-testid="pos-addon">
          + {c.name} <span className="muted">{money(Math.min(c.priceCents, c.promoPriceCents ?? c.priceCents))}</span>
        </button>
      ))}
    </div>
  );
}
