// Runs: dom (renderer). Refunds: with a receipt (type its number, pick the lines) or without one
// (scan the items back). A refund without a receipt usually needs a manager: the approval dialog
// appears when the fraud rules ask for one.
import { useState } from 'react';
import type { FormEvent } from 'react';
import { call, errorText } from '../api.ts';
import { useT } from '../i18n/index.tsx';
import { useAppData } from '../lib/AppContext.tsx';
import { addHit, CartTable, DecisionBanner, ReceiptView, ScanBar, submitLines, TenderPicker, useOutcome, type Tender, type Txn } from './TillParts.tsx';
import type { CartItem } from './money.ts';

export function ReturnsPanel() {
  const t = useT();
  const [mode, setMode] = useState<'receipt' | 'none'>('receipt');
  const [receiptNo, setReceiptNo] = useState('');
  const [original, setOriginal] = useState<Txn | null>(null);
  const [lines, setLines] = useState<CartItem[]>([]);
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const [idChecked, setIdChecked] = useState(false);
  // One policy for the store: the kiosk says it, the core enforces it, the till shows it here.
  const policy = useAppData().info.returnPolicy;
  const outcome = useOutcome();

  const find = async (e: FormEvent) => {
    e.preventDefault();
    setError('');
    try {
      const o = await call('pos.receipt', { receiptNo: receiptNo.trim() });
      setOriginal(o);
      setLines(o.lines.map((l) => ({ sku: l.sku, name: l.name, qty: l.qty, unitCents: l.unitCents, overrideCents: l.overrideCents, discountCents: l.discountCents })));
    } catch (err) {
      setOriginal(null);
      setError(errorText(err));
    }
  };

  const refund = async (tender: Tender) => {
    setBusy(true);
    setError('');
    try {
      const txn = await call('pos.submit', {
        type: 'refund',
        lines: submitLines(lines),
        tender,
        receiptRef: mode === 'receipt' ? (original?.receiptNo ?? null) : null,
        ...(mode === 'none' ? { idChecked } : {}),
      });
      setIdChecked(false);
      setLines([]);
      setOriginal(null);
      outcome.show(txn);
    } catch (err) {
      setError(errorText(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="staff-panel till">
      <h2 className="staff-panel__title">{t('pos.panel.returns')}</h2>
      <div className="till__row" role="group">
        <button type="button" className={`btn ${mode === 'receipt' ? 'btn--primary' : 'btn--light'}`} onClick={() => { setMode('receipt'); setLines([]); }} data-testid="refund-with-receipt">
          {t('pos.refund.withReceipt')}
        </button>
        <button type="button" className={`btn ${mode === 'none' ? 'btn--primary' : 'btn--light'}`} onClick={() => { setMode('none'); setLines([]); setOriginal(null); }} data-testid="refund-no-receipt">
          {t('pos.refund.noReceipt')}
        </button>
      </div>
      {mode === 'receipt' ? (
        <form className="till__row" onSubmit={(e) => void find(e)}>
          <input className="till__scan" value={receiptNo} onChange={(e) => setReceiptNo(e.target.value)} placeholder={t('pos.refund.receiptNo')} aria-label={t('pos.refund.receiptNo')} data-testid="refund-receipt-no" />
          <button type="submit" className="btn btn--primary">{t('pos.refund.find')}</button>
        </form>
      ) : (
        <ScanBar onAdd={(h) => { outcome.clear(); setLines((ls) => addHit(ls, h)); }} />
      )}
      {mode === 'none' && (
        <div className="till__row" data-testid="refund-policy">
          <span>{t(`pos.refund.policy.${policy.noReceipt}`)}</span>
          {policy.idRequired && policy.noReceipt !== 'refuse' && (
            <label>
              <input type="checkbox" checked={idChecked} onChange={(e) => setIdChecked(e.target.checked)} data-testid="refund-id-checked" /> {t('pos.refund.idChecked')}
            </label>
          )}
        </div>
      )}
      {mode === 'receipt' && <p className="till__hint">{t('pos.refund.policy.days', { days: policy.days })}</p>}
      <CartTable lines={lines} onChange={setLines} editable={mode === 'none'} />
      {mode === 'receipt' && lines.length > 0 && <p>{t('pos.refund.removeHint')}</p>}
      <TenderPicker label={t('pos.refund.to')} disabled={busy || lines.length === 0} onTender={(tender) => void refund(tender)} />
      <p className="till__error" role="alert">{error}</p>
      {outcome.txn && (
        <>
          <DecisionBanner txn={outcome.txn} />
          {outcome.txn.status === 'completed' && <ReceiptView txn={outcome.txn} />}
        </>
      )}
      {outcome.dialog}
    </section>
  );
}
