// Runs: dom (renderer). The back-office nav, in order. Replace a placeholder with the real component
// when its operations land; add a panel by adding an entry (and its strings in both i18n files).
// Each panel's minRole matches the least access of the operations it calls; the core enforces them.
import type { StaffPanel } from '../staff/panels.tsx';
import { InteractionsPanel } from './InteractionsPanel.tsx';
import { KnowledgePanel } from './KnowledgePanel.tsx';
import { ModelsPanel } from './ModelsPanel.tsx';
import { AuditPanel } from './AuditPanel.tsx';
import { SettingsPanel } from './SettingsPanel.tsx';
import { UsersPanel } from './UsersPanel.tsx';
import { SyncPanel } from './SyncPanel.tsx';
import { InventoryPanel } from './InventoryPanel.tsx';
import { RecommendPanel } from './RecommendPanel.tsx';
import { ZReportsPanel } from './ZReportsPanel.tsx';
import { CatalogPanel } from './CatalogPanel.tsx';
// Panels other domains own, linked here: the fraud review queue (POS + fraud) and kiosk help tickets (assistant).
import { ReviewPanel } from './review/ReviewPanel.tsx';
import { HelpTicketsPanel } from '../kiosk/assistant/HelpTicketsPanel.tsx';

export const adminPanels: readonly StaffPanel[] = [
  { id: 'interactions', titleKey: 'admin.panel.interactions', minRole: 'supervisor', Component: InteractionsPanel },
  { id: 'review', titleKey: 'admin.panel.review', minRole: 'supervisor', Component: ReviewPanel },
  { id: 'help', titleKey: 'tickets.nav', minRole: 'supervisor', Component: HelpTicketsPanel },
  { id: 'inventory', titleKey: 'admin.panel.inventory', minRole: 'supervisor', Component: InventoryPanel },
  { id: 'recommend', titleKey: 'admin.panel.recommend', minRole: 'supervisor', Component: RecommendPanel },
  { id: 'zreports', titleKey: 'admin.zreports.title', minRole: 'manager', Component: ZReportsPanel },
  { id: 'store', titleKey: 'admin.panel.store', minRole: 'manager', Component: KnowledgePanel },
  { id: 'catalog', titleKey: 'admin.panel.catalog', minRole: 'manager', Component: CatalogPanel },
  { id: 'sync', titleKey: 'admin.panel.sync', minRole: 'supervisor', Component: SyncPanel },
  { id: 'models', titleKey: 'admin.panel.models', minRole: 'manager', Component: ModelsPanel },
  { id: 'audit', titleKey: 'admin.panel.audit', minRole: 'manager', Component: AuditPanel },
  { id: 'settings', titleKey: 'admin.panel.settings', minRole: 'admin', Component: SettingsPanel },
  { id: 'staff', titleKey: 'admin.panel.staff', minRole: 'admin', Component: UsersPanel },
];
