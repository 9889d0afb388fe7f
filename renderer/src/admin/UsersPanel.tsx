// Runs: dom (renderer). Staff accounts (admins only): add with a role and PIN, deactivate, reset a
// PIN (which also reactivates). The core refuses deactivating yourself or the last admin and
// audits every change; PINs are never shown or logged.
import { useState } from 'react';
import { call } from '../api.ts';
import { roles, type Role } from '../../../common/api/define.ts';
import { useT } from '../i18n/index.tsx';
import type { StaffPanelProps } from '../staff/panels.tsx';
import { NoteBar, errorText, useDateTime, useLoad, type Note } from './ui.tsx';
import './admin.css';

export function UsersPanel({ session }: StaffPanelProps) {
  const t = useT();
  const fmt = useDateTime();
  const users = useLoad('admin.users.list', {}, []);
  const [note, setNote] = useState<Note>(null);
  const [form, setForm] = useState<{ name: string; role: Role; pin: string }>({ name: '', role: 'cashier', pin: '' });
  const [resetFor, setResetFor] = useState<string | null>(null);
  const [newPin, setNewPin] = useState('');

  const act = async (fn: () => Promise<unknown>, ok: string) => {
    try {
      await fn();
      setNote({ kind: 'ok', text: ok });
      users.reload();
    } catch (e) {
      setNote({ kind: 'err', text: errorText(e) });
    }
  };

  return (
    <section className="adm" aria-labelledby="users-title">
      <div className="adm__head">
        <div>
          <h2 className="adm__title" id="users-title">{t('admin.panel.staff')}</h2>
          <p className="adm__sub">{t('admin.users.subtitle')}</p>
        </div>
      </div>
      <NoteBar note={note ?? (users.error ? { kind: 'err', text: users.error } : null)} />
      <div className="adm-table-wrap">
        <table className="adm-table" data-testid="users-table">
          <thead>
            <tr>
              <th>{t('admin.users.name')}</th>
              <th>{t('admin.users.role')}</th>
              <th>{t('admin.users.status')}</th>
              <th>{t('admin.users.created')}</th>
              <th className="num">{t('admin.users.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {users.data?.users.map((u) => (
              <tr key={u.id}>
                <td><strong>{u.name}</strong>{u.id === session.user.id && <span className="adm__sub"> · {t('admin.users.you')}</span>}</td>
                <td>{t(`role.${u.role}`)}</td>
                <td>
                  {u.active ? <span className="tag tag--ok">{t('admin.users.active')}</span> : <span className="tag tag--off">{t('admin.users.inactive')}</span>}
                  {u.locked && <span className="tag tag--bad"> {t('admin.users.locked')}</span>}
                </td>
                <td className="muted nowrap">{fmt(u.createdAt)}</td>
                <td className="num nowrap">
                  {resetFor === u.id ? (
                    <span className="adm-correct">
                      <input inputMode="numeric" pattern="\d*" maxLength={8} value={newPin} onChange={(e) => setNewPin(e.target.value.replace(/\D/g, ''))} placeholder={t('admin.users.newPin')} aria-label={t('admin.users.newPin')} />
                      <button type="button" className="btn btn--solid btn--sm" onClick={() => void act(() => call('admin.users.resetPin', { id: u.id, pin: newPin }), t('admin.users.pinReset', { name: u.name })).then(() => { setResetFor(null); setNewPin(''); })}>{t('admin.common.save')}</button>
                      <button type="button" className="btn btn--ghost btn--sm" onClick={() => setResetFor(null)}>{t('admin.common.cancel')}</button>
                    </span>
                  ) : (
                    <span className="adm__actions" style={{ justifyContent: 'flex-end' }}>
                      <button type="button" className="btn btn--ghost btn--sm" onClick={() => { setResetFor(u.id); setNewPin(''); }}>{u.active ? t('admin.users.resetPin') : t('admin.users.reactivate')}</button>
                      {u.active && u.id !== session.user.id && (
                        <button type="button" className="btn btn--danger btn--sm" onClick={() => window.confirm(t('admin.users.confirmDeactivate', { name: u.name })) && void act(() => call('admin.users.deactivate', { id: u.id }), t('admin.users.deactivated', { name: u.name }))}>
                          {t('admin.users.deactivate')}
                        </button>
                      )}
                    </span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="adm__card">
        <h3>{t('admin.users.add')}</h3>
        <div className="adm-filters">
          <label className="adm-field">{t('admin.users.name')}<input value={form.name} onChange={(e) => setForm({ ...form, name: e.target.value })} /></label>
          <label className="adm-field">
            {t('admin.users.role')}
            <select value={form.role} onChange={(e) => setForm({ ...form, role: e.target.value as Role })}>
              {roles.map((r) => <option key={r} value={r}>{t(`role.${r}`)}</option>)}
            </select>
          </label>
          <label className="adm-field">{t('admin.users.pin')}<input inputMode="numeric" maxLength={8} value={form.pin} onChange={(e) => setForm({ ...form, pin: e.target.value.replace(/\D/g, '') })} /></label>
          <div className="adm__actions">
            <button type="button" className="btn btn--solid" onClick={() => void act(() => call('admin.users.add', form), t('admin.users.added', { name: form.name })).then(() => setForm({ name: '', role: 'cashier', pin: '' }))}>{t('admin.users.add')}</button>
          </div>
        </div>
      </div>
    </section>
  );
}
