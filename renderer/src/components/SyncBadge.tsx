// Runs: dom (renderer). The sync indicator in the staff header (POS and back office): online /
// offline / syncing, rows waiting to upload, rows the platform refused, and the last good sync.
// Live: each `sync.state` event updates it at once and then re-reads `sync.status` for the rest.
import { useCallback, useEffect, useState } from 'react';
import { call, subscribe } from '../api.ts';
import type { SyncStatusView } from '../../../common/api/sync.ts';
import { useI18n, useT } from '../i18n/index.tsx';
import './SyncBadge.css';

type State = SyncStatusView['state'];

/** Colour family of each state: ok (online), busy (syncing), warn (offline, not connected), bad. */
export const SYNC_TONE: Record<State, 'ok' | 'busy' | 'warn' | 'bad'> = {
  idle: 'ok',
  syncing: 'busy',
  offline: 'warn',
  not_enrolled: 'warn',
  revoked: 'bad',
  error: 'bad',
};

const REFRESH_MS = 30_000;

/** sync.status kept fresh by the sync.state event (plus a slow poll for the "last sync" clock). */
export function useSyncStatus(): { status: SyncStatusView | null; error: string | null; refresh: () => void } {
  const [status, setStatus] = useState<SyncStatusView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const refresh = useCallback(() => {
    call('sync.status', {})
      .then((s) => (setStatus(s), setError(null)))
      .catch((e: unknown) => setError(e instanceof Error ? e.message : String(e)));
  }, []);
  useEffect(() => {
    refresh();
    let off = () => {};
    try {
      off = subscribe('sync.state', (p) => {
        setStatus((s) => (s ? { ...s, state: (p.state as State) ?? s.state, pending: p.pending } : s));
        if (p.state !== 'syncing') refresh();
      });
    } catch {
      // No event channel (a bare page): the poll below still keeps it current.
    }
    const timer = setInterval(refresh, REFRESH_MS);
    return () => {
      off();
      clearInterval(timer);
    };
  }, [refresh]);
  return { status, error, refresh };
}

/** "3 min ago"-style time in the terminal's language; the exact time is in the title. */
export function useAgo() {
  const { locale } = useI18n();
  return useCallback(
    (iso: string | null, now = Date.now()) => {
      if (!iso) return null;
      const secs = Math.round((Date.parse(iso) - now) / 1000);
      const rtf = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
      const abs = Math.abs(secs);
      if (abs < 60) return rtf.format(secs, 'second');
      if (abs < 3600) return rtf.format(Math.round(secs / 60), 'minute');
      if (abs < 86_400) return rtf.format(Math.round(secs / 3600), 'hour');
      return rtf.format(Math.round(secs / 86_400), 'day');
    },
    [locale],
  );
}

export function SyncBadge() {
  const t = useT();
  const ago = useAgo();
  const { status, error } = useSyncStatus();
  if (!status) {
    return error ? (
      <span className="sync-badge sync-badge--bad" data-testid="sync-badge" data-state="unknown" title={error}>
        <span className="sync-badge__dot" aria-hidden="true" />
        <span className="sync-badge__state">{t('sync.state.unknown')}</span>
      </span>
    ) : null;
  }
  const tone = SYNC_TONE[status.state];
  const last = ago(status.lastSyncAt);
  return (
    <span
      className={`sync-badge sync-badge--${tone}`}
      data-testid="sync-badge"
      data-state={status.state}
      role="status"
      aria-live="polite"
      title={status.lastError ?? (status.lastSyncAt ? new Date(status.lastSyncAt).toLocaleString() : '')}
    >
      <span className="sync-badge__dot" aria-hidden="true" />
      <span className="sync-badge__state" data-testid="sync-state">{t(`sync.state.${status.state}`)}</span>
      <span className="sync-badge__count" data-testid="sync-pending">{t('sync.badge.pending', { count: status.pending })}</span>
      {status.quarantined > 0 && (
        <span className="sync-badge__count sync-badge__count--bad" data-testid="sync-quarantined">{t('sync.badge.quarantined', { count: status.quarantined })}</span>
      )}
      <span className="sync-badge__last" data-testid="sync-last">{last ? t('sync.badge.last', { when: last }) : t('sync.badge.never')}</span>
    </span>
  );
}
