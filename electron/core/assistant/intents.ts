// Runs: node (core). The kiosk intent ids. They are part of the CLI contract (`storemind ask
// --json` prints them) and of the shipped head's label set, so they never get renamed.
export const KIOSK_INTENTS = [
  'find_product',
  'check_stock',
  'check_price',
  'store_hours',
  'return_policy',
  'refund_status',
  'order_pickup',
  'payment_methods',
  'gift_card',
  'loyalty_program',
  'promotions',
  'price_match',
  'warranty_repair',
  'store_facilities',
  'store_services',
  'delivery_options',
  'complaint',
  'human_agent',
  'greeting',
  'out_of_scope',
] as const;

export type KioskIntent = (typeof KIOSK_INTENTS)[number];

export function isKioskIntent(s: string): s is KioskIntent {
  return (KIOSK_INTENTS as readonly string[]).includes(s);
}

/** Intents whose answer is about one product, found through product search. */
export const PRODUCT_INTENTS: ReadonlySet<KioskIntent> = new Set(['find_product', 'check_stock', 'check_price']);
