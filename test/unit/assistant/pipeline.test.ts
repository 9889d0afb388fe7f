// Runs: node (vitest). The assistant's pipeline on a real store database and a real (tiny) ONNX
// encoder: redaction before storage, answers from the store's data, slot filling, the handoff
// after two failed turns, feedback, and awkward input.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../../electron/core/core.ts';
import { createAssistant, type Assistant } from '../../../electron/core/assistant/assistant.ts';
import { setSetting } from '../../../electron/core/settings/settings.ts';
import { tempDir } from '../../helpers/tmp.ts';
import { makeKioskHead, type KioskHead } from '../../integration/assistant/helpers/kiosk-head.ts';

let core: Core;
let head: KioskHead;
let assistant: Assistant;
const events: Array<[string, unknown]> = [];
const dir = tempDir();
let n = 0;
const session = () => `test-session-${++n}`;

beforeAll(async () => {
  head = await makeKioskHead();
  core = createCore({ dataDir: path.join(dir, 'data'), loadModels: false, encrypt: false });
  // Thursday 26 Nov 2026, 10:00 in Chicago: Thanksgiving, the demo store is closed.
  assistant = await createAssistant({ db: core.db, modelConfig: { headFile: head.headFile }, emit: (e, p) => events.push([e, p]), clock: () => new Date('2026-11-26T16:00:00Z') });
});
afterAll(async () => {
  await assistant.close();
  core.close();
  head.cleanup();
});

const rows = () => core.db.prepare('SELECT * FROM interactions ORDER BY ts, rowid').all() as Array<Record<string, unknown>>;

