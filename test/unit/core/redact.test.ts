import path from 'node:path';
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { luhnValid, redact } from '../../../electron/core/privacy/redact.ts';
import { openDatabase } from '../../../electron/core/db/database.ts';
import { recordInteraction } from '../../../electron/core/assistant/interactions.ts';
import { tempDir } from '../../helpers/tmp.ts';

describe('PII redaction', () => {
  it('redacts Luhn-valid card numbers in any spacing, keeps other numbers', () => {
    expect(luhnValid('4111111111111111')).toBe(true);
    expect(luhnValid('4111111111111112')).toBe(false);
    expect(redact('my card 4111 1111 1111 1111 was charged').text).toBe('my card [card] was charged');
    expect(redact('card 4111-1111-1111-1111').text).toBe('card [card]');
    expect(redact('order 4111111111111112 status').text).toBe('order 4111111111111112 status');
    expect(redact('where is order 48213').text).toBe('where is order 48213');
  });
  it('redacts emails and phone numbers', () => {
    const r = redact('mail jane.doe+x@example.co.uk or call (555) 123-4567 or +44 20 7946 0958');
    expect(r.text).toBe('mail [email] or call [phone] or [phone]');
    expect(r.found).toEqual({ card: 0, email: 1, phone: 2 });
  });
});

describe('interaction write path', () => {
  const dir = tempDir();
  it('stores redacted text with its outbox row, and the PII never reaches the file', () => {
    const file = path.join(dir, 'i.db');
    const db = openDatabase(file);
    recordInteraction(db, {
      terminalId: 't1', sessionId: 's1', text: 'refund to 5500 0000 0000 0004 please, mail me at pii.sample@example.com',
      intent: 'refund_status', confidence: 0.9, answerId: 'a1', answerText: 'ok', handoff: false, modelVersion: 'm@1', latencyMs: 3,
    });
    const row = db.prepare('SELECT text_redacted FROM interactions').get() as { text_redacted: string };
    expect(row.text_redacted).toBe('refund to [card] please, mail me at [email]');
    const outbox = db.prepare("SELECT payload FROM outbox WHERE kind = 'interaction'").get() as { payload: string };
    expect(outbox.payload).not.toMatch(/5500|pii\.sample/);
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.close();
    const bytes = fs.readFileSync(file).toString('latin1');
    expect(bytes).not.toMatch(/pii\.sample|5500 0000/);
  });
});
