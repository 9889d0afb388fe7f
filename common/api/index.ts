// Runs: anywhere (core, preload, renderer). THE API contract between UI and core: one object of
// operations, each with zod input/output schemas and an access level. Both hosts (Electron IPC and
// the loopback browser host) carry exactly these operations; the renderer cannot tell them apart.
// Each domain keeps its operations in its own file; add the domain's spread here.
import type { z } from 'zod';
import type { DisplayStateT, PrintStateView } from './printing.ts';
import { adminOps } from './admin.ts';
import { appOps } from './app.ts';
import { assistantOps } from './assistant.ts';
import { catalogOps } from './catalog.ts';
import { catalogAdminOps } from './catalog-admin.ts';
import { fraudOps } from './fraud.ts';
import { inventoryOps } from './inventory.ts';
import { recommendOps } from './recommend.ts';
import { posOps } from './pos.ts';
import { printingOps } from './printing.ts';
import { shiftOps } from './shift.ts';
import { storeOps } from './store.ts';
import { syncOps } from './sync.ts';

export const api = {
  ...appOps,
  ...assistantOps,
  ...adminOps,
  ...catalogOps,
  ...catalogAdminOps,
  ...posOps,
  ...printingOps,
  ...shiftOps,
  ...fraudOps,
  ...inventoryOps,
  ...recommendOps,
  ...storeOps,
  ...syncOps,
} as const;

export type Api = typeof api;
export type OpName = keyof Api;
export type OpInput<K extends OpName> = z.input<Api[K]['input']>;
export type OpOutput<K extends OpName> = z.output<Api[K]['output']>;

export interface ApiErrorBody {
  code: string;
  message: string;
}

/** What every transport returns for one call. */
export type Envelope<T> = { ok: true; data: T } | { ok: false; error: ApiErrorBody };

/** Server-pushed events (WebSocket in the browser host, IPC in Electron). */
export interface EventMap {
  'tickets.changed': { open: number };
  'sync.state': { state: string; pending: number };
  'print.state': z.infer<typeof PrintStateView>;
  'display.changed': DisplayStateT;
}
export type EventName = keyof EventMap;

/** The one object the renderer sees as window.storemind, whichever host carries it. */
export interface StoreMindBridge {
  invoke<K extends OpName>(op: K, input: OpInput<K>, session?: string | null): Promise<Envelope<OpOutput<K>>>;
  subscribe<E extends EventName>(event: E, listener: (payload: EventMap[E]) => void): () => void;
}

export function isOpName(name: string): name is OpName {
  return Object.prototype.hasOwnProperty.call(api, name);
}

export { roleAllows, roles, type Role, type Access } from './define.ts';
