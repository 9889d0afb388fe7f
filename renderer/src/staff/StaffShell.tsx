// Runs: dom (renderer). The signed-in layout shared by POS and back office: a top bar (store,
// surface, who is signed in, Sign out), a nav built from the surface's panel list, and the panel.
import { signOut } from '../api.ts';
import type { Session } from '../api.ts';
import { useT } from '../i18n/index.tsx';
import { useAppData } from '../lib/AppContext.tsx';
import { hrefFor } from '../lib/route.ts';
import { LanguageSwitch } from '../components/LanguageSwitch.tsx';
import { SyncBadge } from '../components/SyncBadge.tsx';
import { roleAllows } from '../../../common/api/define.ts';
import type { StaffPanel } from './panels.tsx';

interface StaffShellProps {
  surface: 'pos' | 'admin';
  session: Session;
  panels: readonly StaffPanel[];
  /** From the URL; unknown or forbidden ids fall back to the first allowed panel. */
  panelId: string | null;
}

export function StaffShell({ surface, session, panels, panelId }: StaffShellProps) {
  const t = useT();
  const { profile } = useAppData();
  const allowed = panels.filter((p) => roleAllows(session.user.role, p.minRole));
  const active = allowed.find((p) => p.id === panelId) ?? allowed[0] ?? null;

  return (
    <div className={`shell shell--${surface}`}>
      <header className="shell__bar">
        <div className="shell__brand">
          <span className="shell__store">{profile.name}</span>
          <span className="shell__surface">{t(`surface.${surface}`)}</span>
        </div>
        <div className="shell__user" data-testid="shell-user">
          <SyncBadge />
          <LanguageSwitch />
          <span className="shell__who">
            <span className="shell__who-label">{t('shell.signedInAs')}</span>
            <span className="shell__name">{session.user.name}</span>
          </span>
          <span className="shell__role">{t(`role.${session.user.role}`)}</span>
          <button type="button" className="btn btn--light" onClick={() => void signOut()} data-testid="sign-out">
            {t('shell.signOut')}
          </button>
        </div>
      </header>

      <nav className="shell__nav" aria-label={t('shell.nav')}>
        {allowed.map((p) => (
          <a key={p.id} href={hrefFor(surface, p.id)} className="shell__nav-item" aria-current={p === active ? 'page' : undefined}>
            {t(p.titleKey)}
          </a>
        ))}
      </nav>

      <main className="shell__main">{active && <active.Component session={session} />}</main>
    </div>
  );
}