describe('assistant pipeline', () => {
  it('redacts card numbers, emails and phones before the turn is stored and queued', async () => {
    const s = session();
    await assistant.ask({ sessionId: s, text: 'my card 4111 1111 1111 1111 was declined, mail me at jo@example.com or call 555-123-4567' });
    const row = core.db.prepare('SELECT id, text_redacted, model_version, latency_ms FROM interactions WHERE session_id = ?').get(s) as Record<string, string | number>;
    expect(row.text_redacted).toBe('my card [card] was declined, mail me at [email] or call [phone]');
    expect(row.model_version).toMatch(/^tiny-bert@0\.0\.1\+kiosk-intent@[0-9a-f]{12}$/);
    expect(row.latency_ms).toBeGreaterThan(0);
    const outbox = core.db.prepare("SELECT payload FROM outbox WHERE kind = 'interaction' AND record_id = ?").get(row.id) as { payload: string };
    expect(outbox.payload).not.toContain('4111');
    expect(outbox.payload).not.toContain('jo@example.com');
  });

  it('answers where a kind of product is with its aisle and bays, with product cards', async () => {
    const r = await assistant.ask({ sessionId: session(), text: 'where is the peanut butter' });
    expect(r).toMatchObject({ kind: 'answer', intent: 'find_product', answerId: 'product:location_range', handoff: false });
    expect(r.products.length).toBeGreaterThan(1);
    expect(r.products[0]).toMatchObject({ aisle: 'A5' });
    expect(r.answer).toMatch(/^Peanut butter is in aisle A5\b.*\bbays? \d/);
    const batteries = await assistant.ask({ sessionId: session(), text: 'where are the batteries' });
    expect(batteries.answer).toMatch(/^Batteries are in aisle A13 \(Electronics\), bays \d+–\d+\./);
  });

  it('answers where one named product is to the shelf', async () => {
    const r = await assistant.ask({ sessionId: session(), text: 'where is the creamy peanut butter' });
    expect(r).toMatchObject({ kind: 'answer', answerId: 'product:location' });
    expect(r.answer).toMatch(/Peanut Butter is in aisle A5.*shelf \d/);
  });

  it('holiday hours come from the store profile, in its timezone', async () => {
    const r = await assistant.ask({ sessionId: session(), text: 'what time do you close today' });
    expect(r.intent).toBe('store_hours');
    expect(r.answer).toMatch(/^Today \(Thursday, November 26\) we are closed\. Thanksgiving Day/);
  });

  it('asks for an order number, then answers with the order status', async () => {
    const s = session();
    const a = await assistant.ask({ sessionId: s, text: 'is my order ready for pickup' });
    expect(a).toMatchObject({ kind: 'ask', intent: 'order_pickup', answerId: 'ask:order' });
    const b = await assistant.ask({ sessionId: s, text: 'PU-10421' });
    expect(b).toMatchObject({ kind: 'answer', intent: 'order_pickup', answerId: 'order:ready' });
    expect(b.answer).toContain('Curbside bay 3');
  });

  it('hands off to a person after two failed turns, with one ticket, an outbox row and an event', async () => {
    const s = session();
    const a = await assistant.ask({ sessionId: s, text: 'order PU-99999' });
    expect(a).toMatchObject({ kind: 'not_found', handoff: false });
    const b = await assistant.ask({ sessionId: s, text: 'PU-88888' });
    expect(b).toMatchObject({ kind: 'handoff', handoff: true, answerId: 'handoff:failed_turns' });
    expect(b.ticketId).toBeTruthy();
    const t = core.db.prepare('SELECT * FROM help_tickets WHERE id = ?').get(b.ticketId) as Record<string, string>;
    expect(t).toMatchObject({ session_id: s, status: 'open' });
    expect(core.db.prepare("SELECT count(*) AS n FROM outbox WHERE kind = 'help_ticket' AND record_id = ?").get(b.ticketId)).toEqual({ n: 1 });
    expect(events.some(([e]) => e === 'tickets.changed')).toBe(true);
    // Asking again in the same conversation does not page the floor twice.
    const c = assistant.callStaff({ sessionId: s });
    expect(c.ticketId).toBe(b.ticketId);
    expect(c.answer).toContain('already on the way');
  });

  it('an explicit request for a person is an immediate handoff', async () => {
    const r = await assistant.ask({ sessionId: session(), text: 'i want to talk to a real person' });
    expect(r).toMatchObject({ kind: 'handoff', intent: 'human_agent', handoff: true });
    expect(r.answer).toContain('team member');
  });

  it('stores feedback on the interaction and queues it, only within the conversation', async () => {
    const s = session();
    const r = await assistant.ask({ sessionId: s, text: 'what is your return policy' });
    expect(assistant.feedback({ sessionId: s, interactionId: r.interactionId, helpful: true })).toEqual({ interactionId: r.interactionId, feedback: 1 });
    expect(core.db.prepare('SELECT feedback FROM interactions WHERE id = ?').get(r.interactionId)).toEqual({ feedback: 1 });
    expect(core.db.prepare("SELECT count(*) AS n FROM outbox WHERE kind = 'feedback' AND record_id = ?").get(r.interactionId)).toEqual({ n: 1 });
    expect(() => assistant.feedback({ sessionId: 'someone-else', interactionId: r.interactionId, helpful: false })).toThrow(/not part of this conversation/);
  });

  it('gives a sensible reply to awkward input and never echoes markup', async () => {
    const inputs = ['', '😀😀😀', '洗手间在哪里', '<script>alert(1)</script><img src=x onerror=alert(2)>', "'; DROP TABLE products; --", 'where is the '.repeat(400), '\u0000\u0007 hi'];
    for (const text of inputs) {
      const r = await assistant.ask({ sessionId: session(), text });
      expect(r.answer.length).toBeGreaterThan(10);
      expect(r.answer).not.toMatch(/<script|<img|onerror/i);
    }
    expect(core.db.prepare('SELECT count(*) AS n FROM products').get()).toEqual({ n: 868 });
    // SQL-looking text is stored verbatim (parameters, never string-built SQL).
    expect(rows().some((r) => r.text_redacted === "'; DROP TABLE products; --")).toBe(true);
    expect(rows().find((r) => r.text_redacted === '')).toMatchObject({ answer_id: 'prompt:empty' });
  });

  it("states the store's return policy from the same setting the till enforces", async () => {
    const before = await assistant.ask({ sessionId: session(), text: 'can I return something without a receipt?' });
    expect(before.answer).toMatch(/^Most items can be returned within 30 days .*Without a receipt we offer store credit, with a photo ID\./);
    setSetting(core.db, 'returnPolicy', { days: 14, noReceipt: 'refuse', idRequired: false });
    const after = await assistant.ask({ sessionId: session(), text: 'can I return something without a receipt?' });
    expect(after.answer).toMatch(/^Most items can be returned within 14 days .*Without a receipt we cannot take a return\./);
    expect(after.answer).not.toContain('{returnPolicy}');
    setSetting(core.db, 'returnPolicy', { days: 30, noReceipt: 'store_credit', idRequired: true });
  });
});
