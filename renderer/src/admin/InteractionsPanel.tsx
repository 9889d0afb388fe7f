// Runs: dom (renderer). Kiosk interactions: search and filters, keyset paging ("Load more" passes
// the core's cursor back), intent corrections inline (they become training examples), CSV export
// for managers. Only redacted text ever reaches this screen.
import { useEffect, useState } from 'react';
import { call } from '../api.ts';
import type { OpOutput } from '../../../common/api/index.ts';
import type { InteractionFilterInput } from '../../../common/api/admin.ts';
import { roleAllows } from '../../../common/api/define.ts';
import { useI18n, useT } from '../i18n/index.tsx';
import type { StaffPanelProps } from '../staff/panels.tsx';
import { NoteBar, errorText, useLoad, type Note } from './ui.tsx';
import './admin.css';

type Row = OpOutput<'admin.interactions.list'>['items'][number];

const dayStart = (d: string) => (d ? new Date(`${d}T00:00:00`).toISOString() : undefined);
const dayAfter = (d: string) => (d ? new Date(new Date(`${d}T00:00:00`).getTime() + 86_400_000).toISOString() : undefined);

export function InteractionsPanel({ session }: StaffPanelProps) {
  const t = useT();
  const { locale } = useI18n();
  const fmtDate = (iso: string) => new Intl.DateTimeFormat(locale, { month: 'short', day: 'numeric' }).format(new Date(iso));
  const fmtTime = (iso: string) => new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit' }).format(new Date(iso));
  const [q, setQ] = useState('');
  const [debouncedQ, setDebouncedQ] = useState('');
  const [intent, setIntent] = useState('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [handoff, setHandoff] = useState<'' | 'yes' | 'no'>('');
  const [feedback, setFeedback] = useState<'' | 'up' | 'down' | 'none'>('');
  const [corrected, setCorrected] = useState(false);
  const [rows, setRows] = useState<Row[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const [note, setNote] = useState<Note>(null);
  const [editing, setEditing] = useState<string | null>(null);
  const intents = useLoad('admin.interactions.intents', {}, []);

  useEffect(() => {
    const h = setTimeout(() => setDebouncedQ(q.trim()), 250);
    return () => clearTimeout(h);
  }, [q]);

  const filter: InteractionFilterInput = {
    ...(debouncedQ ? { q: debouncedQ } : {}),
    ...(intent ? { intent } : {}),
    ...(from ? { from: dayStart(from)! } : {}),
    ...(to ? { to: dayAfter(to)! } : {}),
    ...(handoff ? { handoff: handoff === 'yes' } : {}),
    ...(feedback ? { feedback } : {}),
    ...(corrected ? { corrected: true } : {}),
  };
  const key = JSON.stringify(filter);

  const load = async (after: string | null) => {
    setLoading(true);
    try {
      const page = await call('admin.interactions.list', { filter, limit: 50, ...(after ? { cursor: after } : {}) });
      setRows((prev) => (after ? [...prev, ...page.items] : page.items));
      setCursor(page.nextCursor);
      if (!after) setNote(null);
    } catch (e) {
      setNote({ kind: 'err', text: errorText(e) });
    } finally {
      setLoading(false);
    }
  };

  useEffect(() => {
    void load(null);
    // The filter's JSON is the dependency: a new filter starts again from the first page.
  }, [key]);

  const exportCsv = async () => {
    try {
      const r = await call('admin.interactions.export', { filter });
      const url = URL.createObjectURL(new Blob([r.csv], { type: 'text/csv;charset=utf-8' }));
      const a = document.createElement('a');
      a.href = url;
      a.download = `interactions-${new Date().toISOString().slice(0, 10)}.csv`;
      a.click();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
      setNote({ kind: 'ok', text: r.truncated ? t('admin.ix.exported.truncated', { n: r.rows }) : t('admin.ix.exported', { n: r.rows }) });
    } catch (e) {
      setNote({ kind: 'err', text: errorText(e) });
    }
  };

  const saved = (row: Row) => {
    setRows((prev) => prev.map((r) => (r.id === row.id ? row : r)));
    setEditing(null);
    setNote({ kind: 'ok', text: t('admin.ix.corrected', { intent: row.correctedIntent ?? '' }) });
    if (row.correctedIntent && !intents.data?.intents.includes(row.correctedIntent)) intents.reload();
  };

  const clear = () => {
    setQ('');
    setIntent('');
    setFrom('');
    setTo('');
    setHandoff('');
    setFeedback('');
    setCorrected(false);
  };

  return (
    <section className="adm" aria-labelledby="ix-title">
      <div className="adm__head">
        <div>
          <h2 className="adm__title" id="ix-title">{t('admin.panel.interactions')}</h2>
          <p className="adm__sub">{t('admin.ix.subtitle')}</p>
        </div>
        <div className="adm__actions">
          {roleAllows(session.user.role, 'manager') && (
            <button type="button" className="btn btn--ghost" onClick={() => void exportCsv()} data-testid="ix-export">
              {t('admin.ix.export')}
            </button>
          )}
        </div>
      </div>

      <div className="adm__card">
        <div className="adm-filters">
          <label className="adm-field">
            {t('admin.ix.search')}
            <input type="search" value={q} onChange={(e) => setQ(e.target.value)} placeholder={t('admin.ix.search.placeholder')} data-testid="ix-search" />
          </label>
          <label className="adm-field">
            {t('admin.ix.intent')}
            <select value={intent} onChange={(e) => setIntent(e.target.value)} data-testid="ix-intent">
              <option value="">{t('admin.ix.any')}</option>
              {intents.data?.intents.map((i) => <option key={i} value={i}>{i}</option>)}
            </select>
          </label>
          <label className="adm-field">
            {t('admin.ix.from')}
            <input type="date" value={from} onChange={(e) => setFrom(e.target.value)} />
          </label>
          <label className="adm-field">
            {t('admin.ix.to')}
            <input type="date" value={to} onChange={(e) => setTo(e.target.value)} />
          </label>
          <label className="adm-field">
            {t('admin.ix.handoff')}
            <select value={handoff} onChange={(e) => setHandoff(e.target.value as typeof handoff)}>
              <option value="">{t('admin.ix.any')}</option>
              <option value="yes">{t('admin.ix.handoff.yes')}</option>
              <option value="no">{t('admin.ix.handoff.no')}</option>
            </select>
          </label>
          <label className="adm-field">
            {t('admin.ix.feedback')}
            <select value={feedback} onChange={(e) => setFeedback(e.target.value as typeof feedback)}>
              <option value="">{t('admin.ix.any')}</option>
              <option value="up">{t('admin.ix.feedback.up')}</option>
              <option value="down">{t('admin.ix.feedback.down')}</option>
              <option value="none">{t('admin.ix.feedback.none')}</option>
            </select>
          </label>
          <label className="adm-check">
            <input type="checkbox" checked={corrected} onChange={(e) => setCorrected(e.target.checked)} />
            {t('admin.ix.correctedOnly')}
          </label>
          <div className="adm__actions">
            <button type="button" className="btn btn--ghost btn--sm" onClick={clear}>{t('admin.ix.clear')}</button>
          </div>
        </div>
      </div>

      <NoteBar note={note} />

      <div className="adm-table-wrap">
        <table className="adm-table" data-testid="ix-table">
          <thead>
            <tr>
              <th>{t('admin.ix.col.time')}</th>
              <th>{t('admin.ix.col.question')}</th>
              <th>{t('admin.ix.col.intent')}</th>
              <th className="num">{t('admin.ix.col.confidence')}</th>
              <th>{t('admin.ix.col.outcome')}</th>
              <th>{t('admin.ix.col.label')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.id} data-testid="ix-row">
                <td className="when">{fmtDate(r.ts)}<small>{fmtTime(r.ts)}</small></td>
                <td className="text">{r.text}</td>
                <td>
                  {r.correctedIntent ? (
                    <span className="adm-correct">
                      <span className="tag tag--was">{r.intent}</span>
                      <span className="tag tag--fixed" data-testid="ix-corrected">{r.correctedIntent}</span>
                    </span>
                  ) : (
                    <span className="tag">{r.intent}</span>
                  )}
                </td>
                <td className="num">
                  <span className="conf" title={r.confidence.toFixed(2)}>
                    <span className="conf__bar"><span className={`conf__fill${r.confidence < 0.5 ? ' conf__fill--low' : ''}`} style={{ width: `${Math.round(r.confidence * 100)}%` }} /></span>
                    {Math.round(r.confidence * 100)}%
                  </span>
                </td>
                <td className="nowrap">
                  {r.handoff && <span className="tag tag--warn">{t('admin.ix.handoff.tag')}</span>}{' '}
                  {r.feedback === 1 && <span className="tag tag--ok">{t('admin.ix.feedback.up')}</span>}
                  {r.feedback === -1 && <span className="tag tag--bad">{t('admin.ix.feedback.down')}</span>}
                </td>
                <td className="nowrap">
                  {editing === r.id ? (
                    <CorrectForm row={r} intents={intents.data?.intents ?? []} onSaved={saved} onCancel={() => setEditing(null)} onError={(text) => setNote({ kind: 'err', text })} />
                  ) : (
                    <button type="button" className="btn btn--ghost btn--sm" onClick={() => setEditing(r.id)} data-testid="ix-correct">
                      {t('admin.ix.correct')}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        {rows.length === 0 && !loading && <p className="adm-empty">{t('admin.ix.empty')}</p>}
      </div>
      <div className="adm__actions">
        <span className="adm__sub">{t('admin.ix.shown', { n: rows.length })}</span>
        {cursor && (
          <button type="button" className="btn btn--ghost" disabled={loading} onClick={() => void load(cursor)} data-testid="ix-more">
            {t('admin.ix.more')}
          </button>
        )}
      </div>
    </section>
  );
}

function CorrectForm({ row, intents, onSaved, onCancel, onError }: { row: Row; intents: string[]; onSaved: (r: Row) => void; onCancel: () => void; onError: (m: string) => void }) {
  const t = useT();
  const [value, setValue] = useState(row.correctedIntent ?? '');
  const [busy, setBusy] = useState(false);
  const save = async () => {
    if (!value) return;
    setBusy(true);
    try {
      onSaved(await call('admin.interactions.correct', { id: row.id, intent: value }));
    } catch (e) {
      onError(errorText(e));
      setBusy(false);
    }
  };
  return (
    <span className="adm-correct">
      <input list={`intents-${row.id}`} value={value} onChange={(e) => setValue(e.target.value.trim())} placeholder={t('admin.ix.correct.placeholder')} aria-label={t('admin.ix.correct.label')} data-testid="ix-correct-input" />
      <datalist id={`intents-${row.id}`}>
        {intents.filter((i) => i !== row.intent).map((i) => <option key={i} value={i} />)}
      </datalist>
      <button type="button" className="btn btn--solid btn--sm" disabled={busy || !value} onClick={() => void save()} data-testid="ix-correct-save">{t('admin.common.save')}</button>
      <button type="button" className="btn btn--ghost btn--sm" onClick={onCancel}>{t('admin.common.cancel')}</button>
    </span>
  );
}
