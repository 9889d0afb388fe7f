// Runs: node (core). "Goes well with" (owned by: recommend service): every companion shown and every
// one a shopper or cashier took, with no personal data, so the platform can measure uplift and the
// back office can show the top pairs and their acceptance rate.
export const sql = `
CREATE TABLE rec_events (
  id TEXT PRIMARY KEY,
  ts TEXT NOT NULL,
  terminal_id TEXT NOT NULL,
  surface TEXT NOT NULL CHECK (surface IN ('kiosk_product', 'kiosk_answer', 'pos_cart')),
  kind TEXT NOT NULL CHECK (kind IN ('impression', 'accept')),
  anchor TEXT NOT NULL,             -- the SKU the companion was shown for (the product page's, or the cart's first)
  item TEXT NOT NULL,               -- the companion's SKU
  model_version TEXT NOT NULL
);
CREATE INDEX rec_events_pair ON rec_events(anchor, item, kind);
`;
