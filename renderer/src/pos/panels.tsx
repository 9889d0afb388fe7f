// Runs: dom (renderer). The POS nav, in order. Add a panel by adding an entry (and its strings in
// both i18n files).
import type { StaffPanel } from '../staff/panels.tsx';
import { HelpTicketsPanel } from '../kiosk/assistant/HelpTicketsPanel.tsx';
import { SalePanel } from './SalePanel.tsx';
import { LookupPanel } from './LookupPanel.tsx';
import { ReturnsPanel } from './ReturnsPanel.tsx';
import { ShiftPanel } from './ShiftPanel.tsx';

export const posPanels: readonly StaffPanel[] = [
  { id: 'sale', titleKey: 'pos.panel.sale', minRole: 'cashier', Component: SalePanel },
  { id: 'lookup', titleKey: 'pos.panel.lookup', minRole: 'cashier', Component: LookupPanel },
  { id: 'returns', titleKey: 'pos.panel.returns', minRole: 'cashier', Component: ReturnsPanel },
  { id: 'shift', titleKey: 'shift.panel', minRole: 'cashier', Component: ShiftPanel },
  { id: 'help', titleKey: 'tickets.nav', minRole: 'cashier', Component: HelpTicketsPanel },
];
