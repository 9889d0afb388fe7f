// Runs: dom (renderer). The back-office nav, in order. Replace a placeholder with the real component
// when its operations land; add a panel by adding an entry (and its strings in both i18n files).
import { placeholderPanel } from '../staff/panels.tsx';
import type { StaffPanel } from '../staff/panels.tsx';
import { HelpTicketsPanel } from '../kiosk/assistant/HelpTicketsPanel.tsx';
import { ReviewPanel } from './review/ReviewPanel.tsx';

export const adminPanels: readonly StaffPanel[] = [
  { id: 'overview', titleKey: 'admin.panel.overview', minRole: 'supervisor', Component: placeholderPanel('admin.panel.overview', 'admin.panel.overview.body') },
  { id: 'review', titleKey: 'admin.panel.review', minRole: 'supervisor', Component: ReviewPanel },
  { id: 'help', titleKey: 'tickets.nav', minRole: 'supervisor', Component: HelpTicketsPanel },
  { id: 'catalog', titleKey: 'admin.panel.catalog', minRole: 'manager', Component: placeholderPanel('admin.panel.catalog', 'admin.panel.catalog.body') },
  { id: 'store', titleKey: 'admin.panel.store', minRole: 'manager', Component: placeholderPanel('admin.panel.store', 'admin.panel.store.body') },
  { id: 'staff', titleKey: 'admin.panel.staff', minRole: 'admin', Component: placeholderPanel('admin.panel.staff', 'admin.panel.staff.body') },
];
