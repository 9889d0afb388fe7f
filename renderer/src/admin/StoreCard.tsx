// Runs: dom (renderer). The store as one system, on the back office's Sync screen: every terminal
// of the store with its last contact and what it still holds, and — where the store has a hub —
// the hub's backlog to the platform and its link. Read from the hub through `sync.store`;
// re-read after each sync pass.
import { useAgo } from '../components/SyncBadge.tsx';
import { useT } from '../i18n/index.tsx';
import { useDateTime, useLoad, useReloadAfterSync } from './ui.tsx';

export function StoreCard() {
  const t = useT();
  const ago = useAgo();
  const fmt = useDateTime();
  const store = useLoad('sync.store', {}, []);
  useReloadAfterSync(store.reload);

  const s = store.data;
  return (
    <div className="adm__card" data-testid="sync-store">
      <h3>{t('sync.store.title')}</h3>
      {store.error && !s && <p className="adm__sub" data-testid="sync-store-error">{store.error}</p>}
      {s && (
        <>
          <dl className="adm-kv">
            <dt>{t('sync.store.via')}</dt>
            <dd data-testid="sync-store-via">{s.via === 'hub' ? t('sync.store.viaHub') : t('sync.store.viaPlatform')}</dd>
            {s.platform && (
              <>
                <dt>{t('sync.store.upstream')}</dt>
                <dd data-testid="sync-store-backlog">{t('sync.store.backlog', { count: s.upstreamBacklog })}</dd>
                <dt>{t('sync.store.link')}</dt>
                <dd data-testid="sync-store-link">
                  {s.platform.lastError ? <span className="tag tag--bad">{s.platform.lastError}</span> : null}{' '}
                  {s.platform.lastOkAt ? <span title={fmt(s.platform.lastOkAt)}>{t('sync.store.lastOk', { when: ago(s.platform.lastOkAt) ?? '' })}</span> : <span className="muted">{t('sync.store.neverOk')}</span>}
                </dd>
              </>
            )}
          </dl>
          <table className="adm-table" data-testid="sync-store-terminals">
            <thead>
              <tr>
                <th>{t('sync.store.col.name')}</th>
                <th>{t('sync.store.col.seen')}</th>
                <th>{t('sync.store.col.pending')}</th>
              </tr>
            </thead>
            <tbody>
              {s.terminals.map((x) => (
                <tr key={x.id} data-testid="sync-store-terminal">
                  <td>
                    {x.name || <span className="mono">{x.id.slice(0, 8)}</span>} {x.revoked && <span className="tag tag--bad">{t('sync.store.revoked')}</span>}
                  </td>
                  <td className="nowrap">{x.lastContact ? <span title={fmt(x.lastContact)}>{ago(x.lastContact)}</span> : t('sync.badge.never')}</td>
                  <td>{x.pending}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </div>
  );
}
