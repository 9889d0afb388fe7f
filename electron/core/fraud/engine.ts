// Runs: node (core). One risk decision: features from this terminal's history, the learned model's
// score, then the rule set (which may read the score). The rules decide the action; the score is
// the model's probability, lifted to at least BLOCK_FLOOR when a block rule fires (a hard rule such
// as a card-testing burst is evidence the model may not have weighed). Review and approval rules do
// not move the score: they fire on many honest transactions (every refund without a receipt), and
// letting them lift it made the ranking worse on held-out days. Without a model, the score is the
// strongest rule's weight.
// Reasons are the fired rules, strongest first, then the features that drove the model's score.
import type { Db } from '../db/database.ts';
import { computeFeatures, loadFeatureContext, type FeatureContext } from './features.ts';
import { FEATURES, modelVector, type Features } from './feature-catalog.ts';
import { activeRuleSet, evaluateRules, type CompiledRuleSet } from './rules.ts';
import { loadRiskModel, topDrivers, type RiskModel } from './model.ts';
import { modelReason } from './reasons.ts';
import type { Action, Decision, Reason, TxnRecord } from './types.ts';
import type { Env } from './expr.ts';

/** How much a rule's action says about risk on its own (rules-only baseline, and the blend). */
export const ACTION_SCORE: Record<Action, number> = { allow: 0, review: 0.5, manager_approval: 0.75, block: 1 };
export const BLOCK_FLOOR = 0.9;

export interface EngineOptions {
  /** null: rules only. undefined: load the bundle in modelDir, else the shipped one (rules only if it is missing). */
  model?: RiskModel | null;
  /** The fraud model bundle to load when `model` is not given (an installed signed update). */
  modelDir?: string;
  /** This terminal's store, for a bundle that carries per-store verdict corrections. */
  storeId?: string | null;
  context?: FeatureContext;
  /** Explain the model's score when it is at least this (the occlusion pass costs one batched run). */
  explainAbove?: number;
}

export interface FraudEngine {
  decide(t: TxnRecord, extraReasons?: Reason[]): Promise<Decision>;
  readonly model: RiskModel | null;
  /**
   * Switches to another model between decisions (a verified update). The old session is released
   * once no decision is using it.
   */
  swapModel(next: RiskModel): void;
  readonly context: FeatureContext;
  rules(): CompiledRuleSet;
}

/**
 * The engine's score with a model: the model's probability, lifted to at least BLOCK_FLOOR when a
 * block rule that does not read the score fired (`ruleScore` is the strongest such rule's weight).
 */
export function engineScore(modelScore: number, ruleScore: number): number {
  return ruleScore >= 1 ? Math.max(modelScore, BLOCK_FLOOR + (1 - BLOCK_FLOOR) * modelScore) : modelScore;
}

export function ruleEnv(t: TxnRecord, f: Features, modelScore: number): Env {
  return { ...f, model_score: modelScore, type: t.type, tender: t.tender.method ?? 'none', entry_mode: t.tender.entryMode ?? 'none' };
}

export async function createFraudEngine(db: Db, opts: EngineOptions = {}): Promise<FraudEngine> {
  let model: RiskModel | null = null;
  if (opts.model !== undefined) model = opts.model;
  else {
    try {
      model = await loadRiskModel(opts.modelDir, { storeId: opts.storeId ?? null });
    } catch (e) {
      console.warn(`[fraud] running on rules only: ${(e as Error).message}`);
    }
  }
  const context = opts.context ?? loadFeatureContext(db);
  const explainAbove = opts.explainAbove ?? 0.3;

  let inFlight = 0;
  const retired: RiskModel[] = [];
  const releaseRetired = () => {
    for (const old of retired.splice(0)) void old.release().catch(() => {});
  };

  async function decide(t: TxnRecord, extraReasons: Reason[] = []): Promise<Decision> {
    inFlight++;
    try {
      return await decideWith(model, t, extraReasons);
    } finally {
      if (--inFlight === 0) releaseRetired();
    }
  }

  // One decision sees one model from start to end, even if an update swaps it meanwhile.
  async function decideWith(model: RiskModel | null, t: TxnRecord, extraReasons: Reason[]): Promise<Decision> {
    const features = computeFeatures(db, t, context);
    const vector = modelVector(features);
    const modelScore = model ? (await model.score([vector]))[0]! : 0;
    const set = activeRuleSet(db);
    const outcome = evaluateRules(set, ruleEnv(t, features, modelScore));
    const ruleOnly = outcome.fired.filter((r) => !set.rules.find((x) => x.id === r.id)?.usesModel);
    const ruleScore = ACTION_SCORE[ruleOnly[0]?.action ?? 'allow'];
    const score = model ? engineScore(modelScore, ruleScore) : ruleScore;

    const reasons: Reason[] = [...outcome.fired.map((r) => ({ code: `rule.${r.id}`, text: r.reason })), ...extraReasons];
    if (model && modelScore >= explainAbove) {
      for (const d of await topDrivers(model, vector, modelScore)) {
        const spec = FEATURES[d.index]!;
        reasons.push(modelReason(spec, features[spec.name] ?? 0));
      }
    }
    return {
      score: Math.min(1, Math.max(0, score)),
      decision: outcome.action,
      reasons,
      rulesFired: outcome.fired,
      modelScore,
      rulesVersion: set.version,
      modelVersion: model?.version ?? 'none',
      features,
    };
  }

  return {
    decide,
    get model() {
      return model;
    },
    swapModel(next) {
      if (model) retired.push(model);
      model = next;
      if (inFlight === 0) releaseRetired();
    },
    context,
    rules: () => activeRuleSet(db),
  };
}
