// Runs: node (core). Help tickets: the kiosk's handoff to a person. A ticket row and its outbox
// row commit together; staff claim and close tickets from the POS and admin screens, and every
// staff change is audited. One open ticket per kiosk conversation: asking twice does not page
// the floor twice.
import crypto from 'node:crypto';
import type { Db } from '../db/database.ts';
import { enqueue } from '../db/outbox.ts';
import { CoreError } from '../db/errors.ts';
import { appendAudit } from '../audit/audit.ts';
import { redactText } from '../privacy/redact.ts';
import { roleAllows, type Role } from '../../../common/api/define.ts';

export type TicketStatus = 'open' | 'claimed' | 'closed';

export interface TicketRow {
  id: string;
  ts: string;
  terminal_id: string;
  session_id: string;
  reason: string;
  status: TicketStatus;
  handled_by: string | null;
  handled_by_name: string | null;
  updated_at: string;
}

const COLUMNS = 'id, ts, terminal_id, session_id, reason, status, handled_by, handled_by_name, updated_at';

export function activeTicketFor(db: Db, sessionId: string): TicketRow | null {
  return (
    (db.prepare(`SELECT ${COLUMNS} FROM help_tickets WHERE session_id = ? AND status != 'closed' ORDER BY ts DESC LIMIT 1`).get(sessionId) as TicketRow | undefined) ?? null
  );
}

/**
 * What the kiosk tells the shopper about their Call staff: the conversation's latest ticket and, once
 * someone claimed it (on any terminal of the store), that person's first name.
 */
export function staffStatusFor(db: Db, sessionId: string): { status: 'none' | TicketStatus; staffName: string | null } {
  const t = db.prepare('SELECT status, handled_by_name FROM help_tickets WHERE session_id = ? ORDER BY ts DESC LIMIT 1').get(sessionId) as
    | { status: TicketStatus; handled_by_name: string | null }
    | undefined;
  if (!t) return { status: 'none', staffName: null };
  return { status: t.status, staffName: t.status === 'claimed' ? (t.handled_by_name?.trim().split(/\s+/)[0] ?? null) || null : null };
}

/** Opens a ticket for the conversation, or returns the one already open for it. */
export function openTicket(db: Db, t: { terminalId: string; sessionId: string; reason: string }, now = new Date()): { ticket: TicketRow; created: boolean } {
  return db.transaction(() => {
    const existing = activeTicketFor(db, t.sessionId);
    if (existing) return { ticket: existing, created: false };
    const row: TicketRow = {
      id: crypto.randomUUID(),
      ts: now.toISOString(),
      terminal_id: t.terminalId,
      session_id: t.sessionId,
      // The reason may quote the shopper: it is redacted like every other stored shopper text.
      reason: redactText(t.reason).slice(0, 300),
      status: 'open',
      handled_by: null,
      handled_by_name: null,
      updated_at: now.toISOString(),
    };
    db.prepare(`INSERT INTO help_tickets (${COLUMNS}) VALUES (@id, @ts, @terminal_id, @session_id, @reason, @status, @handled_by, @handled_by_name, @updated_at)`).run(row);
    enqueue(db, 'help_ticket', row.id, row, now);
    return { ticket: row, created: true };
  })();
}

export function openTicketCount(db: Db): number {
  return (db.prepare("SELECT count(*) AS n FROM help_tickets WHERE status != 'closed'").get() as { n: number }).n;
}

export function listTickets(db: Db, filter: 'active' | TicketStatus | 'all' = 'active', limit = 100): TicketRow[] {
  const where = filter === 'all' ? '' : filter === 'active' ? "WHERE status != 'closed'" : 'WHERE status = @filter';
  return db.prepare(`SELECT ${COLUMNS} FROM help_tickets ${where} ORDER BY ts DESC LIMIT @limit`).all({ filter, limit }) as TicketRow[];
}

/**
 * Claim or close a ticket. Any signed-in staff member may claim one; closing is for whoever
 * claimed it or a supervisor and above, so a ticket cannot silently vanish from the floor.
 */
export function updateTicket(db: Db, id: string, status: 'claimed' | 'closed', user: { id: string; role: Role }, now = new Date()): TicketRow {
  return db.transaction(() => {
    const t = db.prepare(`SELECT ${COLUMNS} FROM help_tickets WHERE id = ?`).get(id) as TicketRow | undefined;
    if (!t) throw new CoreError('NOT_FOUND', `No help ticket ${id}.`);
    if (t.status === 'closed') throw new CoreError('CONFLICT', 'This ticket is already closed.');
    if (status === 'claimed' && t.status === 'claimed' && t.handled_by !== user.id) throw new CoreError('CONFLICT', 'Someone else has already claimed this ticket.');
    if (status === 'closed' && t.handled_by !== user.id && !roleAllows(user.role, 'supervisor')) {
      throw new CoreError('FORBIDDEN', 'Only the staff member who claimed this ticket, or a supervisor, can close it.');
    }
    const name = t.handled_by ? t.handled_by_name : ((db.prepare('SELECT name FROM users WHERE id = ?').pluck().get(user.id) as string | undefined) ?? null);
    const next: TicketRow = { ...t, status, handled_by: t.handled_by ?? user.id, handled_by_name: name, updated_at: now.toISOString() };
    db.prepare('UPDATE help_tickets SET status = @status, handled_by = @handled_by, handled_by_name = @handled_by_name, updated_at = @updated_at WHERE id = @id').run(next);
    enqueue(db, 'help_ticket', next.id, next, now);
    appendAudit(db, user.id, `ticket.${status === 'claimed' ? 'claim' : 'close'}`, id, { previous: t.status }, now);
    return next;
  })();
}
