// Runs: dom (renderer). What a staff panel is, and the placeholder used until a real one lands.
// POS and back office each keep a list of these (pos/panels.tsx, admin/panels.tsx); the shell
// builds its nav from the list, showing only panels the signed-in role may open.
import type { ComponentType } from 'react';
import type { Session } from '../api.ts';
import type { MessageKey } from '../i18n/index.tsx';
import { useT } from '../i18n/index.tsx';
import type { Role } from '../lib/types.ts';

export interface StaffPanelProps {
  session: Session;
}

export interface StaffPanel {
  /** URL segment: `#/pos/<id>`. */
  id: string;
  titleKey: MessageKey;
  /** Least role that sees it, same ranking as the API's access levels (the core enforces too). */
  minRole: Role;
  Component: ComponentType<StaffPanelProps>;
}

/** A stand-in panel: its title and one line saying what will live here. */
export function placeholderPanel(titleKey: MessageKey, bodyKey: MessageKey): ComponentType<StaffPanelProps> {
  function PlaceholderPanel() {
    const t = useT();
    return (
      <section className="staff-panel">
        <h2 className="staff-panel__title">{t(titleKey)}</h2>
        <p className="staff-panel__body">{t(bodyKey)}</p>
        <p className="staff-panel__soon">{t('common.comingSoon')}</p>
      </section>
    );
  }
  PlaceholderPanel.displayName = `Placeholder(${titleKey})`;
  return PlaceholderPanel;
}
