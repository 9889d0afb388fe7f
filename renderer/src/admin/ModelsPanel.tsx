// Runs: dom (renderer). Model versions: what is installed (from the models table), what is loaded
// now, and rollback to an earlier version (managers and up; audited; loads on the next start).
import { useState } from 'react';
import { call } from '../api.ts';
import { useT } from '../i18n/index.tsx';
import { NoteBar, errorText, useDateTime, useLoad, type Note } from './ui.tsx';
import './admin.css';

export function ModelsPanel() {
  const t = useT();
  const fmt = useDateTime();
  const models = useLoad('admin.models.list', {}, []);
  const [note, setNote] = useState<Note>(null);
  const rollback = async (name: string, version: string) => {
    if (!window.confirm(t('admin.models.confirm', { name, version }))) return;
    try {
      await call('admin.models.rollback', { name, version });
      setNote({ kind: 'ok', text: t('admin.models.rolledBack', { name, version }) });
      models.reload();
    } catch (e) {
      setNote({ kind: 'err', text: errorText(e) });
    }
  };
  const d = models.data;
  return (
    <section className="adm" aria-labelledby="models-title">
      <div className="adm__head">
        <div>
          <h2 className="adm__title" id="models-title">{t('admin.panel.models')}</h2>
          <p className="adm__sub">{t('admin.models.subtitle')}</p>
        </div>
      </div>
      <NoteBar note={note ?? (models.error ? { kind: 'err', text: models.error } : null)} />
      {d && (
        <>
          <div className="adm__card">
            <h3>{t('admin.models.loaded')}</h3>
            {d.loaded.length ? (
              <dl className="adm-kv">
                {d.loaded.map((m) => (
                  <div key={m.name} style={{ display: 'contents' }}>
                    <dt>{m.name}</dt>
                    <dd><span className="tag tag--ok">{m.version}</span> <span className="muted">{m.variant}</span></dd>
                  </div>
                ))}
              </dl>
            ) : (
              <p className="adm__sub">{d.loadError ? t('admin.models.loadError', { error: d.loadError }) : t('admin.models.none')}</p>
            )}
          </div>
          <div className="adm-table-wrap">
            <table className="adm-table">
              <thead>
                <tr>
                  <th>{t('admin.models.name')}</th>
                  <th>{t('admin.models.version')}</th>
                  <th>{t('admin.models.kind')}</th>
                  <th>{t('admin.models.status')}</th>
                  <th>{t('admin.models.installed')}</th>
                  <th className="num" />
                </tr>
              </thead>
              <tbody>
                {d.installed.map((m) => (
                  <tr key={`${m.name}@${m.version}`}>
                    <td>{m.name}</td>
                    <td className="mono">{m.version}</td>
                    <td>{m.kind}</td>
                    <td><span className={`tag ${m.status === 'active' ? 'tag--ok' : m.status === 'failed' ? 'tag--bad' : 'tag--off'}`}>{t(`admin.models.st.${m.status}`)}</span></td>
                    <td className="muted nowrap">{fmt(m.installedAt)}</td>
                    <td className="num">{m.status === 'standby' && <button type="button" className="btn btn--ghost btn--sm" onClick={() => void rollback(m.name, m.version)}>{t('admin.models.rollback')}</button>}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            {d.installed.length === 0 && <p className="adm-empty">{t('admin.models.shippedOnly')}</p>}
          </div>
        </>
      )}
    </section>
  );
}
