// Runs: dom (renderer). The till's shift routines: open a shift with a float, cash drops, the X
// report, the close with a count per note and coin, then the day's Z report for a manager.
// Why the close looks like this: the count is BLIND. The screen never shows what the drawer should
// hold before the count is submitted (the count form hides any X report on screen, and the core
// answers the expected amount only with the close's result), so a cashier counts what is there,
// not what they hope to find. All sums are the core's; this screen only sends counts.
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { FormEvent } from 'react';
import { call, errorText } from '../api.ts';
import type { OpOutput } from '../../../common/api/index.ts';
import { roleAllows } from '../../../common/api/define.ts';
import { useI18n } from '../i18n/index.tsx';
import { useMoney } from '../lib/useMoney.ts';
import type { StaffPanelProps } from '../staff/panels.tsx';
import { parseMoney } from './money.ts';
import './pos.css';

type Current = OpOutput<'shift.current'>;
type XReport = OpOutput<'shift.x'>;
type CloseResult = OpOutput<'shift.close'>;
type ZReport = OpOutput<'shift.z'>;
type Totals = XReport['totals'];

const MAX_COUNT = 100_000;


function TotalsView({ totals, m }: { totals: Totals; m: (c: number) => string }) {
  const { t } = useI18n();
  return (
    <div className="receipt" data-testid="shift-x-report">
      {totals.tenders.map((x) => (
        <div key={x.method} className="receipt__row">
          <span>{t(`shift.tender.${x.method}`)}</span>
          <span>{t('shift.tender.line', { sales: x.sales.count, salesAmount: m(x.sales.cents), refunds: x.refunds.count + x.voids.count, net: m(x.netCents) })}</span>
        </div>
      ))}
      <div className="receipt__row"><span>{t('shift.x.noSales')}</span><span>{totals.noSales}</span></div>
      <div className="receipt__row"><span>{t('shift.x.float')}</span><span>{m(totals.floatCents)}</span></div>
      <div className="receipt__row"><span>{t('shift.x.cashSales')}</span><span>{m(totals.cashSalesCents)}</span></div>
      <div className="receipt__row"><span>{t('shift.x.cashRefunds')}</span><span>{m(-totals.cashRefundsCents - totals.cashVoidsCents)}</span></div>
      <div className="receipt__row"><span>{t('shift.x.drops', { n: totals.drops })}</span><span>{m(-totals.dropsCents)}</span></div>
      <div className="receipt__row"><strong>{t('shift.x.expected')}</strong><strong>{m(totals.expectedCashCents)}</strong></div>
    </div>
  );
}

