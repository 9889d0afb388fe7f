// Runs: node (vitest). Fraud rule sets downloaded from the platform (PGlite): a valid rule set
// becomes the active one the engine enforces; a bad one (an unknown feature, a body whose version
// disagrees with its key, a delete) is skipped with its reason and the last good set stays active.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../../helpers/tmp.ts';
import { startPlatform, type Platform } from '../../../central/platform.ts';
import { AdminClient } from '../../../central/admin-client.ts';
import { activeRuleSet, activeRuleSetJson, evaluateRules } from '../../../electron/core/fraud/rules.ts';
import { registerFraudRuleDownloads } from '../../../electron/core/fraud/sync-rules.ts';
import { DEFAULT_RULESET } from '../../../electron/core/fraud/default-rules.ts';
import { makeTerminal, type TestTerminal } from './helpers/terminal.ts';

describe('fraud rule downloads', () => {
  let platform: Platform;
  let admin: AdminClient;
  let t: TestTerminal;

  beforeAll(async () => {
    registerFraudRuleDownloads();
    process.env.STOREMIND_CENTRAL_ADMIN_TOKEN = 'fraud-rules-test-admin-token';
    platform = await startPlatform({ dataDir: tempDir('storemind-central-'), port: 0, jobs: false, logLevel: 'silent' });
    admin = new AdminClient(platform.url, platform.admin.token);
    t = await makeTerminal(admin, platform.url, 'rules-store');
  });
  afterAll(async () => {
    t?.close();
    await platform?.close();
  });

  const ruleSet = (version: string, extra: Array<{ id: string; action: string; when: string; reason: string }>) => ({
    version,
    description: 'chain rules',
    rules: [...DEFAULT_RULESET.rules, ...extra],
  });

  it('installs a downloaded rule set and the engine enforces it', async () => {
    expect(activeRuleSet(t.db).version).toBe(DEFAULT_RULESET.version);
    const set = ruleSet('2026.01.1', [{ id: 'gift.large', action: 'block', when: "type == 'sale' and amount >= 900", reason: 'Sales of 900 or more are blocked by the chain' }]);
    await admin.publishChanges('rules-store', [{ kind: 'fraud_rule', key: '2026.01.1', op: 'upsert', data: set }]);
    const r = await t.sync();
    expect(r.downloaded).toMatchObject({ fraud_rule: 1 });
    expect(activeRuleSet(t.db).version).toBe('2026.01.1');
    expect(activeRuleSetJson(t.db)).toEqual(set);
    const installed = t.db.prepare("SELECT source FROM fraud_rulesets WHERE version = '2026.01.1' AND active = 1").pluck().get();
    expect(installed).toBe('sync');
    const out = evaluateRules(activeRuleSet(t.db), { type: 'sale', amount: 950 } as never);
    expect(out.fired.map((f) => f.id)).toContain('gift.large');
    const audit = t.db.prepare("SELECT count(*) FROM audit_log WHERE action = 'fraud.rules.install' AND target = '2026.01.1'").pluck().get();
    expect(audit).toBe(1);
  });

  it('skips a bad rule set with its reason and keeps the last good one active', async () => {
    const log: string[] = [];
    await admin.publishChanges('rules-store', [
      { kind: 'fraud_rule', key: '2026.02.1', op: 'upsert', data: ruleSet('2026.02.1', [{ id: 'bad.feature', action: 'block', when: 'no_such_feature > 3', reason: 'x' }]) },
      { kind: 'fraud_rule', key: '2026.02.2', op: 'upsert', data: ruleSet('2026.02.3', []) },
      { kind: 'fraud_rule', key: '2026.01.1', op: 'delete' },
      { kind: 'fraud_rule', key: '2026.02.4', op: 'upsert', data: { version: '2026.02.4', rules: 'not a list' } },
    ]);
    const r = await t.sync({ log: (m) => log.push(m) });
    expect(r.downloaded.fraud_rule ?? 0).toBe(0);
    expect(r.downloaded.skipped).toBe(4);
    expect(log.join('\n')).toMatch(/2026\.02\.1\) skipped: Rule "bad\.feature"/);
    expect(log.join('\n')).toMatch(/2026\.02\.2\) skipped: .*version 2026\.02\.3/);
    expect(log.join('\n')).toMatch(/2026\.01\.1\) skipped: .*cannot be deleted/);
    expect(log.join('\n')).toMatch(/2026\.02\.4\) skipped: Rule set is invalid/);
    expect(activeRuleSet(t.db).version).toBe('2026.01.1');
    const versions = t.db.prepare('SELECT version FROM fraud_rulesets ORDER BY version').pluck().all();
    expect(versions).toEqual([DEFAULT_RULESET.version, '2026.01.1']);
    // The cursor moved past the bad changes: they do not come back on the next pass.
    const again = await t.sync();
    expect(again.downloaded.fraud_rule ?? 0).toBe(0);
  });
});
