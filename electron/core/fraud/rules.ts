// Runs: node (core). The declarative rule set: versioned JSON, each rule a condition in the safe
// expression language (expr.ts) and an action. Like Stripe Radar, every rule is evaluated and the
// strongest action wins, in a fixed order: block > manager_approval > review > allow. Within one
// action, rules keep their order in the file (the first is the headline reason). The active set
// lives in SQLite with its version, so the central platform can replace it (installRuleSet) and a
// terminal keeps enforcing the last good one while offline.
import { z } from 'zod';
import type { Db } from '../db/database.ts';
import { CoreError } from '../db/errors.ts';
import { appendAudit } from '../audit/audit.ts';
import { compileCondition, ExprError, parse, variables, type Env } from './expr.ts';
import { RULE_NAMES } from './feature-catalog.ts';
import { ACTION_RANK, type Action } from './types.ts';
import { DEFAULT_RULESET } from './default-rules.ts';
import { zodIssue } from '../../../common/zod-issue.ts';

export const RuleSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9_.-]{1,64}$/, 'rule id: lower-case letters, digits, _ . - (max 64)'),
    action: z.enum(['allow', 'review', 'manager_approval', 'block']),
    when: z.string().min(1).max(2000),
    reason: z.string().min(1).max(200),
    enabled: z.boolean().optional(),
  })
  .strict();

export const RuleSetSchema = z
  .object({
    version: z.string().regex(/^[A-Za-z0-9_.-]{1,40}$/, 'version: letters, digits, _ . - (max 40)'),
    description: z.string().max(500).optional(),
    rules: z.array(RuleSchema).max(200),
  })
  .strict();

export type RuleSetJson = z.infer<typeof RuleSetSchema>;

export interface CompiledRule {
  id: string;
  action: Action;
  reason: string;
  usesModel: boolean;
  test: (env: Env) => boolean;
}

export interface CompiledRuleSet {
  version: string;
  rules: CompiledRule[];
}

/** Validates and compiles; a bad rule names itself and why. */
export function compileRuleSet(raw: unknown): CompiledRuleSet {
  const parsed = RuleSetSchema.safeParse(raw);
  if (!parsed.success) {
    const i = zodIssue(parsed.error);
    throw new CoreError('BAD_INPUT', `Rule set is invalid${i.at}: ${i.message}`);
  }
  const seen = new Set<string>();
  const rules: CompiledRule[] = [];
  for (const r of parsed.data.rules) {
    if (seen.has(r.id)) throw new CoreError('BAD_INPUT', `Rule set has two rules with id "${r.id}".`);
    seen.add(r.id);
    if (r.enabled === false) continue;
    try {
      rules.push({ id: r.id, action: r.action, reason: r.reason, usesModel: variables(parse(r.when)).has('model_score'), test: compileCondition(r.when, RULE_NAMES) });
    } catch (e) {
      if (e instanceof ExprError) throw new CoreError('BAD_INPUT', `Rule "${r.id}": ${e.message}`);
      throw e;
    }
  }
  return { version: parsed.data.version, rules };
}

export interface RuleOutcome {
  action: Action;
  fired: Array<{ id: string; action: Action; reason: string }>;
}

/** Runs every rule; returns the strongest action and the fired rules, strongest first. */
export function evaluateRules(set: CompiledRuleSet, env: Env, opts: { skipModelRules?: boolean } = {}): RuleOutcome {
  const fired: RuleOutcome['fired'] = [];
  for (const r of set.rules) {
    if (opts.skipModelRules && r.usesModel) continue;
    let hit = false;
    try {
      hit = r.test(env);
    } catch {
      // Types were checked at install; a runtime failure means a feature is missing. Never fail a sale on it.
      hit = false;
    }
    if (hit) fired.push({ id: r.id, action: r.action, reason: r.reason });
  }
  // Stable sort: strongest action first, file order within an action.
  fired.sort((a, b) => ACTION_RANK[b.action] - ACTION_RANK[a.action]);
  return { action: fired[0]?.action ?? 'allow', fired };
}

const cache = new WeakMap<Db, { version: string; set: CompiledRuleSet }>();

/** The active rule set; installs the built-in one on a fresh terminal. */
export function activeRuleSet(db: Db): CompiledRuleSet {
  const row = db.prepare('SELECT version, body FROM fraud_rulesets WHERE active = 1').get() as { version: string; body: string } | undefined;
  if (!row) {
    installRuleSet(db, DEFAULT_RULESET, 'builtin', 'system');
    return activeRuleSet(db);
  }
  const hit = cache.get(db);
  if (hit && hit.version === row.version) return hit.set;
  const set = compileRuleSet(JSON.parse(row.body));
  cache.set(db, { version: row.version, set });
  return set;
}

/**
 * Validates, stores and activates a rule set (sync download, or an admin). A version already
 * installed with a different body is refused: versions name one rule set forever.
 */
export function installRuleSet(db: Db, raw: unknown, source: 'builtin' | 'sync' | 'admin', actor: string, now = new Date()): { version: string; rules: number } {
  const set = compileRuleSet(raw);
  const body = JSON.stringify(RuleSetSchema.parse(raw));
  db.transaction(() => {
    const existing = db.prepare('SELECT body FROM fraud_rulesets WHERE version = ?').pluck().get(set.version) as string | undefined;
    if (existing !== undefined && existing !== body) throw new CoreError('CONFLICT', `Rule set version ${set.version} is already installed with different rules.`);
    db.prepare('UPDATE fraud_rulesets SET active = 0 WHERE active = 1').run();
    if (existing === undefined) {
      db.prepare('INSERT INTO fraud_rulesets (version, body, source, active, installed_at) VALUES (?, ?, ?, 1, ?)').run(set.version, body, source, now.toISOString());
    } else {
      db.prepare('UPDATE fraud_rulesets SET active = 1 WHERE version = ?').run(set.version);
    }
    appendAudit(db, actor, 'fraud.rules.install', set.version, { source, rules: set.rules.length }, now);
  })();
  cache.delete(db);
  return { version: set.version, rules: set.rules.length };
}

export function activeRuleSetJson(db: Db): RuleSetJson {
  activeRuleSet(db);
  const body = db.prepare('SELECT body FROM fraud_rulesets WHERE active = 1').pluck().get() as string;
  return RuleSetSchema.parse(JSON.parse(body));
}
