// Runs: dom (renderer). The back office's day reports: every Z report (number, business date,
// terminal, totals, over/short) and, below, the cash discrepancies waiting for review. Why here
// and not in the fraud queue: that queue holds transactions and their model scores; a drawer that
// counted short is a shift's record, reviewed by a supervisor who did not work that shift.
import { useState } from 'react';
import { call } from '../api.ts';
import type { OpOutput } from '../../../common/api/index.ts';
import { roleAllows } from '../../../common/api/define.ts';
import { CASH_DISCREPANCY_CENTS } from '../../../common/api/shift.ts';
import { useI18n } from '../i18n/index.tsx';
import { useMoney } from '../lib/useMoney.ts';
import type { StaffPanelProps } from '../staff/panels.tsx';
import { NoteBar, errorText, useDateTime, useLoad, type Note } from './ui.tsx';
import './admin.css';

type Discrepancy = OpOutput<'shift.discrepancies'>['items'][number];

function overShortTag(cents: number, m: (c: number) => string) {
  const cls = cents === 0 ? 'tag--ok' : cents > 0 ? 'tag--warn' : 'tag--bad';
  return <span className={`tag ${cls}`}>{cents > 0 ? `+${m(cents)}` : m(cents)}</span>;
}

export function ZReportsPanel({ session }: StaffPanelProps) {
  const { t } = useI18n();
  const fmt = useDateTime();
  const reports = useLoad('shift.zReports', { limit: 100 }, []);
  const [filter, setFilter] = useState<'open' | 'all'>('open');
  const discrepancies = useLoad('shift.discrepancies', { filter, limit: 100 }, [filter]);
  const [note, setNote] = useState<Note>(null);
  const m = useMoney(reports.data?.currency ?? 'USD');
  const mayReview = roleAllows(session.user.role, 'supervisor');

  // Reviewing asks for a short note inline (Electron has no window.prompt).
  const [reviewing, setReviewing] = useState<{ id: string; note: string } | null>(null);
  const review = async (d: Discrepancy, text: string) => {
    try {
      await call('shift.reviewDiscrepancy', { id: d.id, note: text.trim().slice(0, 160) });
      setNote({ kind: 'ok', text: t('admin.zreports.reviewed') });
      setReviewing(null);
      discrepancies.reload();
    } catch (e) {
      setNote({ kind: 'err', text: errorText(e) });
    }
  };

  const rows = reports.data?.reports ?? [];
  const items = discrepancies.data?.items ?? [];
  return (
    <section className="adm" aria-labelledby="zreports-title">
      <div className="adm__head">
        <div>
          <h2 className="adm__title" id="zreports-title">{t('admin.zreports.title')}</h2>
          <p className="adm__sub">{t('admin.zreports.subtitle')}</p>
        </div>
        <div className="adm__actions">
          <button type="button" className="btn btn--ghost btn--sm" onClick={() => { reports.reload(); discrepancies.reload(); }}>{t('admin.zreports.refresh')}</button>
        </div>
      </div>
      <NoteBar note={note ?? (reports.error ? { kind: 'err', text: reports.error } : discrepancies.error ? { kind: 'err', text: discrepancies.error } : null)} />
      <div className="adm-table-wrap">
        <table className="adm-table">
          <thead>
            <tr>
              <th className="num">{t('admin.zreports.number')}</th>
              <th>{t('admin.zreports.date')}</th>
              <th>{t('admin.zreports.terminal')}</th>
              <th className="num">{t('admin.zreports.shifts')}</th>
              <th className="num">{t('admin.zreports.netSales')}</th>
              <th className="num">{t('admin.zreports.cashSales')}</th>
              <th className="num">{t('admin.zreports.expected')}</th>
              <th className="num">{t('admin.zreports.counted')}</th>
              <th className="num">{t('admin.zreports.overShort')}</th>
              <th>{t('admin.zreports.produced')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((z) => (
              <tr key={z.id} data-testid="z-report-row">
                <td className="num">#{z.number}</td>
                <td className="nowrap">{z.businessDate}</td>
                <td className="mono nowrap">{z.terminalId}</td>
                <td className="num">{z.totals.shifts}</td>
                <td className="num">{m(z.totals.netSalesCents)}</td>
                <td className="num">{m(z.totals.cashSalesCents)}</td>
                <td className="num">{m(z.totals.expectedCashCents)}</td>
                <td className="num">{m(z.totals.countedCents)}</td>
                <td className="num">{overShortTag(z.totals.overShortCents, m)}</td>
                <td className="when">{fmt(z.createdAt)}<small>{z.createdBy}</small></td>
              </tr>
            ))}
          </tbody>
        </table>
        {reports.data && rows.length === 0 && <p className="adm-empty">{t('admin.zreports.empty')}</p>}
      </div>

      <div className="adm__head">
        <div>
          <h3 className="adm__title">{t('admin.zreports.discrepancies')}</h3>
          <p className="adm__sub">{t('admin.zreports.discrepancies.subtitle', { open: discrepancies.data?.open ?? 0, threshold: m(CASH_DISCREPANCY_CENTS) })}</p>
        </div>
        <div className="adm__actions" role="group">
          {(['open', 'all'] as const).map((f) => (
            <button key={f} type="button" className={`btn btn--sm ${filter === f ? 'btn--solid' : 'btn--ghost'}`} onClick={() => setFilter(f)}>{t(`admin.zreports.filter.${f}`)}</button>
          ))}
        </div>
      </div>
      <div className="adm-table-wrap">
        <table className="adm-table">
          <thead>
            <tr>
              <th>{t('admin.zreports.closedAt')}</th>
              <th>{t('admin.zreports.terminal')}</th>
              <th>{t('admin.zreports.cashier')}</th>
              <th className="num">{t('admin.zreports.expected')}</th>
              <th className="num">{t('admin.zreports.counted')}</th>
              <th className="num">{t('admin.zreports.overShort')}</th>
              <th>{t('admin.zreports.status')}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((d) => (
              <tr key={d.id} data-testid="shift-discrepancy-row">
                <td className="when">{fmt(d.ts)}</td>
                <td className="mono nowrap">{d.terminalId}</td>
                <td>{d.cashierName}</td>
                <td className="num">{m(d.expectedCents)}</td>
                <td className="num">{m(d.countedCents)}</td>
                <td className="num">{overShortTag(d.overShortCents, m)}</td>
                <td>
                  {d.status === 'reviewed' ? (
                    <span className="tag tag--off" title={d.note ?? ''}>{t('admin.zreports.status.reviewed', { by: d.reviewedBy ?? '' })}</span>
                  ) : mayReview && reviewing?.id === d.id ? (
                    <form className="adm__actions" onSubmit={(e) => { e.preventDefault(); void review(d, reviewing.note); }}>
                      <input className="adm-input" value={reviewing.note} maxLength={160} onChange={(e) => setReviewing({ id: d.id, note: e.target.value })} placeholder={t('admin.zreports.reviewNote')} aria-label={t('admin.zreports.reviewNote')} />
                      <button type="submit" className="btn btn--solid btn--sm">{t('admin.zreports.review')}</button>
                    </form>
                  ) : mayReview ? (
                    <button type="button" className="btn btn--ghost btn--sm" onClick={() => setReviewing({ id: d.id, note: '' })}>{t('admin.zreports.review')}</button>
                  ) : (
                    <span className="tag tag--warn">{t('admin.zreports.status.open')}</span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        {discrepancies.data && items.length === 0 && <p className="adm-empty">{t('admin.zreports.discrepancies.empty')}</p>}
      </div>
    </section>
  );
}
