// Runs: node (test helper). Staff fraud verdicts as a terminal records them (review.ts's payload,
// queued in the outbox), with feature objects for the transactions a store's staff review: at the
// shipped model's training means except for what makes each kind of transaction what it is.
import { enqueue } from '../../../../electron/core/db/outbox.ts';
import { FEATURES, type Features } from '../../../../electron/core/fraud/feature-catalog.ts';
import type { RiskModel } from '../../../../electron/core/fraud/model.ts';
import { mulberry32 } from '../../../../electron/core/models/rng.ts';
import type { TestTerminal } from './terminal.ts';

export interface VerdictKit {
  /** A small hand-keyed card sale with no burst around it (a broken reader, or the start of card testing). */
  keyedSmall(): Features;
  /** A card sale in the middle of a card-testing burst on this terminal. */
  burst(): Features;
  /** One of a cashier's many no-receipt cash refunds within the hour. */
  refundSpree(): Features;
  /** An everyday cash sale. */
  ordinary(): Features;
  /** Records verdicts on `t` the way the back office does, queued for sync. */
  record(t: TestTerminal, rows: Array<{ f: Features; verdict: 'fraud' | 'legitimate' }>): void;
}

export function verdictKit(model: RiskModel, seed = 42): VerdictKit {
  const rand = mulberry32(seed);
  const between = (lo: number, hi: number) => lo + Math.floor(rand() * (hi - lo + 1));
  const base: Features = Object.fromEntries(FEATURES.map((f, i) => [f.name, f.log ? Math.expm1(model.manifest.means[i]!) : model.manifest.means[i]!]));
  const features = (over: Features): Features => ({ ...base, ...over });
  let n = 0;
  return {
    keyedSmall() {
      const k = between(1, 3);
      return features({ is_sale: 1, is_cash: 0, is_card: 1, is_keyed: 1, amount: 2 + 4 * rand(), term_keyed_10m: k, term_card_10m: k, term_cards_10m: k, term_small_card_10m: k, card_txn_10m: 1, unusual_hour: rand() < 0.3 ? 1 : 0, hour_local: 9 + 10 * rand() });
    },
    burst() {
      const k = between(8, 20);
      return features({ is_sale: 1, is_cash: 0, is_card: 1, is_keyed: rand() < 0.6 ? 1 : 0, amount: 1 + 4 * rand(), term_keyed_10m: Math.round(k * 0.6), term_card_10m: k, term_cards_10m: k - 1, term_small_card_10m: k, card_txn_10m: 1 });
    },
    refundSpree() {
      return features({ is_sale: 0, is_refund: 1, is_cash: 1, no_receipt: 1, amount: 80 + 200 * rand(), cashier_refunds_1h: between(3, 6), c1d_refunds_no_receipt: between(3, 6) });
    },
    ordinary() {
      return features({ is_sale: 1, is_cash: 1, is_card: 0, amount: 10 + 50 * rand(), n_items: between(2, 12), n_lines: between(2, 10) });
    },
    record(t, rows) {
      t.db.transaction(() => {
        for (const { f, verdict } of rows) {
          const txnId = `${t.terminalId}-txn-${++n}`;
          enqueue(t.db, 'fraud_verdict', txnId, { txn_id: txnId, verdict, previous: null, score: 0.9, decision: 'review', rules_version: 'test', model_version: model.version, features: f, by: 'u-manager', at: new Date().toISOString() });
        }
      })();
    },
  };
}