export function ShiftPanel({ session }: StaffPanelProps) {
  const { t } = useI18n();
  const [current, setCurrent] = useState<Current | null>(null);
  const [error, setError] = useState('');
  const [info, setInfo] = useState('');
  const [busy, setBusy] = useState(false);
  const [float, setFloat] = useState('');
  const [drop, setDrop] = useState('');
  const [x, setX] = useState<XReport | null>(null);
  const [counting, setCounting] = useState(false);
  const [counts, setCounts] = useState<Record<string, string>>({});
  const [result, setResult] = useState<CloseResult | null>(null);
  const [z, setZ] = useState<ZReport | null>(null);
  const m = useMoney(current?.currency ?? 'USD');
  const mayZ = roleAllows(session.user.role, 'manager');
  // The X report shows the cash the drawer should hold: a supervisor's, so the cashier's count stays blind.
  const mayX = roleAllows(session.user.role, 'supervisor');

  const load = useCallback(() => {
    call('shift.current', {}).then(setCurrent).catch((e: unknown) => setError(errorText(e)));
  }, []);
  useEffect(load, [load]);

  const run = async (fn: () => Promise<void>) => {
    setBusy(true);
    setError('');
    setInfo('');
    try {
      await fn();
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  const open = (e: FormEvent) => {
    e.preventDefault();
    const cents = parseMoney(float || '0');
    if (cents === null) return setError(t('shift.badAmount'));
    void run(async () => {
      await call('shift.open', { floatCents: cents });
      setFloat('');
      setResult(null);
      setZ(null);
      load();
    });
  };

  const dropCash = (e: FormEvent) => {
    e.preventDefault();
    const cents = parseMoney(drop);
    if (cents === null || cents <= 0) return setError(t('shift.badAmount'));
    void run(async () => {
      const d = await call('shift.drop', { amountCents: cents });
      setDrop('');
      setInfo(t('shift.dropped', { amount: m(d.amountCents), total: m(d.dropsCents) }));
      load();
    });
  };

  const xReport = () => void run(async () => setX(await call('shift.x', {})));

  const startCount = () => {
    // Blind: whatever the X report said leaves the screen before the count starts.
    setX(null);
    setInfo('');
    setCounts({});
    setCounting(true);
  };

  const parsedCounts = useMemo(() => {
    const out: Record<string, number> = {};
    for (const d of current?.denominations ?? []) {
      const text = (counts[String(d.cents)] ?? '').trim();
      if (text === '') continue;
      if (!/^\d{1,6}$/.test(text) || Number(text) > MAX_COUNT) return null;
      out[String(d.cents)] = Number(text);
    }
    return out;
  }, [counts, current]);
  const countedSoFar = parsedCounts ? Object.entries(parsedCounts).reduce((a, [c, n]) => a + Number(c) * n, 0) : null;

  const close = (e: FormEvent) => {
    e.preventDefault();
    if (!parsedCounts) return setError(t('shift.badCount'));
    void run(async () => {
      const r = await call('shift.close', { counted: parsedCounts });
      setResult(r);
      setCounting(false);
      setCounts({});
      load();
    });
  };

  const zReport = () => void run(async () => setZ(await call('shift.z', { businessDate: current!.businessDate })));

  const shift = current?.shift ?? null;
  const overShort = (c: number) => (c === 0 ? t('shift.result.balanced') : c > 0 ? t('shift.result.over', { amount: m(c) }) : t('shift.result.short', { amount: m(-c) }));

  return (
    <section className="staff-panel till">
      <h2 className="staff-panel__title">{t('shift.panel')}</h2>
      {!current && !error && <p>{t('app.loading')}</p>}

      {current && !shift && (
        <>
          <p data-testid="shift-status">{t('shift.none')}</p>
          <form className="till__row" onSubmit={open}>
            <label>
              {t('shift.float')}{' '}
              <input className="till__scan" inputMode="decimal" value={float} onChange={(e) => setFloat(e.target.value)} placeholder="100.00" aria-label={t('shift.float')} data-testid="shift-float" />
            </label>
            <button type="submit" className="btn btn--primary" disabled={busy} data-testid="shift-open">{t('shift.open')}</button>
          </form>
        </>
      )}

      {shift && (
        <>
          <p data-testid="shift-status">
            {t('shift.openInfo', { time: new Date(shift.openedAt).toLocaleString(), cashier: shift.cashierName, float: m(shift.floatCents), drops: shift.drops })}
          </p>
          {!counting && (
            <>
              <form className="till__row" onSubmit={dropCash}>
                <input className="till__scan" inputMode="decimal" value={drop} onChange={(e) => setDrop(e.target.value)} placeholder={t('shift.drop.amount')} aria-label={t('shift.drop.amount')} data-testid="shift-drop-amount" />
                <button type="submit" className="btn btn--light" disabled={busy} data-testid="shift-drop">{t('shift.drop')}</button>
              </form>
              <div className="till__row">
                {mayX && <button type="button" className="btn btn--light" disabled={busy} onClick={xReport} data-testid="shift-x">{t('shift.x')}</button>}
                <button type="button" className="btn btn--primary" disabled={busy} onClick={startCount} data-testid="shift-count-start">{t('shift.count.start')}</button>
              </div>
              {x && (
                <>
                  <h3>{t('shift.x.title')}</h3>
                  <TotalsView totals={x.totals} m={m} />
                </>
              )}
            </>
          )}
          {counting && (
            <form className="till" onSubmit={close}>
              <h3>{t('shift.count.title')}</h3>
              <p>{t('shift.count.hint')}</p>
              <table className="cart">
                <tbody>
                  {current!.denominations.map((d) => (
                    <tr key={d.cents}>
                      <td>{m(d.cents)}</td>
                      <td className="num">
                        <input
                          inputMode="numeric"
                          value={counts[String(d.cents)] ?? ''}
                          onChange={(e) => setCounts((c) => ({ ...c, [String(d.cents)]: e.target.value }))}
                          aria-label={t('shift.count.of', { value: m(d.cents) })}
                          data-testid={`shift-count-${d.cents}`}
                        />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
              <p>{countedSoFar === null ? t('shift.badCount') : t('shift.count.total', { amount: m(countedSoFar) })}</p>
              <div className="till__row">
                <button type="submit" className="btn btn--primary" disabled={busy || !parsedCounts} data-testid="shift-close">{t('shift.close')}</button>
                <button type="button" className="btn btn--light" disabled={busy} onClick={() => setCounting(false)}>{t('shift.cancel')}</button>
              </div>
            </form>
          )}
        </>
      )}

      {result && (
        <div className={`alert ${result.flagged ? 'alert--warn' : ''}`} data-testid="shift-result" role="status">
          <div className="receipt__row"><span>{t('shift.result.counted')}</span><strong>{m(result.countedCents)}</strong></div>
          <div className="receipt__row"><span>{t('shift.result.expected')}</span><strong>{m(result.expectedCents)}</strong></div>
          <div className="receipt__row"><span>{t('shift.result.overShort')}</span><strong>{overShort(result.overShortCents)}</strong></div>
          {result.flagged && <p>{t('shift.result.flagged')}</p>}
        </div>
      )}

      {current && !shift && mayZ && (
        <div className="till__row">
          <button type="button" className="btn btn--primary" disabled={busy} onClick={zReport} data-testid="shift-z">{t('shift.z')} · {current.businessDate}</button>
        </div>
      )}
      {z && (
        <p className="alert" data-testid="shift-z-result" role="status">
          {t('shift.z.done', { number: z.number, date: z.businessDate, shifts: z.totals.shifts, net: m(z.totals.netSalesCents), overShort: overShort(z.totals.overShortCents) })}
        </p>
      )}

      {info && <p role="status">{info}</p>}
      <p className="till__error" role="alert">{error}</p>
    </section>
  );
}
