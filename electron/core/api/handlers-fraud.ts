// Runs: node (core). Handlers for fraud review and rules (fraud.*): the queue of flagged
// transactions with their reasons, staff verdicts (training labels), and the store's rule set.
import { reviewQueue, setVerdict } from '../fraud/review.ts';
import { activeRuleSetJson, installRuleSet } from '../fraud/rules.ts';
import type { Handler } from './context.ts';

export const fraudHandlers: {
  'fraud.queue': Handler<'fraud.queue'>;
  'fraud.verdict': Handler<'fraud.verdict'>;
  'fraud.rules': Handler<'fraud.rules'>;
  'fraud.installRules': Handler<'fraud.installRules'>;
} = {
  'fraud.queue': ({ core }, input) => reviewQueue(core.db, input),
  'fraud.verdict': (ctx, input) => setVerdict(ctx.core.db, input.txnId, input.verdict, ctx.session.user.id),
  'fraud.rules': ({ core }) => activeRuleSetJson(core.db),
  'fraud.installRules': (ctx, input) => installRuleSet(ctx.core.db, input.ruleSet, 'admin', ctx.session.user.id),
};
