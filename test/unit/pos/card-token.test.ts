// The till's demo payment-terminal token must never look like a card number (a hex token once held
// a Luhn-valid 13-digit run, and the core refused the card sale in an e2e run).
import { describe, expect, it } from 'vitest';
import { demoCardToken } from '../../../renderer/src/pos/money.ts';
import { looksLikePan } from '../../../electron/core/pos/pan.ts';

describe('demo card token', () => {
  it('is a token the contract accepts and never a card number', () => {
    for (let i = 0; i < 5000; i++) {
      const t = demoCardToken();
      expect(t).toMatch(/^pt_[a-z]{12}$/);
      expect(looksLikePan(t)).toBe(false);
    }
  });
});
