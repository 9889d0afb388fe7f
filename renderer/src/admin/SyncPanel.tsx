// Runs: dom (renderer). Sync with the central platform, for the back office: connection and
// enrollment, backlog, the last error, rows the platform refused (with its reasons), model
// versions this terminal reports, the store's terminals and hub (StoreCard), "Sync now" and "Send
// refused records again" (managers and up).
// Live via `sync.state`.
import { useState } from 'react';
import { call } from '../api.ts';
import { useT } from '../i18n/index.tsx';
import { hrefFor } from '../lib/route.ts';
import { roleAllows } from '../../../common/api/define.ts';
import { SYNC_TONE, useAgo, useSyncStatus } from '../components/SyncBadge.tsx';
import type { StaffPanelProps } from '../staff/panels.tsx';
import { NoteBar, errorText, useDateTime, useLoad, useReloadAfterSync, type Note } from './ui.tsx';
import { StoreCard } from './StoreCard.tsx';
import './admin.css';

const TAG = { ok: 'tag--ok', busy: 'tag--warn', warn: 'tag--warn', bad: 'tag--bad' } as const;

export function SyncPanel({ session }: StaffPanelProps) {
  const t = useT();
  const fmt = useDateTime();
  const ago = useAgo();
  const { status, error, refresh } = useSyncStatus();
  const quarantined = useLoad('sync.quarantined', { limit: 100 }, []);
  const [note, setNote] = useState<Note>(null);
  const [busy, setBusy] = useState(false);
  const canSync = roleAllows(session.user.role, 'manager');

  // Quarantined rows change only after a pass: re-read them when one ends.
  useReloadAfterSync(quarantined.reload);

  /** Runs one staff action; its answer becomes the note, and the panel re-reads what it changed. */
  const act = async (action: () => Promise<string>, runningText?: string) => {
    setBusy(true);
    if (runningText) setNote({ kind: 'info', text: runningText });
    try {
      setNote({ kind: 'ok', text: await action() });
    } catch (e) {
      setNote({ kind: 'err', text: errorText(e) });
    } finally {
      setBusy(false);
      refresh();
      quarantined.reload();
    }
  };

  const syncNow = () =>
    act(async () => {
      const r = await call('sync.now', {});
      const down = Object.entries(r.downloaded).filter(([k]) => k !== 'skipped').reduce((n, [, v]) => n + v, 0);
      return t('sync.panel.done', { uploaded: r.uploaded, downloaded: down, pending: r.pending });
    }, t('sync.panel.running'));

  const requeue = () => act(async () => t('sync.panel.requeued', { count: (await call('sync.requeue', { all: true })).requeued }));

  const s = status;
  return (
    <section className="adm" aria-labelledby="sync-title" data-testid="sync-panel">
      <div className="adm__head">
        <div>
          <h2 className="adm__title" id="sync-title">{t('admin.panel.sync')}</h2>
          <p className="adm__sub">{t('sync.panel.subtitle')}</p>
        </div>
        {canSync && (
          <button type="button" className="btn btn--primary" onClick={() => void syncNow()} disabled={busy || !s?.enrolled || s.state === 'revoked'} data-testid="sync-now">
            {busy ? t('sync.panel.running') : t('sync.panel.now')}
          </button>
        )}
      </div>
      <NoteBar note={note ?? (error ? { kind: 'err', text: error } : quarantined.error ? { kind: 'err', text: quarantined.error } : null)} />
      {s && (
        <>
          <div className="adm__card">
            <h3>{t('sync.panel.connection')}</h3>
            <dl className="adm-kv">
              <dt>{t('sync.panel.state')}</dt>
              <dd><span className={`tag ${TAG[SYNC_TONE[s.state]]}`} data-testid="sync-panel-state">{t(`sync.state.${s.state}`)}</span></dd>
              <dt>{t('sync.panel.enrollment')}</dt>
              <dd data-testid="sync-panel-enrollment">{s.enrolled ? t('sync.panel.enrolled', { store: s.storeId ?? '?', server: s.server ?? '?' }) : t('sync.panel.notEnrolled')}</dd>
              {s.terminalId && (
                <>
                  <dt>{t('sync.panel.terminal')}</dt>
                  <dd className="mono">{s.terminalId}</dd>
                </>
              )}
              <dt>{t('sync.panel.lastSync')}</dt>
              <dd>{s.lastSyncAt ? <span title={fmt(s.lastSyncAt)}>{ago(s.lastSyncAt)}</span> : t('sync.badge.never')}</dd>
              <dt>{t('sync.panel.lastError')}</dt>
              <dd data-testid="sync-panel-error">{s.lastError ? <span className="tag tag--bad">{s.lastError}</span> : <span className="muted">{t('sync.panel.noError')}</span>}</dd>
            </dl>
            {!s.enrolled && <p className="adm__sub">{t('sync.panel.enrollHint')}</p>}
          </div>
          <div className="adm__card">
            <h3>{t('sync.panel.backlog')}</h3>
            <dl className="adm-kv">
              <dt>{t('sync.panel.pending')}</dt>
              <dd data-testid="sync-panel-pending">{s.pending}</dd>
              <dt>{t('sync.panel.quarantined')}</dt>
              <dd data-testid="sync-panel-quarantined">{s.quarantined}</dd>
            </dl>
          </div>
          {s.enrolled && roleAllows(session.user.role, 'supervisor') && <StoreCard />}
          <div className="adm__card">
            <h3>{t('sync.panel.models')}</h3>
            {s.models.length ? (
              <dl className="adm-kv">
                {s.models.map((m) => (
                  <div key={`${m.name}@${m.version}`} style={{ display: 'contents' }}>
                    <dt>{m.name}</dt>
                    <dd><span className={`tag ${m.status === 'active' ? 'tag--ok' : 'tag--bad'}`}>{m.version}</span> <span className="muted">{t(`admin.models.st.${m.status === 'active' ? 'active' : 'failed'}`)}</span></dd>
                  </div>
                ))}
              </dl>
            ) : (
              <p className="adm__sub">{t('sync.panel.noModels')}</p>
            )}
            {roleAllows(session.user.role, 'manager') && <a href={hrefFor('admin', 'models')} data-testid="sync-models-link">{t('sync.panel.modelsLink')}</a>}
          </div>
        </>
      )}
      <div className="adm-table-wrap">
        <div className="adm__head" style={{ padding: '16px 16px 0' }}>
          <h3 className="adm__title" style={{ fontSize: 21 }}>{t('sync.panel.refused', { count: quarantined.data?.total ?? 0 })}</h3>
          {canSync && (quarantined.data?.total ?? 0) > 0 && (
            <button type="button" className="btn" onClick={() => void requeue()} disabled={busy} data-testid="sync-requeue" title={t('sync.panel.requeueHint')}>
              {t('sync.panel.requeue')}
            </button>
          )}
        </div>
        <table className="adm-table" data-testid="sync-quarantine-table">
          <thead>
            <tr>
              <th>{t('sync.panel.col.seq')}</th>
              <th>{t('sync.panel.col.kind')}</th>
              <th>{t('sync.panel.col.record')}</th>
              <th>{t('sync.panel.col.created')}</th>
              <th>{t('sync.panel.col.reason')}</th>
            </tr>
          </thead>
          <tbody>
            {(quarantined.data?.rows ?? []).map((r) => (
              <tr key={r.seq} data-testid="sync-quarantine-row">
                <td className="mono">{r.seq}</td>
                <td>{r.kind}</td>
                <td className="mono">{r.recordId}</td>
                <td className="muted nowrap">{fmt(r.createdAt)}</td>
                <td>{r.reason ?? '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {quarantined.data && quarantined.data.rows.length === 0 && <p className="adm-empty">{t('sync.panel.noneRefused')}</p>}
      </div>
    </section>
  );
}
