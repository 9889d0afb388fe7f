// Runs: dom (renderer). The renderer's only door to the core: a typed wrapper around
// window.storemind, which either host defines (Electron preload, or /storemind-bridge.js in the
// browser host). The renderer never knows which; it never fetches the API itself.
// The session token lives only in this module's memory: a reload signs staff out, by design.
import type { EventMap, EventName, OpInput, OpName, OpOutput, StoreMindBridge } from '../../common/api/index.ts';
import type { Surface } from './lib/types.ts';

declare global {
  interface Window {
    storemind?: StoreMindBridge;
  }
}

/** A failed call: the core's code and message (shown to staff as-is), or a transport problem. */
export class ApiError extends Error {
  readonly code: string;
  readonly op: string;
  constructor(code: string, message: string, op: string) {
    super(message);
    this.name = 'ApiError';
    this.code = code;
    this.op = op;
  }
}

export function isApiError(e: unknown): e is ApiError {
  return e instanceof ApiError;
}

/** What a screen shows for a failed call: the core's own message, or the error's. */
export function errorText(e: unknown): string {
  return isApiError(e) ? e.message : e instanceof Error ? e.message : String(e);
}

type SignInResult = OpOutput<'auth.signIn'>;

/** Who is signed in on this terminal, and for which surface (a POS session does not open admin). */
export interface Session {
  token: string;
  surface: Surface;
  user: SignInResult['user'];
  expiresAt: string;
}

let session: Session | null = null;
const sessionListeners = new Set<(s: Session | null) => void>();

function bridge(op: string): StoreMindBridge {
  const b = window.storemind;
  if (!b) throw new ApiError('NO_BRIDGE', 'The app could not reach its core (window.storemind is missing).', op);
  return b;
}

function setSession(next: Session | null): void {
  session = next;
  for (const l of sessionListeners) l(next);
}

/** Calls one operation; resolves with its data or throws ApiError. */
export async function call<K extends OpName>(op: K, input: OpInput<K>): Promise<OpOutput<K>> {
  let envelope;
  try {
    envelope = await bridge(op).invoke(op, input, session?.token ?? null);
  } catch (e) {
    if (isApiError(e)) throw e;
    throw new ApiError('TRANSPORT', e instanceof Error ? e.message : String(e), op);
  }
  if (envelope.ok) return envelope.data;
  // An expired or revoked session: forget it so the UI falls back to the PIN screen. (A wrong PIN
  // is also UNAUTHENTICATED, but says nothing about the session already held.)
  if (envelope.error.code === 'UNAUTHENTICATED' && session && op !== 'auth.signIn') setSession(null);
  throw new ApiError(envelope.error.code, envelope.error.message, op);
}

export async function signIn(pin: string, surface: Surface): Promise<Session> {
  const previous = session;
  const out = await call('auth.signIn', { pin, surface });
  const next: Session = { token: out.token, surface, user: out.user, expiresAt: out.expiresAt };
  setSession(next);
  // One session per terminal: end the one this replaces (e.g. POS → back office) on the core
  // too, rather than leave a live token behind. Best-effort: it expires on its own anyway.
  if (previous && previous.token !== next.token) {
    window.storemind?.invoke('auth.signOut', {}, previous.token).catch(() => undefined);
  }
  return next;
}

/** Ends the session on the core; the local token is dropped even if the core cannot be reached. */
export async function signOut(): Promise<void> {
  if (!session) return;
  try {
    await call('auth.signOut', {});
  } catch {
    // Nothing useful to tell the user: locally they are signed out either way.
  } finally {
    setSession(null);
  }
}

export function currentSession(): Session | null {
  return session;
}

export function onSessionChange(listener: (s: Session | null) => void): () => void {
  sessionListeners.add(listener);
  return () => sessionListeners.delete(listener);
}

/** Server-pushed events; returns the unsubscribe function. */
export function subscribe<E extends EventName>(event: E, listener: (payload: EventMap[E]) => void): () => void {
  return bridge(event).subscribe(event, listener);
}
