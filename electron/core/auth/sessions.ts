// Runs: node (core). Signed-in sessions live in memory only: a restart signs everyone out, and
// an idle session expires after the configured minutes (automatic sign-out).
import crypto from 'node:crypto';
import type { User } from './users.ts';

export interface Session {
  token: string;
  user: User;
  surface: string;
  lastSeen: number;
}

export function createSessionStore(idleMinutes: () => number) {
  const sessions = new Map<string, Session>();

  function open(user: User, surface: string, now = Date.now()): Session {
    const s: Session = { token: crypto.randomBytes(24).toString('base64url'), user, surface, lastSeen: now };
    sessions.set(s.token, s);
    return s;
  }

  /** Returns the live session for a token and refreshes its idle timer, or null. */
  function touch(token: string | null | undefined, now = Date.now()): Session | null {
    if (!token) return null;
    const s = sessions.get(token);
    if (!s) return null;
    if (now - s.lastSeen > idleMinutes() * 60_000) {
      sessions.delete(token);
      return null;
    }
    s.lastSeen = now;
    return s;
  }

  function expiresAt(s: Session): string {
    return new Date(s.lastSeen + idleMinutes() * 60_000).toISOString();
  }

  return { open, touch, close: (token: string) => sessions.delete(token), expiresAt };
}

export type SessionStore = ReturnType<typeof createSessionStore>;
