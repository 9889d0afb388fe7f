// Runs: dom (renderer). The kiosk's feature panels, one entry each. To add or fill one, give it a
// component here (e.g. the assistant replaces AskPlaceholder); the home screen builds its big
// buttons from this list, so nothing else changes.
import type { ComponentType } from 'react';
import type { MessageKey } from '../i18n/index.tsx';
import { QuestionIcon, SearchIcon } from '../components/Icons.tsx';
import { AssistantPanel } from './assistant/AssistantPanel.tsx';
import { FindPanel } from './find/FindPanel.tsx';

export interface KioskPanelProps {
  /** Return to the kiosk home (the panel's own back button already does this). */
  onDone: () => void;
}

export interface KioskPanel {
  id: string;
  titleKey: MessageKey;
  /** The label on the home-screen button. */
  labelKey: MessageKey;
  hintKey: MessageKey;
  Icon: ComponentType<{ size?: number }>;
  /** Visual accent of its home button: see .kiosk-tile--<tone> in kiosk.css. */
  tone: 'primary' | 'secondary';
  Component: ComponentType<KioskPanelProps>;
}

export const kioskPanels: readonly KioskPanel[] = [
  { id: 'ask', titleKey: 'kiosk.ask.title', labelKey: 'kiosk.ask', hintKey: 'kiosk.ask.hint', Icon: QuestionIcon, tone: 'primary', Component: AssistantPanel },
  { id: 'find', titleKey: 'kiosk.find.title', labelKey: 'kiosk.find', hintKey: 'kiosk.find.hint', Icon: SearchIcon, tone: 'secondary', Component: FindPanel },
];
