// Rules order, rule-set install and versions, decisions with reasons, and the real ONNX model.
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compileRuleSet, evaluateRules, installRuleSet, activeRuleSet } from '../../../electron/core/fraud/rules.ts';
import { DEFAULT_RULESET } from '../../../electron/core/fraud/default-rules.ts';
import { createFraudEngine, BLOCK_FLOOR } from '../../../electron/core/fraud/engine.ts';
import { defaultBundleDir, loadRiskModel } from '../../../electron/core/fraud/model.ts';
import { SIM_CONTEXT, simProducts } from '../../../electron/core/fraud/evaluate.ts';
import { simulate } from '../../../electron/core/fraud/simulator.ts';
import { FEATURE_INDEX } from '../../../electron/core/fraud/feature-catalog.ts';
import { recordTransaction } from '../../../electron/core/pos/record.ts';
import { verifyAuditChain } from '../../../electron/core/audit/audit.ts';
import { aSku, demoDb, txn } from './helpers.ts';

const set = (rules: Array<{ id: string; action: string; when: string; reason?: string }>) =>
  compileRuleSet({ version: 'test-1', rules: rules.map((r) => ({ reason: r.id, ...r })) });
const env = { amount: 10, model_score: 0.2, type: 'refund', tender: 'cash', entry_mode: 'none', no_receipt: 1 } as Record<string, number | string>;

describe('rule set', () => {
  it('the strongest action wins: block > manager_approval > review > allow; file order within one', () => {
    const s = set([
      { id: 'a-allow', action: 'allow', when: 'amount > 0' },
      { id: 'b-review', action: 'review', when: 'amount > 5' },
      { id: 'c-approval', action: 'manager_approval', when: "type == 'refund'" },
      { id: 'd-review2', action: 'review', when: 'no_receipt == 1' },
    ]);
    const out = evaluateRules(s, env);
    expect(out.action).toBe('manager_approval');
    expect(out.fired.map((f) => f.id)).toEqual(['c-approval', 'b-review', 'd-review2', 'a-allow']);
    const withBlock = set([{ id: 'r', action: 'review', when: 'amount > 5' }, { id: 'b', action: 'block', when: 'amount > 9' }]);
    expect(evaluateRules(withBlock, env).action).toBe('block');
    expect(evaluateRules(set([{ id: 'x', action: 'review', when: 'amount > 50' }]), env)).toEqual({ action: 'allow', fired: [] });
  });

  it('rules that read the model score can be left out (rules-only baseline)', () => {
    const s = set([{ id: 'm', action: 'block', when: 'model_score >= 0.1' }]);
    expect(evaluateRules(s, env).action).toBe('block');
    expect(evaluateRules(s, env, { skipModelRules: true }).action).toBe('allow');
  });

  it('a bad rule set is refused whole, naming the rule', () => {
    expect(() => set([{ id: 'ok', action: 'review', when: 'amount > 1' }, { id: 'bad', action: 'review', when: 'amount >' }])).toThrow(/Rule "bad"/);
    expect(() => set([{ id: 'u', action: 'review', when: 'wallet_size > 1' }])).toThrow(/Unknown feature "wallet_size"/);
    expect(() => set([{ id: 'dup', action: 'review', when: 'true' }, { id: 'dup', action: 'block', when: 'true' }])).toThrow(/two rules/);
    expect(() => compileRuleSet({ version: 'x', rules: [{ id: 'a', action: 'explode', when: 'true', reason: 'r' }] })).toThrow(/invalid/);
    expect(() => compileRuleSet({ version: 'x', rules: [], extra: 1 })).toThrow(/invalid/);
    expect(compileRuleSet(DEFAULT_RULESET).rules.length).toBe(DEFAULT_RULESET.rules.length);
  });

  it('installs versions in SQLite, activates one, refuses a reused version with other rules, audits', () => {
    const db = demoDb('rules');
    expect(activeRuleSet(db).version).toBe(DEFAULT_RULESET.version);
    const v2 = { version: 'v2', rules: [{ id: 'all', action: 'review', when: 'amount >= 0', reason: 'everything' }] };
    expect(installRuleSet(db, v2, 'sync', 'central')).toEqual({ version: 'v2', rules: 1 });
    expect(activeRuleSet(db).version).toBe('v2');
    expect(() => installRuleSet(db, { ...v2, rules: [] }, 'sync', 'central')).toThrow(/already installed/);
    // Rolling back to an installed version is allowed.
    installRuleSet(db, DEFAULT_RULESET, 'admin', 'u-admin');
    expect(activeRuleSet(db).version).toBe(DEFAULT_RULESET.version);
    expect(db.prepare('SELECT count(*) FROM fraud_rulesets WHERE active = 1').pluck().get()).toBe(1);
    expect(db.prepare("SELECT count(*) FROM audit_log WHERE action = 'fraud.rules.install'").pluck().get()).toBe(3);
    expect(verifyAuditChain(db).ok).toBe(true);
  });
});

