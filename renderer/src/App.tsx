// Runs: dom (renderer). Boots the app (terminal info + store profile), then shows the surface the
// hash names: kiosk, POS or back office. Also owns the kiosk's idle reset.
import { useCallback, useEffect, useState } from 'react';
import { call, currentSession, signOut } from './api.ts';
import { I18nProvider, translate, useI18n } from './i18n/index.tsx';
import { AppContext, useAppData } from './lib/AppContext.tsx';
import type { AppData } from './lib/AppContext.tsx';
import { navigate, useRoute } from './lib/route.ts';
import { useIdle } from './lib/useIdle.ts';
import { Kiosk } from './kiosk/Kiosk.tsx';
import { StaffGate } from './staff/StaffGate.tsx';
import { posPanels } from './pos/panels.tsx';
import { adminPanels } from './admin/panels.tsx';
import { CustomerDisplay } from './pos/CustomerDisplay.tsx';

type Boot = { state: 'loading' } | { state: 'ready'; data: AppData } | { state: 'failed'; message: string };

export function App() {
  const [boot, setBoot] = useState<Boot>({ state: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let live = true;
    Promise.all([call('app.info', {}), call('store.profile', {})])
      .then(([info, profile]) => live && setBoot({ state: 'ready', data: { info, profile } }))
      .catch((e: unknown) => live && setBoot({ state: 'failed', message: e instanceof Error ? e.message : String(e) }));
    return () => {
      live = false;
    };
  }, [attempt]);

  if (boot.state === 'loading') return <div className="boot" aria-busy="true">{translate(guessLocale(), 'app.loading')}</div>;
  if (boot.state === 'failed') {
    const locale = guessLocale();
    return (
      <div className="boot boot--failed" role="alert">
        <h1>{translate(locale, 'app.error.title')}</h1>
        <p>{boot.message}</p>
        <button type="button" className="btn btn--primary" onClick={() => { setBoot({ state: 'loading' }); setAttempt((a) => a + 1); }}>
          {translate(locale, 'app.error.retry')}
        </button>
      </div>
    );
  }
  return (
    <AppContext.Provider value={boot.data}>
      <I18nProvider initial={boot.data.info.locale}>
        <Surfaces />
      </I18nProvider>
    </AppContext.Provider>
  );
}

/** Before app.info arrives we do not know the terminal's language; the browser's is a fair guess. */
function guessLocale() {
  return navigator.language.toLowerCase().startsWith('zh') ? ('zh-CN' as const) : ('en' as const);
}

function Surfaces() {
  const { info } = useAppData();
  const { locale, setLocale } = useI18n();
  const route = useRoute(info.surface);
  // Bumping the key remounts the kiosk, which drops every bit of the last shopper's state.
  const [kioskGeneration, setKioskGeneration] = useState(0);

  const resetForNextShopper = useCallback(() => {
    if (currentSession()) void signOut();
    if (locale !== info.locale) setLocale(info.locale);
    navigate('kiosk');
    setKioskGeneration((g) => g + 1);
  }, [locale, info.locale, setLocale]);

  // Reset on the kiosk itself, and anywhere on a kiosk terminal (staff who walk away from a
  // PIN screen or shell there leave it on a customer-facing screen). POS and office terminals don't.
  useIdle(info.idleResetSeconds, resetForNextShopper, route.surface === 'kiosk' || info.surface === 'kiosk');

  switch (route.surface) {
    case 'kiosk':
      return <Kiosk key={kioskGeneration} />;
    case 'pos':
      return <StaffGate surface="pos" panels={posPanels} panelId={route.panel} />;
    case 'admin':
      return <StaffGate surface="admin" panels={adminPanels} panelId={route.panel} />;
    case 'display':
      return <CustomerDisplay />;
  }
}
