// Runs: node (core). Conversation state per kiosk session id, in memory only: what the assistant
// is waiting for, how many turns failed in a row, the product talked about last. It expires after
// the kiosk's idle time so the next shopper never inherits it, and is never written to disk.
import type { KioskIntent } from './intents.ts';

export type SlotName = 'product' | 'order' | 'gift_card' | 'loyalty';

export interface Pending {
  intent: KioskIntent;
  slot: SlotName;
  /** How many times this slot was asked for. */
  asked: number;
}

export interface Conversation {
  id: string;
  pending: Pending | null;
  /** Consecutive turns the assistant could not help with; two lead to a person. */
  failed: number;
  lastProduct: { id: string; name: string } | null;
  ticketId: string | null;
  turns: number;
  lastSeen: number;
}

export class Conversations {
  private readonly map = new Map<string, Conversation>();
  constructor(
    private readonly idleMs: () => number,
    private readonly maxSessions = 500,
  ) {}

  get(id: string, now = Date.now()): Conversation {
    this.sweep(now);
    let c = this.map.get(id);
    if (!c) {
      c = { id, pending: null, failed: 0, lastProduct: null, ticketId: null, turns: 0, lastSeen: now };
      this.map.set(id, c);
      // Bound memory on a kiosk left running for months: forget the least recently used.
      if (this.map.size > this.maxSessions) this.map.delete(this.map.keys().next().value as string);
    } else {
      // Re-insert so iteration order stays least-recently-used first.
      this.map.delete(id);
      this.map.set(id, c);
    }
    c.lastSeen = now;
    return c;
  }

  /** Forgets one conversation (the kiosk's idle reset or "start over"). */
  end(id: string): void {
    this.map.delete(id);
  }

  get size(): number {
    return this.map.size;
  }

  sweep(now = Date.now()): void {
    const limit = this.idleMs();
    for (const [id, c] of this.map) if (now - c.lastSeen > limit) this.map.delete(id);
  }
}
