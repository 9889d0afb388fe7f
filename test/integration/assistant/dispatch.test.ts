// Runs: node (vitest). The assistant and help tickets through core.dispatch, as the kiosk and the
// staff screens call them: public shopper ops, role checks on tickets, audit of staff actions.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../../electron/core/core.ts';
import { tempDir } from '../../helpers/tmp.ts';
import { makeKioskHead, type KioskHead } from './helpers/kiosk-head.ts';

let core: Core;
let head: KioskHead;
const events: Array<[string, unknown]> = [];
const dir = tempDir();

beforeAll(async () => {
  head = await makeKioskHead();
  process.env.STOREMIND_KIOSK_HEAD = head.headFile;
  core = createCore({ dataDir: path.join(dir, 'data'), loadModels: false, encrypt: false });
  core.onEvent((e, p) => events.push([e, p]));
});
afterAll(() => {
  core.close();
  head.cleanup();
  delete process.env.STOREMIND_KIOSK_HEAD;
});

async function call(op: string, input: unknown, token: string | null = null): Promise<any> {
  return core.dispatch(op, input, token);
}
async function signIn(pin: string, surface = 'pos'): Promise<string> {
  const r = await call('auth.signIn', { pin, surface });
  expect(r.ok).toBe(true);
  return r.data.token as string;
}

describe('assistant through dispatch', () => {
  it('a Chinese question it cannot read yet still gets the products it names, with their Chinese names', async () => {
    const r = await call('assistant.ask', { sessionId: 'kiosk-conv-zh', text: '电池在哪里' });
    expect(r.ok).toBe(true);
    expect(r.data).toMatchObject({ kind: 'language', answerId: 'language:zh_products' });
    expect(r.data.answer).toMatch(/只能读懂英文/);
    expect(r.data.products.length).toBeGreaterThan(0);
    for (const p of r.data.products) {
      expect(p.name_zh).toMatch(/电池/);
      expect(p.aisle).toBe('A13');
    }
    // Nothing in the catalog: the plain reply, in both languages, and a person is offered.
    const none = await call('assistant.ask', { sessionId: 'kiosk-conv-zh2', text: '你们几点关门' });
    expect(none.data).toMatchObject({ kind: 'language', answerId: 'language:unsupported', products: [] });
  });

  it('stores a question with a lone UTF-16 surrogate as well-formed text (U+FFFD), so it can sync', async () => {
    const r = await call('assistant.ask', { sessionId: 'kiosk-conv-lone', text: 'where is the milk \ud800' });
    expect(r.ok).toBe(true);
    const text = core.db.prepare("SELECT text_redacted FROM interactions WHERE session_id = 'kiosk-conv-lone'").pluck().get() as string;
    expect(text).toBe('where is the milk \ufffd');
    const payloads = core.db.prepare("SELECT payload FROM outbox WHERE payload LIKE '%kiosk-conv-lone%'").pluck().all() as string[];
    expect(payloads.length).toBeGreaterThan(0);
    for (const p of payloads) expect(p.toLowerCase()).not.toMatch(/\\ud[89a-f]/);
  });

  it('starts, answers without signing in, and reports the model it used', async () => {
    const start = await call('assistant.start', { sessionId: 'kiosk-conv-0001' });
    expect(start).toMatchObject({ ok: true, data: { ready: true } });
    const r = await call('assistant.ask', { sessionId: 'kiosk-conv-0001', text: 'where are the restrooms' });
    expect(r.ok).toBe(true);
    expect(r.data).toMatchObject({ intent: 'store_facilities', answerId: 'kb:facility.restrooms', handoff: false });
    expect(r.data.modelVersion).toBe(start.data.modelVersion);
  });

  it('validates input at the boundary', async () => {
    expect(await call('assistant.ask', { sessionId: 'x', text: 'hi' })).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
    expect(await call('assistant.ask', { sessionId: 'kiosk-conv-0002', text: 'a'.repeat(20_001) })).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
    const long = await call('assistant.ask', { sessionId: 'kiosk-conv-0002', text: 'where is the coffee '.repeat(250) });
    expect(long.ok).toBe(true);
  });

  it('hands off with a ticket that staff list, claim and close, with the right roles', async () => {
    const r = await call('assistant.callStaff', { sessionId: 'kiosk-conv-0003' });
    expect(r.data).toMatchObject({ kind: 'handoff', handoff: true, intent: 'human_agent' });
    expect(events).toContainEqual(['tickets.changed', { open: 1 }]);

    expect(await call('tickets.list', {})).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    const cashier = await signIn('1111');
    const list = await call('tickets.list', {}, cashier);
    expect(list.data.open).toBe(1);
    expect(list.data.tickets[0]).toMatchObject({ id: r.data.ticketId, status: 'open', session_id: 'kiosk-conv-0003' });

    const claimed = await call('tickets.update', { id: r.data.ticketId, status: 'claimed' }, cashier);
    expect(claimed.data).toMatchObject({ status: 'claimed', handled_by: 'u-cashier' });

    // Another cashier may not close a ticket someone else claimed; a supervisor may.
    const r2 = await call('assistant.ask', { sessionId: 'kiosk-conv-0004', text: 'i need to speak to a person' });
    expect(r2.data.handoff).toBe(true);
    const supervisor = await signIn('2222');
    await call('tickets.update', { id: r2.data.ticketId, status: 'claimed' }, supervisor);
    expect(await call('tickets.update', { id: r2.data.ticketId, status: 'closed' }, cashier)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect((await call('tickets.update', { id: r2.data.ticketId, status: 'closed' }, supervisor)).data.status).toBe('closed');
    expect((await call('tickets.update', { id: r.data.ticketId, status: 'closed' }, cashier)).data.status).toBe('closed');
    expect((await call('tickets.list', {}, cashier)).data).toMatchObject({ open: 0, tickets: [] });

    const audit = core.db.prepare("SELECT action, actor FROM audit_log WHERE action LIKE 'ticket.%' ORDER BY seq").all();
    expect(audit).toEqual([
      { action: 'ticket.claim', actor: 'u-cashier' },
      { action: 'ticket.claim', actor: 'u-supervisor' },
      { action: 'ticket.close', actor: 'u-supervisor' },
      { action: 'ticket.close', actor: 'u-cashier' },
    ]);
  });

  it('feedback and end are public; end forgets the conversation', async () => {
    const s = 'kiosk-conv-0005';
    const a = await call('assistant.ask', { sessionId: s, text: 'is my order ready' });
    expect(a.data.kind).toBe('ask');
    expect(await call('assistant.feedback', { sessionId: s, interactionId: a.data.interactionId, helpful: false })).toMatchObject({ ok: true, data: { feedback: -1 } });
    expect(await call('assistant.end', { sessionId: s })).toEqual({ ok: true, data: { ok: true } });
    // The pending "order number?" question went with the conversation.
    const b = await call('assistant.ask', { sessionId: s, text: 'PU-10422' });
    expect(b.data).toMatchObject({ intent: 'order_pickup', answerId: 'order:picking' });
  });
});
