// Runs: dom (renderer). Price and stock check: scan or type, see every match.
import { useState } from 'react';
import type { FormEvent } from 'react';
import { call, errorText } from '../api.ts';
import type { OpOutput } from '../../../common/api/index.ts';
import { useT } from '../i18n/index.tsx';
import { money } from './money.ts';
import './pos.css';

export function LookupPanel() {
  const t = useT();
  const [q, setQ] = useState('');
  const [hits, setHits] = useState<OpOutput<'pos.lookup'>['results']>([]);
  const [error, setError] = useState('');
  const find = async (e: FormEvent) => {
    e.preventDefault();
    if (!q.trim()) return;
    try {
      const r = await call('pos.lookup', { q: q.trim(), limit: 20 });
      setHits(r.results);
      setError(r.results.length ? '' : t('pos.scan.none', { q }));
    } catch (err) {
      setError(errorText(err));
    }
  };
  return (
    <section className="staff-panel till">
      <h2 className="staff-panel__title">{t('pos.panel.lookup')}</h2>
      <form className="till__row" onSubmit={(e) => void find(e)}>
        <input className="till__scan" value={q} onChange={(e) => setQ(e.target.value)} placeholder={t('pos.scan.placeholder')} aria-label={t('pos.scan.label')} />
        <button type="submit" className="btn btn--primary">{t('pos.lookup.find')}</button>
      </form>
      <p className="till__error" role="alert">{error}</p>
      <table className="recent">
        <tbody>
          {hits.map((h) => (
            <tr key={h.id}>
              <td>{h.name}</td>
              <td>{h.brand}</td>
              <td>{h.sku}</td>
              <td>{money(h.priceCents)}</td>
              <td>{t('pos.lookup.stock', { n: h.stock })}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
