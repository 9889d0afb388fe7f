// Runs: node (core). The fraud features as data: each one's name, what a person reads in a reason,
// its unit, whether the model sees log1p(x); the names rules may read; the model's input vector.
// features.ts computes them from history, rollup.ts keeps the per-cashier day rows they read.
import type { ValueType } from './expr.ts';

/** How a feature's value reads in a reason: a count (the default), money, a share, a yes/no, hours, an hour of day. */
export type FeatureUnit = 'count' | 'money' | 'share' | 'flag' | 'hours' | 'hour';

/** A feature: its name, what a person reads in a reason, whether the model sees log1p(x), its unit. */
export interface FeatureSpec {
  name: string;
  label: string;
  log?: boolean;
  unit?: FeatureUnit;
}

export const FEATURES: readonly FeatureSpec[] = [
  { name: 'amount', label: 'transaction amount ($)', log: true, unit: 'money' },
  { name: 'n_items', label: 'items in the basket', log: true },
  { name: 'n_lines', label: 'lines in the basket', log: true },
  { name: 'is_sale', label: 'is a sale', unit: 'flag' },
  { name: 'is_refund', label: 'is a refund', unit: 'flag' },
  { name: 'is_void', label: 'is a void after tender', unit: 'flag' },
  { name: 'is_no_sale', label: 'is a no-sale drawer opening', unit: 'flag' },
  { name: 'is_card', label: 'paid by card', unit: 'flag' },
  { name: 'is_keyed', label: 'card number keyed in by hand', unit: 'flag' },
  { name: 'is_cash', label: 'paid in cash', unit: 'flag' },
  { name: 'is_gift_card', label: 'paid by gift card', unit: 'flag' },
  { name: 'basket_gap_ratio', label: 'share of the shelf price not charged', unit: 'share' },
  { name: 'override_share', label: 'share of lines with a price override', unit: 'share' },
  { name: 'discount_ratio', label: 'discounts as a share of the basket', unit: 'share' },
  { name: 'unknown_skus', label: 'unknown SKUs in the basket', log: true },
  { name: 'total_mismatch', label: 'total does not match the items', unit: 'flag' },
  { name: 'no_receipt', label: 'refund without a receipt', unit: 'flag' },
  { name: 'receipt_unknown', label: 'receipt not found on this terminal', unit: 'flag' },
  { name: 'original_age_h', label: 'hours since the original sale', log: true, unit: 'hours' },
  { name: 'hour_local', label: 'local hour of day', unit: 'hour' },
  { name: 'unusual_hour', label: 'outside normal trading hours', unit: 'flag' },
  { name: 'card_txn_10m', label: 'uses of this card in the store in 10 minutes', log: true },
  { name: 'card_txn_24h', label: 'uses of this card in the store in 24 hours', log: true },
  { name: 'term_txn_10m', label: 'transactions on this terminal in 10 minutes', log: true },
  { name: 'term_card_10m', label: 'card sales on this terminal in 10 minutes', log: true },
  { name: 'term_cards_10m', label: 'different cards on this terminal in 10 minutes', log: true },
  { name: 'term_small_card_10m', label: 'small card sales (< $5) on this terminal in 10 minutes', log: true },
  { name: 'term_keyed_10m', label: 'keyed card sales on this terminal in 10 minutes', log: true },
  { name: 'cashier_txn_1h', label: "cashier's transactions in the last hour", log: true },
  { name: 'cashier_refunds_1h', label: "cashier's refunds in the last hour", log: true },
  { name: 'cashier_voids_1h', label: "cashier's voids in the last hour", log: true },
  { name: 'cashier_no_sale_1h', label: "cashier's no-sale openings in the last hour", log: true },
  { name: 'cashier_discount_sales_2h', label: "cashier's sales with 15% or more off in the last 2 hours", log: true },
  { name: 'c1d_refunds_no_receipt', label: "cashier's refunds without receipt today", log: true },
  { name: 'c1d_voids', label: "cashier's voids today", log: true },
  { name: 'c1d_markdown_ratio', label: "cashier's markdowns today (share of shelf price)", unit: 'share' },
  { name: 'c1d_discount_lines', label: "cashier's discounted lines today", log: true },
  { name: 'c7_txn', label: "cashier's transactions in 7 days", log: true },
  { name: 'c7_refund_ratio', label: "cashier's refund-to-sale ratio over 7 days", unit: 'share' },
  { name: 'c7_refunds_no_receipt', label: "cashier's refunds without receipt in 7 days", log: true },
  { name: 'c7_void_ratio', label: "cashier's voids per sale over 7 days", unit: 'share' },
  { name: 'c7_override_share', label: "cashier's share of overridden lines over 7 days", unit: 'share' },
  { name: 'c7_discount_share', label: "cashier's share of discounted lines over 7 days", unit: 'share' },
  { name: 'c7_markdown_ratio', label: "cashier's markdowns over 7 days (share of shelf price)", unit: 'share' },
  { name: 'c7_keyed_share', label: "cashier's keyed share of card sales over 7 days", unit: 'share' },
  { name: 'c7_no_sale', label: "cashier's no-sale openings in 7 days", log: true },
];

export const FEATURE_NAMES: readonly string[] = FEATURES.map((f) => f.name);
export const FEATURE_INDEX: ReadonlyMap<string, FeatureSpec> = new Map(FEATURES.map((f) => [f.name, f]));

/** Names a rule may read, with their types: the numeric features, the model's score, and a few labels. */
export const RULE_NAMES: ReadonlyMap<string, ValueType> = new Map<string, ValueType>([
  ...FEATURE_NAMES.map((n) => [n, 'number'] as [string, ValueType]),
  ['model_score', 'number'],
  ['type', 'string'],
  ['tender', 'string'],
  ['entry_mode', 'string'],
]);

export type Features = Record<string, number>;

/** The model's input: features in manifest order, counts and amounts on a log scale. */
export function modelVector(f: Features): Float32Array {
  const v = new Float32Array(FEATURES.length);
  FEATURES.forEach((spec, i) => {
    const x = f[spec.name] ?? 0;
    v[i] = spec.log ? Math.log1p(Math.max(0, x)) : x;
  });
  return v;
}
