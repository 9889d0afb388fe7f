// Runs: dom (renderer). The audit log, newest first, with the hash chain's verdict (the same check
// as `storemind audit verify`). Read-only: nobody edits history from here.
import { useState } from 'react';
import { call } from '../api.ts';
import type { OpOutput } from '../../../common/api/index.ts';
import { useT, type MessageKey } from '../i18n/index.tsx';
import { NoteBar, errorText, useDateTime, useLoad, type Note } from './ui.tsx';
import './admin.css';

type Entry = OpOutput<'admin.audit.list'>['entries'][number];

/** An entry's details as "key: value · key: value" (the raw JSON stays in the log itself). */
export function readableDetails(details: string): string {
  if (!details || details === '{}') return '';
  try {
    const d = JSON.parse(details) as Record<string, unknown>;
    return Object.entries(d)
      .map(([k, v]) => `${k.replace(/_/g, ' ')}: ${typeof v === 'object' && v !== null ? JSON.stringify(v) : String(v)}`)
      .join(' · ')
      .slice(0, 240);
  } catch {
    return details.slice(0, 160);
  }
}

/** Sign-in paths locked by wrong PINs, with the manager's way to let staff back in. */
function SignInLocks({ onNote }: { onNote: (n: Note) => void }) {
  const t = useT();
  const fmt = useDateTime();
  const [gen, setGen] = useState(0);
  const locks = useLoad('admin.signInLocks.list', {}, [gen]);
  if (!locks.data?.locks.length) return null;
  const clear = async (scope: string) => {
    try {
      await call('admin.signInLocks.clear', { scope });
      onNote({ kind: 'ok', text: t('admin.locks.cleared', { scope }) });
      setGen((g) => g + 1);
    } catch (e) {
      onNote({ kind: 'err', text: errorText(e) });
    }
  };
  return (
    <div className="adm__card" data-testid="signin-locks">
      <strong>{t('admin.locks.title')}</strong>
      {locks.data.locks.map((l) => (
        <p key={l.scope} className="adm-note adm-note--err">
          {t('admin.locks.row', { scope: l.scope, n: l.failures, until: fmt(l.lockedUntil) })}{' '}
          <button type="button" className="btn btn--ghost" onClick={() => void clear(l.scope)} data-testid={`signin-unlock-${l.scope}`}>{t('admin.locks.clear')}</button>
        </p>
      ))}
    </div>
  );
}

export function AuditPanel() {
  const t = useT();
  const actionLabel = (action: string) => {
    const key = `audit.action.${action}` as MessageKey;
    const label = t(key);
    return label === key ? action : label;
  };
  const fmt = useDateTime();
  const first = useLoad('admin.audit.list', { limit: 50 }, []);
  const [older, setOlder] = useState<Entry[]>([]);
  const [next, setNext] = useState<number | null | undefined>(undefined);
  const [note, setNote] = useState<Note>(null);
  const d = first.data;
  const cursor = next === undefined ? d?.nextBefore ?? null : next;
  const more = async () => {
    if (!cursor) return;
    try {
      const r = await call('admin.audit.list', { before: cursor, limit: 50 });
      setOlder((o) => [...o, ...r.entries]);
      setNext(r.nextBefore);
    } catch (e) {
      setNote({ kind: 'err', text: errorText(e) });
    }
  };
  const chain = d?.chain;
  return (
    <section className="adm" aria-labelledby="audit-title">
      <div className="adm__head">
        <div>
          <h2 className="adm__title" id="audit-title">{t('admin.panel.audit')}</h2>
          <p className="adm__sub">{t('admin.audit.subtitle')}</p>
        </div>
      </div>
      {chain && (
        <p className={`adm-note ${chain.ok ? 'adm-note--ok' : 'adm-note--err'}`} data-testid="audit-chain">
          {chain.ok ? t('admin.audit.intact', { n: chain.entries }) : t('admin.audit.broken', { seq: chain.firstBadSeq ?? 0, reason: chain.reason ?? '' })}
        </p>
      )}
      <NoteBar note={note ?? (first.error ? { kind: 'err', text: first.error } : null)} />
      <SignInLocks onNote={setNote} />
      <div className="adm-table-wrap">
        <table className="adm-table">
          <thead>
            <tr>
              <th className="num">#</th>
              <th>{t('admin.audit.time')}</th>
              <th>{t('admin.audit.actor')}</th>
              <th>{t('admin.audit.action')}</th>
              <th>{t('admin.audit.target')}</th>
              <th>{t('admin.audit.details')}</th>
            </tr>
          </thead>
          <tbody>
            {[...(d?.entries ?? []), ...older].map((e) => (
              <tr key={e.seq}>
                <td className="num muted">{e.seq}</td>
                <td className="nowrap muted">{fmt(e.ts)}</td>
                <td title={e.actor}>{e.actorName ?? e.actor}</td>
                <td><span className="tag" title={e.action} data-testid="audit-action">{actionLabel(e.action)}</span></td>
                <td title={e.target}>{e.targetName ?? e.target}</td>
                <td className="text">{readableDetails(e.details)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {cursor && <div className="adm__actions"><button type="button" className="btn btn--ghost" onClick={() => void more()}>{t('admin.audit.older')}</button></div>}
    </section>
  );
}
