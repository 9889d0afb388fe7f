// Runs: dom (renderer). What every screen may read once the app has booted: the terminal's info
// and the store profile, fetched once at start-up.
import { createContext, useContext } from 'react';
import type { AppInfo, StoreProfile } from './types.ts';

export interface AppData {
  info: AppInfo;
  profile: StoreProfile;
}

export const AppContext = createContext<AppData | null>(null);

export function useAppData(): AppData {
  const v = useContext(AppContext);
  if (!v) throw new Error('useAppData outside AppContext');
  return v;
}
