// Runs: dom (renderer). The POS nav, in order. Replace a placeholder with the real component when
// its pos.* operations land; add a panel by adding an entry (and its strings in both i18n files).
import { placeholderPanel } from '../staff/panels.tsx';
import type { StaffPanel } from '../staff/panels.tsx';

export const posPanels: readonly StaffPanel[] = [
  { id: 'sale', titleKey: 'pos.panel.sale', minRole: 'cashier', Component: placeholderPanel('pos.panel.sale', 'pos.panel.sale.body') },
  { id: 'lookup', titleKey: 'pos.panel.lookup', minRole: 'cashier', Component: placeholderPanel('pos.panel.lookup', 'pos.panel.lookup.body') },
  { id: 'returns', titleKey: 'pos.panel.returns', minRole: 'cashier', Component: placeholderPanel('pos.panel.returns', 'pos.panel.returns.body') },
];
