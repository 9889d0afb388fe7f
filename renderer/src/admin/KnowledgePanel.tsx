// Runs: dom (renderer). The knowledge-base editor: the entries the kiosk answers from, the weekly
// opening hours and holiday exceptions. The core validates every save (zod) and audits it; its
// message is shown as-is when it refuses one.
import { useEffect, useState } from 'react';
import { call } from '../api.ts';
import type { OpOutput } from '../../../common/api/index.ts';
import { useT, type MessageKey } from '../i18n/index.tsx';
import { NoteBar, errorText, useLoad, type Note } from './ui.tsx';
import './admin.css';

type Kb = OpOutput<'admin.kb.get'>;
type Entry = Kb['entries'][number];
const KINDS = ['policy', 'service', 'facility', 'payment', 'loyalty', 'delivery', 'promotion', 'faq'] as const;
const blank: Omit<Entry, 'updatedAt'> = { id: '', kind: 'faq', title: '', body: '', keywords: '' };

export function KnowledgePanel() {
  const t = useT();
  const kb = useLoad('admin.kb.get', {}, []);
  const [tab, setTab] = useState<'entries' | 'hours'>('entries');
  const [note, setNote] = useState<Note>(null);
  return (
    <section className="adm" aria-labelledby="kb-title">
      <div className="adm__head">
        <div>
          <h2 className="adm__title" id="kb-title">{t('admin.panel.store')}</h2>
          <p className="adm__sub">{t('admin.kb.subtitle')}</p>
        </div>
        <div className="adm-tabs" role="group">
          <button type="button" aria-pressed={tab === 'entries'} onClick={() => setTab('entries')}>{t('admin.kb.tab.entries')}</button>
          <button type="button" aria-pressed={tab === 'hours'} onClick={() => setTab('hours')}>{t('admin.kb.tab.hours')}</button>
        </div>
      </div>
      <NoteBar note={note ?? (kb.error ? { kind: 'err', text: kb.error } : null)} />
      {kb.data && tab === 'entries' && <Entries kb={kb.data} reload={kb.reload} setNote={setNote} />}
      {kb.data && tab === 'hours' && <Hours kb={kb.data} reload={kb.reload} setNote={setNote} />}
    </section>
  );
}

function Entries({ kb, reload, setNote }: { kb: Kb; reload: () => void; setNote: (n: Note) => void }) {
  const t = useT();
  const [selected, setSelected] = useState<string | null>(kb.entries[0]?.id ?? null);
  const current = kb.entries.find((e) => e.id === selected);
  const [draft, setDraft] = useState<Omit<Entry, 'updatedAt'>>(current ?? blank);
  useEffect(() => setDraft(current ?? blank), [current]);
  const isNew = !current;

  const save = async () => {
    try {
      const saved = await call('admin.kb.save', { ...draft, keywords: draft.keywords });
      setNote({ kind: 'ok', text: t('admin.kb.saved', { title: saved.title }) });
      setSelected(saved.id);
      reload();
    } catch (e) {
      setNote({ kind: 'err', text: errorText(e) });
    }
  };
  const remove = async () => {
    if (!current || !window.confirm(t('admin.kb.confirmDelete', { title: current.title }))) return;
    try {
      await call('admin.kb.delete', { id: current.id });
      setNote({ kind: 'ok', text: t('admin.kb.deleted') });
      setSelected(null);
      reload();
    } catch (e) {
      setNote({ kind: 'err', text: errorText(e) });
    }
  };

  return (
    <div className="adm-kb">
      <div className="adm__card">
        <div className="adm__actions">
          <h3>{t('admin.kb.entries', { n: kb.entries.length })}</h3>
          <button type="button" className="btn btn--ghost btn--sm" onClick={() => setSelected(null)}>{t('admin.kb.new')}</button>
        </div>
        <div className="adm-kb__list">
          {kb.entries.map((e) => (
            <button type="button" key={e.id} className="adm-kb__item" aria-current={e.id === selected} onClick={() => setSelected(e.id)}>
              <strong>{e.title}</strong>
              <small>{t(`admin.kb.kind.${e.kind}` as MessageKey)} · {e.id}</small>
            </button>
          ))}
        </div>
      </div>
      <div className="adm__card">
        <h3>{isNew ? t('admin.kb.new') : t('admin.kb.edit')}</h3>
        <div className="adm-grid2">
          <label className="adm-field">
            {t('admin.kb.id')}
            <input value={draft.id} disabled={!isNew} onChange={(e) => setDraft({ ...draft, id: e.target.value })} placeholder="policy.returns" />
          </label>
          <label className="adm-field">
            {t('admin.kb.kind')}
            <select value={draft.kind} onChange={(e) => setDraft({ ...draft, kind: e.target.value as Entry['kind'] })}>
              {KINDS.map((k) => <option key={k} value={k}>{t(`admin.kb.kind.${k}` as MessageKey)}</option>)}
            </select>
          </label>
        </div>
        <label className="adm-field">
          {t('admin.kb.title')}
          <input value={draft.title} onChange={(e) => setDraft({ ...draft, title: e.target.value })} />
        </label>
        <label className="adm-field">
          {t('admin.kb.body')}
          <textarea value={draft.body} onChange={(e) => setDraft({ ...draft, body: e.target.value })} rows={7} />
        </label>
        <label className="adm-field">
          {t('admin.kb.keywords')}
          <input value={draft.keywords} onChange={(e) => setDraft({ ...draft, keywords: e.target.value })} placeholder={t('admin.kb.keywords.hint')} />
        </label>
        <div className="adm__actions">
          <button type="button" className="btn btn--solid" onClick={() => void save()}>{t('admin.common.save')}</button>
          {!isNew && <button type="button" className="btn btn--danger" onClick={() => void remove()}>{t('admin.common.delete')}</button>}
        </div>
      </div>
    </div>
  );
}

