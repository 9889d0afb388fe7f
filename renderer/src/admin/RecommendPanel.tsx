// Runs: dom (renderer). "Goes well with" in the back office: the companion pairs shoppers and
// cashiers were shown most, how often each was taken, when the model was last trained from the
// store's baskets, and retraining now (managers; the terminal also retrains every night).
import { useState } from 'react';
import { call } from '../api.ts';
import { useT } from '../i18n/index.tsx';
import type { StaffPanelProps } from '../staff/panels.tsx';
import { NoteBar, errorText, useDateTime, useLoad, type Note } from './ui.tsx';
import './admin.css';

export function RecommendPanel(_: StaffPanelProps) {
  const t = useT();
  const fmt = useDateTime();
  const pairs = useLoad('recommend.pairs', { limit: 50 }, []);
  const [note, setNote] = useState<Note>(null);
  const train = async () => {
    try {
      const r = await call('recommend.train', {});
      setNote({ kind: 'ok', text: t('rec.trained', { baskets: r.baskets, products: r.products, s: (r.ms / 1000).toFixed(1) }) });
      pairs.reload();
    } catch (e) {
      setNote({ kind: 'err', text: errorText(e) });
    }
  };
  return (
    <section className="adm" aria-labelledby="rec-title">
      <div className="adm__head">
        <div>
          <h2 className="adm__title" id="rec-title">{t('admin.panel.recommend')}</h2>
          <p className="adm__sub">{pairs.data?.trainedAt ? t('rec.trainedAt', { when: fmt(pairs.data.trainedAt) }) : t('rec.never')}</p>
        </div>
        <div className="adm__actions"><button type="button" className="btn btn--solid" onClick={() => void train()} data-testid="rec-train">{t('rec.train')}</button></div>
      </div>
      <NoteBar note={note ?? (pairs.error ? { kind: 'err', text: pairs.error } : null)} />
      <div className="adm-table-wrap">
        <table className="adm-table" data-testid="rec-pairs">
          <thead><tr><th>{t('rec.with')}</th><th>{t('rec.suggested')}</th><th className="num">{t('rec.shown')}</th><th className="num">{t('rec.taken')}</th><th className="num">{t('rec.rate')}</th></tr></thead>
          <tbody>
            {pairs.data?.pairs.map((p) => (
              <tr key={`${p.anchor}-${p.item}`}>
                <td>{p.anchorName ?? p.anchor} <span className="mono muted">{p.anchor}</span></td>
                <td>{p.itemName ?? p.item} <span className="mono muted">{p.item}</span></td>
                <td className="num">{p.impressions}</td>
                <td className="num">{p.accepts}</td>
                <td className="num">{p.impressions ? `${(p.rate * 100).toFixed(1)}%` : '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {pairs.data && pairs.data.pairs.length === 0 && <p className="adm-empty">{t('rec.empty')}</p>}
      </div>
    </section>
  );
}