describe('decisions', () => {
  it('the shipped ONNX model loads, verifies its files, and agrees with torch on the golden rows', async () => {
    const model = await loadRiskModel();
    const golden = JSON.parse(fs.readFileSync(`${defaultBundleDir()}/golden.json`, 'utf8')) as { rows: number[][]; scores: number[] };
    const got = await model.score(golden.rows.map((r) => Float32Array.from(r)));
    got.forEach((s, i) => expect(s).toBeCloseTo(golden.scores[i]!, 4));
    expect(fs.statSync(`${defaultBundleDir()}/model.onnx`).size).toBeLessThan(1_000_000);
  });

  it('a tampered model file is refused', async () => {
    const dir = `${defaultBundleDir()}-tampered-${process.pid}`;
    fs.cpSync(defaultBundleDir(), dir, { recursive: true });
    try {
      fs.appendFileSync(`${dir}/model.onnx`, Buffer.from([0]));
      await expect(loadRiskModel(dir)).rejects.toThrow(/does not match its sha256/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('card testing is blocked with rules and model reasons; an ordinary sale is allowed', async () => {
    const db = demoDb('decide');
    const engine = await createFraudEngine(db, { context: SIM_CONTEXT });
    const normal = await engine.decide(txn(db, { ts: '2025-06-02T15:00:00.000Z' }));
    expect(normal.decision).toBe('allow');
    expect(normal.score).toBeLessThan(0.3);
    expect(normal.modelVersion).not.toBe('none');

    const p = aSku(db, 400);
    const line = [{ sku: p.sku, qty: 1, unitCents: p.price, overrideCents: null, discountCents: 0 }];
    let last = normal;
    for (let i = 0; i < 10; i++) {
      const t = txn(db, { ts: `2025-06-02T16:00:${String(i * 5).padStart(2, '0')}.000Z`, items: line, totalCents: p.price, tender: { method: 'card', fingerprint: `tok_test_${i}`, last4: '0000', entryMode: 'keyed' } });
      last = await engine.decide(t);
      recordTransaction(db, t, last);
    }
    expect(last.decision).toBe('block');
    expect(last.score).toBeGreaterThanOrEqual(BLOCK_FLOOR);
    expect(last.reasons[0]).toMatchObject({ code: 'rule.card_testing.burst', text: expect.stringMatching(/Card testing/) });
    expect(last.rulesFired[0]!.action).toBe('block');
  });

  it('on simulated trading, confident model scores come with the features that drove them', async () => {
    const db = demoDb('simreasons');
    const engine = await createFraudEngine(db, { context: SIM_CONTEXT });
    const sims = simulate({ seed: 5, start: '2025-05-05', days: 2, products: simProducts(db), rates: { card_testing: 2, sweethearting: 2 } });
    let explained = 0;
    for (const s of sims) {
      const d = await engine.decide(s.txn);
      recordTransaction(db, s.txn, d);
      if (d.modelScore >= 0.5) {
        const drivers = d.reasons.filter((r) => r.code.startsWith('model.'));
        expect(drivers.length, JSON.stringify(d.reasons)).toBeGreaterThan(0);
        expect(drivers.length).toBeLessThanOrEqual(3);
        // Plain words for a person: the feature and its value, never the model's arithmetic.
        for (const r of drivers) {
          expect(r.text).toMatch(/^Model: /);
          expect(r.text).not.toMatch(/log-odds/);
          expect(FEATURE_INDEX.has(r.code.slice('model.'.length))).toBe(true);
        }
        explained++;
      }
    }
    expect(explained).toBeGreaterThan(5);
  });

  it('rules only (no model): the score is the strongest rule', async () => {
    const db = demoDb('rulesonly');
    const engine = await createFraudEngine(db, { model: null, context: SIM_CONTEXT });
    const d = await engine.decide(txn(db, { type: 'refund' }));
    expect(d.decision).toBe('manager_approval');
    expect(d.score).toBe(0.75);
    expect(d.reasons).toContainEqual({ code: 'rule.refund.no_receipt', text: 'Refund without a receipt needs a manager' });
    expect(d.modelVersion).toBe('none');
  });
});