const WEEKDAYS = [0, 1, 2, 3, 4, 5, 6];

function Hours({ kb, reload, setNote }: { kb: Kb; reload: () => void; setNote: (n: Note) => void }) {
  const t = useT();
  const [hours, setHours] = useState(WEEKDAYS.map((d) => kb.hours.find((h) => h.weekday === d) ?? { weekday: d, opens: null, closes: null }));
  const [holiday, setHoliday] = useState({ date: '', opens: '', closes: '', note: '' });
  const dayName = (d: number) => new Intl.DateTimeFormat(undefined, { weekday: 'long' }).format(new Date(Date.UTC(2023, 0, 1 + d)));

  const saveHours = async () => {
    try {
      await call('admin.hours.save', { hours });
      setNote({ kind: 'ok', text: t('admin.hours.saved') });
      reload();
    } catch (e) {
      setNote({ kind: 'err', text: errorText(e) });
    }
  };
  const addHoliday = async () => {
    try {
      await call('admin.holidays.save', { date: holiday.date, opens: holiday.opens || null, closes: holiday.closes || null, note: holiday.note });
      setNote({ kind: 'ok', text: t('admin.holidays.saved') });
      setHoliday({ date: '', opens: '', closes: '', note: '' });
      reload();
    } catch (e) {
      setNote({ kind: 'err', text: errorText(e) });
    }
  };
  const removeHoliday = async (date: string) => {
    try {
      await call('admin.holidays.delete', { date });
      reload();
    } catch (e) {
      setNote({ kind: 'err', text: errorText(e) });
    }
  };

  return (
    <>
      <div className="adm__card">
        <h3>{t('admin.hours.title')}</h3>
        <div className="adm-hours">
          {hours.map((h, i) => (
            <div key={h.weekday} style={{ display: 'contents' }}>
              <span className="adm-hours__day">{dayName(h.weekday)}</span>
              <input className="adm-input" type="time" aria-label={t('admin.hours.opens')} value={h.opens ?? ''} disabled={h.opens === null} onChange={(e) => setHours(hours.map((x, j) => (j === i ? { ...x, opens: e.target.value } : x)))} />
              <input className="adm-input" type="time" aria-label={t('admin.hours.closes')} value={h.closes ?? ''} disabled={h.closes === null} onChange={(e) => setHours(hours.map((x, j) => (j === i ? { ...x, closes: e.target.value } : x)))} />
              <label className="adm-check">
                <input type="checkbox" checked={h.opens === null} onChange={(e) => setHours(hours.map((x, j) => (j === i ? (e.target.checked ? { ...x, opens: null, closes: null } : { ...x, opens: '09:00', closes: '17:00' }) : x)))} />
                {t('admin.hours.closed')}
              </label>
            </div>
          ))}
        </div>
        <div className="adm__actions">
          <button type="button" className="btn btn--solid" onClick={() => void saveHours()}>{t('admin.common.save')}</button>
        </div>
      </div>
      <div className="adm__card">
        <h3>{t('admin.holidays.title')}</h3>
        <table className="adm-table">
          <tbody>
            {kb.holidays.map((h) => (
              <tr key={h.date}>
                <td className="nowrap">{h.date}</td>
                <td>{h.opens ? `${h.opens} – ${h.closes}` : <span className="tag tag--off">{t('admin.hours.closed')}</span>}</td>
                <td>{h.note}</td>
                <td className="num"><button type="button" className="btn btn--danger btn--sm" onClick={() => void removeHoliday(h.date)}>{t('admin.common.delete')}</button></td>
              </tr>
            ))}
          </tbody>
        </table>
        <div className="adm-filters">
          <label className="adm-field">{t('admin.holidays.date')}<input type="date" value={holiday.date} onChange={(e) => setHoliday({ ...holiday, date: e.target.value })} /></label>
          <label className="adm-field">{t('admin.hours.opens')}<input type="time" value={holiday.opens} onChange={(e) => setHoliday({ ...holiday, opens: e.target.value })} /></label>
          <label className="adm-field">{t('admin.hours.closes')}<input type="time" value={holiday.closes} onChange={(e) => setHoliday({ ...holiday, closes: e.target.value })} /></label>
          <label className="adm-field">{t('admin.holidays.note')}<input value={holiday.note} onChange={(e) => setHoliday({ ...holiday, note: e.target.value })} /></label>
        </div>
        <div className="adm__actions">
          <button type="button" className="btn btn--solid" onClick={() => void addHoliday()}>{t('admin.holidays.add')}</button>
          <span className="adm__sub">{t('admin.holidays.hint')}</span>
        </div>
      </div>
    </>
  );
}
