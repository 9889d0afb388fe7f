// Runs: dom (renderer). Store settings (admins only): language, kiosk idle reset, staff session
// timeout, interaction retention, model variant and threads, the till's receipt printer (address,
// paper width, footer, included tax) with a test page. Saved together, audited by the core.
import { useEffect, useState } from 'react';
import { call } from '../api.ts';
import type { OpOutput } from '../../../common/api/index.ts';
import { useT } from '../i18n/index.tsx';
import { NoteBar, errorText, useLoad, type Note } from './ui.tsx';
import './admin.css';

type S = OpOutput<'admin.settings.get'>;

export function SettingsPanel() {
  const t = useT();
  const loaded = useLoad('admin.settings.get', {}, []);
  const [s, setS] = useState<S | null>(null);
  const [note, setNote] = useState<Note>(null);
  useEffect(() => setS(loaded.data), [loaded.data]);

  const num = (k: keyof S, v: string) => s && setS({ ...s, [k]: Number(v) });
  const save = async () => {
    if (!s) return;
    try {
      const r = await call('admin.settings.save', s);
      setS(r.settings);
      setNote({ kind: 'ok', text: r.restartRequired ? t('admin.settings.savedRestart') : t('admin.settings.saved') });
    } catch (e) {
      setNote({ kind: 'err', text: errorText(e) });
    }
  };
  const purge = async () => {
    try {
      const r = await call('admin.retention.run', {});
      setNote({ kind: 'info', text: t('admin.settings.purged', { n: r.deleted }) });
    } catch (e) {
      setNote({ kind: 'err', text: errorText(e) });
    }
  };

  const testPage = async () => {
    try {
      await call('print.test', {});
      setNote({ kind: 'info', text: t('admin.settings.printerTestQueued') });
    } catch (e) {
      setNote({ kind: 'err', text: errorText(e) });
    }
  };

  return (
    <section className="adm" aria-labelledby="settings-title">
      <div className="adm__head">
        <div>
          <h2 className="adm__title" id="settings-title">{t('admin.panel.settings')}</h2>
          <p className="adm__sub">{t('admin.settings.subtitle')}</p>
        </div>
      </div>
      <NoteBar note={note ?? (loaded.error ? { kind: 'err', text: loaded.error } : null)} />
      {s && (
        <div className="adm__card">
          <div className="adm-grid2">
            <label className="adm-field">
              {t('admin.settings.locale')}
              <select value={s.locale} onChange={(e) => setS({ ...s, locale: e.target.value as S['locale'] })}>
                <option value="en">{t('lang.en')}</option>
                <option value="zh-CN">{t('lang.zh-CN')}</option>
              </select>
            </label>
            <label className="adm-field">
              {t('admin.settings.idleReset')}
              <input type="number" min={15} max={3600} value={s.idleResetSeconds} onChange={(e) => num('idleResetSeconds', e.target.value)} />
            </label>
            <label className="adm-field">
              {t('admin.settings.sessionIdle')}
              <input type="number" min={1} max={240} value={s.sessionIdleMinutes} onChange={(e) => num('sessionIdleMinutes', e.target.value)} />
            </label>
            <label className="adm-field">
              {t('admin.settings.retention')}
              <input type="number" min={1} max={3650} value={s.interactionRetentionDays} onChange={(e) => num('interactionRetentionDays', e.target.value)} />
            </label>
            <label className="adm-field">
              {t('admin.settings.modelVariant')}
              <select value={s.modelVariant} onChange={(e) => setS({ ...s, modelVariant: e.target.value as S['modelVariant'] })}>
                <option value="auto">{t('admin.settings.variant.auto')}</option>
                <option value="int8">int8</option>
                <option value="fp32">fp32</option>
              </select>
            </label>
            <label className="adm-field">
              {t('admin.settings.modelThreads')}
              <input type="number" min={0} max={64} value={s.modelThreads} onChange={(e) => num('modelThreads', e.target.value)} />
            </label>
          </div>
          <h3>{t('admin.settings.printer')}</h3>
          <div className="adm-grid2">
            <label className="adm-field">
              {t('admin.settings.printerUrl')}
              <input value={s.printerUrl} placeholder="tcp://192.168.1.50:9100" onChange={(e) => setS({ ...s, printerUrl: e.target.value.trim() })} data-testid="settings-printer-url" />
            </label>
            <label className="adm-field">
              {t('admin.settings.printerColumns')}
              <select value={s.printerColumns} onChange={(e) => num('printerColumns', e.target.value)}>
                <option value={48}>{t('admin.settings.paper80')}</option>
                <option value={42}>{t('admin.settings.paper80b')}</option>
                <option value={32}>{t('admin.settings.paper58')}</option>
              </select>
            </label>
            <label className="adm-field">
              {t('admin.settings.receiptFooter')}
              <input value={s.receiptFooter} maxLength={300} onChange={(e) => setS({ ...s, receiptFooter: e.target.value })} />
            </label>
            <label className="adm-field">
              {t('admin.settings.taxIncluded')}
              <input type="number" min={0} max={50} step={0.01} value={s.taxIncludedBp / 100} onChange={(e) => setS({ ...s, taxIncludedBp: Math.round(Number(e.target.value) * 100) })} />
            </label>
            <label className="adm-field">
              <span>
                <input type="checkbox" checked={s.printerStatusCheck} onChange={(e) => setS({ ...s, printerStatusCheck: e.target.checked })} /> {t('admin.settings.printerStatusCheck')}
              </span>
            </label>
          </div>
          <h3>{t('admin.settings.returns')}</h3>
          <p className="adm__sub">{t('admin.settings.returns.hint')}</p>
          <div className="adm-grid2">
            <label className="adm-field">
              {t('admin.settings.returns.days')}
              <input type="number" min={1} max={365} value={s.returnPolicy.days} onChange={(e) => setS({ ...s, returnPolicy: { ...s.returnPolicy, days: Math.max(1, Math.min(365, Math.round(Number(e.target.value) || 1))) } })} data-testid="settings-return-days" />
            </label>
            <label className="adm-field">
              {t('admin.settings.returns.noReceipt')}
              <select value={s.returnPolicy.noReceipt} onChange={(e) => setS({ ...s, returnPolicy: { ...s.returnPolicy, noReceipt: e.target.value as S['returnPolicy']['noReceipt'] } })} data-testid="settings-return-no-receipt">
                <option value="store_credit">{t('admin.settings.returns.store_credit')}</option>
                <option value="refund">{t('admin.settings.returns.refund')}</option>
                <option value="refuse">{t('admin.settings.returns.refuse')}</option>
              </select>
            </label>
            <label className="adm-field">
              <span>
                <input type="checkbox" checked={s.returnPolicy.idRequired} onChange={(e) => setS({ ...s, returnPolicy: { ...s.returnPolicy, idRequired: e.target.checked } })} /> {t('admin.settings.returns.id')}
              </span>
            </label>
          </div>
          <p className="adm__sub">{t('admin.settings.retention.hint')}</p>
          <div className="adm__actions">
            <button type="button" className="btn btn--solid" onClick={() => void save()} data-testid="settings-save">{t('admin.common.save')}</button>
            <button type="button" className="btn btn--ghost" onClick={() => void purge()}>{t('admin.settings.purgeNow')}</button>
            <button type="button" className="btn btn--ghost" onClick={() => void testPage()} data-testid="settings-printer-test">{t('admin.settings.printerTest')}</button>
          </div>
        </div>
      )}
    </section>
  );
}
