// Runs: preload (Electron, sandboxed). Exposes exactly one object, window.storemind, typed by the
// API contract. Nothing else of Electron or Node reaches the page.
import { contextBridge, ipcRenderer } from 'electron';
import type { EventMap, EventName, StoreMindBridge } from '../../common/api/index.ts';

const listeners = new Map<string, Set<(payload: unknown) => void>>();
ipcRenderer.on('storemind:event', (_e, event: string, payload: unknown) => {
  listeners.get(event)?.forEach((l) => l(payload));
});

const bridge = {
  invoke: (op, input, session) => ipcRenderer.invoke('storemind:invoke', op, input, session ?? null),
  subscribe<E extends EventName>(event: E, listener: (payload: EventMap[E]) => void) {
    const set = listeners.get(event) ?? new Set();
    const l = listener as (payload: unknown) => void;
    set.add(l);
    listeners.set(event, set);
    return () => set.delete(l);
  },
} satisfies StoreMindBridge;

contextBridge.exposeInMainWorld('storemind', bridge);
