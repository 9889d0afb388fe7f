// Runs: dom (renderer). The sale screen: scan or look up items into the cart, adjust quantity,
// price and discount, take a tender, and see the receipt (or the manager alert, or the block).
// Below: this terminal's recent transactions with post-tender void and reprint, and No sale.
// Every change of the cart goes to the customer display (display.update), which follows the till.
import { useCallback, useEffect, useState } from 'react';
import { call, errorText } from '../api.ts';
import { useT } from '../i18n/index.tsx';
import { AddOns, addHit, addScan, CartTable, DecisionBanner, PrinterStatus, ReceiptView, ReprintButton, ScanBar, submitLines, TenderPicker, useOutcome, type Tender, type Txn } from './TillParts.tsx';
import { cartTotal, money, type CartItem } from './money.ts';

const NO_SALE_REASONS = ['change', 'correction', 'float', 'other'] as const;

export function SalePanel() {
  const t = useT();
  const [lines, setLines] = useState<CartItem[]>([]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const [recent, setRecent] = useState<Txn[]>([]);
  const outcome = useOutcome();
  const [noSaleReason, setNoSaleReason] = useState<(typeof NO_SALE_REASONS)[number]>('change');

  // The customer display shows the cart as it is rung up, then the sale's total and change.
  useEffect(() => {
    const done = outcome.txn && outcome.txn.type === 'sale' && outcome.txn.status === 'completed' && lines.length === 0 ? outcome.txn : null;
    const state = done
      ? { phase: 'done' as const, lines: done.lines.map((l) => ({ name: l.name, qty: l.qty, weightGrams: l.weightGrams, lineCents: l.lineCents })), totalCents: done.totalCents, tenderedCents: done.tenderedCents, changeCents: done.changeCents, receiptNo: done.receiptNo }
      : { phase: lines.length ? ('ringing' as const) : ('idle' as const), lines: lines.map((l) => ({ name: l.name, qty: l.qty, weightGrams: l.weightGrams ?? null, lineCents: Math.round((l.overrideCents ?? l.unitCents) * l.qty - l.discountCents) })), totalCents: cartTotal(lines) };
    call('display.update', state).catch(() => undefined);
  }, [lines, outcome.txn]);

  const refresh = useCallback(() => {
    call('pos.recent', { limit: 10 }).then((r) => setRecent(r.transactions)).catch(() => undefined);
  }, []);
  useEffect(refresh, [refresh, outcome.txn]);

  const submit = async (type: 'sale' | 'void' | 'no_sale', tender: Tender | null, originalTxnId?: string) => {
    setBusy(true);
    setError('');
    try {
      const txn = await call('pos.submit', {
        type,
        lines: type === 'sale' ? submitLines(lines) : [],
        tender,
        originalTxnId: originalTxnId ?? null,
        ...(type === 'no_sale' ? { noSaleReason: t(`pos.noSale.reason.${noSaleReason}`) } : {}),
      });
      if (type === 'sale' && txn.status !== 'blocked') setLines([]);
      outcome.show(txn);
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="staff-panel till">
      <h2 className="staff-panel__title">{t('pos.panel.sale')}</h2>
      <PrinterStatus />
      <ScanBar focusKey={outcome.txn} onAdd={(h) => { outcome.clear(); setLines((ls) => addHit(ls, h)); }} onScan={(s) => { outcome.clear(); setLines((ls) => addScan(ls, s)); }} />
      <CartTable lines={lines} onChange={setLines} />
      <AddOns lines={lines} onAdd={(h) => setLines((ls) => addHit(ls, h))} />
      <TenderPicker label={t('pos.tender.pay')} cashGiven totalCents={cartTotal(lines)} disabled={busy || lines.length === 0} onTender={(tender) => void submit('sale', tender)} />
      <div className="till__row">
        <button type="button" className="btn btn--light" disabled={busy} onClick={() => void submit('no_sale', null)} data-testid="pos-no-sale">
          {t('pos.noSale')}
        </button>
        <select value={noSaleReason} onChange={(e) => setNoSaleReason(e.target.value as typeof noSaleReason)} aria-label={t('pos.noSale.why')} data-testid="pos-no-sale-reason">
          {NO_SALE_REASONS.map((r) => (
            <option key={r} value={r}>{t(`pos.noSale.reason.${r}`)}</option>
          ))}
        </select>
        {lines.length > 0 && (
          <button type="button" className="btn btn--light" onClick={() => setLines([])}>{t('pos.cart.clear')}</button>
        )}
      </div>
      <p className="till__error" role="alert">{error}</p>
      {outcome.txn && (
        <>
          <DecisionBanner txn={outcome.txn} />
          {outcome.txn.status === 'completed' && <ReceiptView txn={outcome.txn} />}
        </>
      )}
      {outcome.dialog}

      <h3>{t('pos.recent.title')}</h3>
      <table className="recent" data-testid="pos-recent">
        <tbody>
          {recent.map((r) => (
            <tr key={r.id} data-testid="pos-recent-row">
              <td>{new Date(r.ts).toLocaleTimeString()}</td>
              <td>{t(`pos.type.${r.type}`)}</td>
              <td>{r.receiptNo ?? ''}</td>
              <td>{money(r.totalCents)}</td>
              <td>
                <span className={`badge badge--${r.decision?.decision ?? 'allow'}`}>{t(`pos.status.${r.status}`)}</span>
                {r.voided && <span className="badge"> {t('pos.recent.voided')}</span>}
              </td>
              <td>
                {r.status === 'completed' && <ReprintButton txnId={r.id} testId={`reprint-${r.receiptNo ?? r.id}`} />}
                {r.type === 'sale' && r.status === 'completed' && !r.voided && (
                  <button type="button" className="btn btn--light" disabled={busy} onClick={() => void submit('void', null, r.id)} data-testid={`void-${r.receiptNo}`}>
                    {t('pos.recent.void')}
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
