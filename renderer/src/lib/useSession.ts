// Runs: dom (renderer). The signed-in staff session as React state (it lives in api.ts memory).
import { useSyncExternalStore } from 'react';
import { currentSession, onSessionChange } from '../api.ts';
import type { Session } from '../api.ts';

export function useSession(): Session | null {
  return useSyncExternalStore(onSessionChange, currentSession);
}
