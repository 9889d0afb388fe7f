// Runs: dom (renderer). The customer kiosk: a home screen with two big choices, or one open panel.
// All of its state lives here, so the idle reset can wipe it by remounting this component.
import { useState } from 'react';
import { useI18n } from '../i18n/index.tsx';
import { useAppData } from '../lib/AppContext.tsx';
import { LanguageSwitch } from '../components/LanguageSwitch.tsx';
import { BackIcon } from '../components/Icons.tsx';
import { HoursToday } from './HoursToday.tsx';
import { StaffMenu } from './StaffMenu.tsx';
import { kioskPanels } from './panels.tsx';
import type { KioskPanel } from './panels.tsx';

export function Kiosk() {
  const [openId, setOpenId] = useState<string | null>(null);
  const panel = kioskPanels.find((p) => p.id === openId) ?? null;
  return (
    <div className="kiosk">
      {panel ? <KioskPanelView panel={panel} onBack={() => setOpenId(null)} /> : <KioskHome onOpen={setOpenId} />}
    </div>
  );
}

function KioskHome({ onOpen }: { onOpen: (id: string) => void }) {
  const { t } = useI18n();
  const { profile } = useAppData();
  return (
    <main className="kiosk-home">
      <header className="kiosk-home__header">
        <div>
          <p className="kiosk-home__welcome">{t('kiosk.welcome')}</p>
          <h1 className="kiosk-home__store" data-testid="store-name">{profile.name}</h1>
          <p className="kiosk-home__subtitle">{t('kiosk.subtitle')}</p>
        </div>
        <LanguageSwitch />
      </header>

      <div className="kiosk-home__tiles">
        {kioskPanels.map((p) => (
          <button key={p.id} type="button" className={`kiosk-tile kiosk-tile--${p.tone}`} onClick={() => onOpen(p.id)} data-testid={`kiosk-open-${p.id}`}>
            <p.Icon size={72} />
            <span className="kiosk-tile__text">
              <span className="kiosk-tile__label">{t(p.labelKey)}</span>
              <span className="kiosk-tile__hint">{t(p.hintKey)}</span>
            </span>
          </button>
        ))}
      </div>

      <footer className="kiosk-home__footer">
        <HoursToday profile={profile} />
        <p className="kiosk-home__address">{profile.address}</p>
        <StaffMenu />
      </footer>
    </main>
  );
}

function KioskPanelView({ panel, onBack }: { panel: KioskPanel; onBack: () => void }) {
  const { t } = useI18n();
  const { Component } = panel;
  return (
    <main className="kiosk-panel" aria-labelledby="kiosk-panel-title">
      <header className="kiosk-panel__header">
        <button type="button" className="btn btn--back" onClick={onBack} data-testid="kiosk-back">
          <BackIcon size={32} />
          <span>{t('common.back')}</span>
        </button>
        <h1 id="kiosk-panel-title" className="kiosk-panel__title">{t(panel.titleKey)}</h1>
        <LanguageSwitch />
      </header>
      <div className="kiosk-panel__body">
        <Component onDone={onBack} />
      </div>
    </main>
  );
}
