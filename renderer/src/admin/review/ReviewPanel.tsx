// Runs: dom (renderer). The fraud review queue: flagged transactions with the engine's reasons.
// A verdict (fraud / legitimate) becomes a training label: stored, audited and queued for sync.
import { useCallback, useEffect, useState } from 'react';
import { call, errorText } from '../../api.ts';
import type { OpOutput } from '../../../../common/api/index.ts';
import { useT } from '../../i18n/index.tsx';
import { money } from '../../pos/money.ts';
import { reasonText } from '../../pos/reasons.ts';
import '../../pos/pos.css';

type Item = OpOutput<'fraud.queue'>['items'][number];

export function ReviewPanel() {
  const t = useT();
  const [filter, setFilter] = useState<'open' | 'flagged' | 'all'>('open');
  const [items, setItems] = useState<Item[]>([]);
  // Which filter the rows on screen belong to: until its answer comes, the old rows stay.
  const [shown, setShown] = useState<typeof filter | ''>('');
  const [open, setOpen] = useState(0);
  const [error, setError] = useState('');
  const load = useCallback(() => {
    let stale = false;
    call('fraud.queue', { filter, limit: 100 })
      .then((r) => {
        if (stale) return;
        setItems(r.items); setOpen(r.open); setShown(filter); setError('');
      })
      .catch((e: unknown) => { if (!stale) setError(errorText(e)); });
    return () => { stale = true; };
  }, [filter]);
  useEffect(load, [load]);

  const verdict = async (txnId: string, v: 'fraud' | 'legitimate') => {
    try {
      await call('fraud.verdict', { txnId, verdict: v });
      load();
    } catch (e) {
      setError(errorText(e));
    }
  };

  return (
    <section className="staff-panel till">
      <h2 className="staff-panel__title">{t('admin.panel.review')}</h2>
      <div className="till__row">
        <span data-testid="review-open">{t('review.open', { n: open })}</span>
        <button type="button" className={`btn ${filter === 'open' ? 'btn--primary' : 'btn--light'}`} onClick={() => setFilter('open')}>{t('review.filter.open')}</button>
        <button type="button" className={`btn ${filter === 'flagged' ? 'btn--primary' : 'btn--light'}`} onClick={() => setFilter('flagged')}>{t('review.filter.flagged')}</button>
        <button type="button" className={`btn ${filter === 'all' ? 'btn--primary' : 'btn--light'}`} onClick={() => setFilter('all')}>{t('review.filter.all')}</button>
      </div>
      <p className="till__error" role="alert">{error}</p>
      {items.length === 0 && <p>{t('review.empty')}</p>}
      <table className="recent" data-testid="review-queue" data-filter={shown}>
        <thead>
          <tr>
            <th>{t('review.col.when')}</th>
            <th>{t('review.col.what')}</th>
            <th>{t('review.col.cashier')}</th>
            <th>{t('review.col.decision')}</th>
            <th>{t('review.col.reasons')}</th>
            <th>{t('review.col.verdict')}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((it) => (
            <tr key={it.txnId} data-testid="review-row">
              <td>{new Date(it.ts).toLocaleString()}</td>
              <td>{t(`pos.type.${it.type}`)} · {money(it.totalCents)}<br /><small>{t(`pos.status.${it.status}`)}</small></td>
              <td>{it.cashierName}</td>
              <td>
                <span className={`badge badge--${it.decision}`} data-testid="review-decision">{t(`review.action.${it.decision}`)}</span>
                <br />
                <small>{t('review.score', { s: it.score.toFixed(2) })}</small>
              </td>
              <td>
                <ul>{it.explain.map((r) => <li key={r.code + r.text}>{reasonText(t, r)}</li>)}</ul>
              </td>
              <td>
                {it.verdict ? (
                  <span className="badge">{t(`review.verdict.${it.verdict}`)}</span>
                ) : (
                  <div className="till__row">
                    <button type="button" className="btn btn--light" onClick={() => void verdict(it.txnId, 'fraud')}>{t('review.verdict.fraud')}</button>
                    <button type="button" className="btn btn--light" onClick={() => void verdict(it.txnId, 'legitimate')}>{t('review.verdict.legitimate')}</button>
                  </div>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
