// Runs: node (core). The rule set a fresh terminal starts with (plain JSON data; the central
// platform replaces it with newer versions). Conditions use the expression language in expr.ts
// over the features in features.ts plus model_score, type, tender and entry_mode.
export const DEFAULT_RULESET = {
  version: '2025.06.1',
  description: 'StoreMind built-in rules: card testing, refund abuse, sweethearting, void abuse, discount abuse.',
  rules: [
    {
      id: 'card_testing.burst',
      action: 'block',
      when: "type == 'sale' and is_card == 1 and term_cards_10m >= 6 and term_small_card_10m >= 5 and amount < 5",
      reason: 'Card testing: many small card sales with different cards on this terminal in 10 minutes',
    },
    {
      id: 'card.velocity',
      action: 'block',
      when: 'is_card == 1 and card_txn_10m >= 5',
      reason: 'The same card was used 5 or more times in 10 minutes',
    },
    {
      id: 'model.very_high',
      action: 'manager_approval',
      when: "model_score >= 0.97 and type != 'no_sale'",
      reason: 'Very high risk score from the fraud model',
    },
    {
      id: 'refund.no_receipt',
      action: 'manager_approval',
      when: "type == 'refund' and no_receipt == 1",
      reason: 'Refund without a receipt needs a manager',
    },
    {
      id: 'refund.large',
      action: 'manager_approval',
      when: "type == 'refund' and amount >= 250",
      reason: 'Refund of $250 or more needs a manager',
    },
    {
      id: 'void.repeat',
      action: 'manager_approval',
      when: "type == 'void' and (c1d_voids >= 2 or cashier_voids_1h >= 2)",
      reason: 'Third void by this cashier today needs a manager',
    },
    {
      id: 'no_sale.repeat',
      action: 'manager_approval',
      when: "type == 'no_sale' and cashier_no_sale_1h >= 3",
      reason: 'Repeated no-sale drawer openings',
    },
    {
      id: 'card.keyed_small',
      action: 'review',
      when: "type == 'sale' and is_keyed == 1 and amount < 5",
      reason: 'Small sale with a hand-keyed card',
    },
    {
      id: 'basket.gap',
      action: 'review',
      when: "type == 'sale' and basket_gap_ratio >= 0.4",
      reason: 'Basket far cheaper than the items scanned',
    },
    {
      id: 'discount.heavy_cashier',
      action: 'review',
      when: "type == 'sale' and discount_ratio > 0 and c7_discount_share >= 0.15",
      reason: 'Cashier applies discounts far more often than usual',
    },
    {
      id: 'refund.ratio',
      action: 'review',
      when: "type == 'refund' and c7_refund_ratio >= 0.15",
      reason: "High refund-to-sale ratio for this cashier",
    },
    {
      id: 'void.after_tender',
      action: 'review',
      when: "type == 'void'",
      reason: 'Void after the sale was paid',
    },
    {
      id: 'void.late',
      action: 'review',
      when: "type == 'void' and original_age_h >= 0.25",
      reason: 'Void long after the sale was paid',
    },
    {
      id: 'receipt.unknown',
      action: 'review',
      when: 'receipt_unknown == 1',
      reason: 'Receipt or original transaction not found on this terminal',
    },
    {
      id: 'basket.unknown_sku',
      action: 'review',
      when: 'unknown_skus > 0',
      reason: 'Basket has SKUs that are not in the catalog',
    },
    {
      id: 'basket.total_mismatch',
      action: 'review',
      when: 'total_mismatch == 1',
      reason: 'Total does not match the items',
    },
    {
      id: 'hours.unusual_refund',
      action: 'review',
      when: "unusual_hour == 1 and type != 'sale'",
      reason: 'Refund, void or drawer opening outside trading hours',
    },
    {
      id: 'model.high',
      action: 'review',
      when: 'model_score >= 0.7 and model_score < 0.97',
      reason: 'High risk score from the fraud model',
    },
  ],
} as const;
