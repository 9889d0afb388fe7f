// Runs: dom (renderer). POS and back office: the PIN screen until someone signs in for this
// surface, then the shell. A session for the other surface does not count (a cashier's POS
// sign-in must not open the back office).
import { useSession } from '../lib/useSession.ts';
import { PinScreen } from './PinScreen.tsx';
import { StaffShell } from './StaffShell.tsx';
import type { StaffPanel } from './panels.tsx';

interface StaffGateProps {
  surface: 'pos' | 'admin';
  panels: readonly StaffPanel[];
  panelId: string | null;
}

export function StaffGate({ surface, panels, panelId }: StaffGateProps) {
  const session = useSession();
  if (!session || session.surface !== surface) return <PinScreen key={surface} surface={surface} />;
  return <StaffShell surface={surface} session={session} panels={panels} panelId={panelId} />;
}
