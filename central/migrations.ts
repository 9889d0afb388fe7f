// Runs: node (central platform). Forward-only schema migrations. Several stateless platform
// instances may start at once against one PostgreSQL server, so migrating takes an advisory lock.
import type { CentralDb } from './db.ts';

interface Migration {
  version: number;
  name: string;
  sql: string;
}

const migrations: Migration[] = [
  {
    version: 1,
    name: 'initial',
    sql: `
CREATE TABLE stores (
  id text PRIMARY KEY,
  name text NOT NULL DEFAULT '',
  change_seq bigint NOT NULL DEFAULT 0,          -- last id handed out in changes for this store
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE TABLE enroll_codes (
  code_hash text PRIMARY KEY,                     -- sha256 of the code: the code itself is never stored
  store_id text NOT NULL REFERENCES stores(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  used_at timestamptz,
  terminal_id uuid
);
CREATE TABLE terminals (
  id uuid PRIMARY KEY,
  store_id text NOT NULL REFERENCES stores(id),
  name text NOT NULL DEFAULT '',
  public_key text NOT NULL UNIQUE,                -- base64 SPKI DER, ed25519
  enrolled_at timestamptz NOT NULL DEFAULT now(),
  revoked_at timestamptz,
  last_contact timestamptz,
  last_seq bigint NOT NULL DEFAULT 0,             -- committed atomically with the records (Replicache-style)
  backlog bigint NOT NULL DEFAULT 0,
  duplicates bigint NOT NULL DEFAULT 0,           -- records received again and not applied
  rejected bigint NOT NULL DEFAULT 0,
  change_cursor bigint NOT NULL DEFAULT 0,
  app_version text,
  models jsonb NOT NULL DEFAULT '[]'
);
CREATE INDEX terminals_store ON terminals(store_id);
CREATE TABLE records (
  terminal_id uuid NOT NULL REFERENCES terminals(id),
  seq bigint NOT NULL,
  store_id text NOT NULL REFERENCES stores(id),
  kind text NOT NULL,
  record_id text NOT NULL,
  created_at text NOT NULL,
  payload jsonb NOT NULL,
  received_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (terminal_id, seq)
);
CREATE INDEX records_store_kind ON records(store_id, kind);
CREATE TABLE rejections (
  terminal_id uuid NOT NULL REFERENCES terminals(id),
  seq bigint NOT NULL,
  kind text NOT NULL,
  reason text NOT NULL,
  at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (terminal_id, seq)
);
CREATE TABLE changes (
  store_id text NOT NULL REFERENCES stores(id),
  id bigint NOT NULL,                              -- gap-free and increasing per store
  kind text NOT NULL,
  key text NOT NULL,
  op text NOT NULL CHECK (op IN ('upsert','delete')),
  data jsonb,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (store_id, id)
);
CREATE TABLE model_versions (
  name text NOT NULL,
  version text NOT NULL,
  sha256 text NOT NULL,
  length bigint NOT NULL,
  rollout real NOT NULL DEFAULT 100,
  revoked boolean NOT NULL DEFAULT false,
  metrics jsonb NOT NULL DEFAULT '{}',
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (name, version)
);
CREATE TABLE targets_metadata (
  version integer PRIMARY KEY,
  body jsonb NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE TABLE model_reports (
  id bigserial PRIMARY KEY,
  terminal_id uuid NOT NULL REFERENCES terminals(id),
  name text NOT NULL,
  version text NOT NULL,
  status text NOT NULL,
  reason text,
  at timestamptz NOT NULL DEFAULT now()
);
CREATE TABLE admin_log (
  id bigserial PRIMARY KEY,
  at timestamptz NOT NULL DEFAULT now(),
  action text NOT NULL,
  detail jsonb NOT NULL DEFAULT '{}'
);
`,
  },
  {
    version: 2,
    name: 'retrain-runs',
    sql: `
-- One row per feedback-loop retraining decision (published or not, and why), for the dashboard and audits.
CREATE TABLE retrain_runs (
  id bigserial PRIMARY KEY,
  at timestamptz NOT NULL DEFAULT now(),
  model text NOT NULL,
  decision text NOT NULL CHECK (decision IN ('published', 'rejected', 'skipped', 'failed')),
  reason text NOT NULL,
  candidate_version text,
  baseline text,
  corrections integer NOT NULL DEFAULT 0,
  fraud_verdicts integer NOT NULL DEFAULT 0,
  last_record_at timestamptz,
  metrics jsonb NOT NULL DEFAULT '{}'
);
CREATE INDEX retrain_runs_model_at ON retrain_runs(model, at);
`,
  },
  {
    version: 3,
    name: 'seen-requests',
    sql: `
-- Signatures of terminal requests seen inside the clock-skew window: a captured request replayed
-- within that window is refused. Rows older than the window can never match again and are purged.
CREATE TABLE seen_requests (
  terminal_id uuid NOT NULL,
  sig_hash bytea NOT NULL,
  seen_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (terminal_id, sig_hash)
);
CREATE INDEX seen_requests_seen_at ON seen_requests(seen_at);
`,
  },
  {
    version: 4,
    name: 'fleet-keys',
    sql: `
-- The fleet's one root signing key, by key id (never the private key): the first instance records
-- its key; any other instance with a different key refuses to start instead of signing alone.
CREATE TABLE fleet_keys (
  role text PRIMARY KEY,
  keyid text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
`,
  },
  {
    version: 5,
    name: 'store-hub',
    sql: `
-- A store hub enrolls like a terminal, as kind 'hub'; a store has at most one live hub, so a
-- second one cannot join a store silently (the old one is revoked first).
ALTER TABLE terminals ADD COLUMN kind text NOT NULL DEFAULT 'terminal' CHECK (kind IN ('terminal', 'hub'));
CREATE UNIQUE INDEX terminals_one_hub_per_store ON terminals(store_id) WHERE kind = 'hub' AND revoked_at IS NULL;
-- A record relayed by a hub names the terminal that wrote it.
ALTER TABLE records ADD COLUMN origin_terminal uuid;
-- At a hub: the order in which records go upward. Handed out from stores.relay_seq, whose row
-- lock is held until commit, so the relay can never pass a record that commits late.
ALTER TABLE records ADD COLUMN relay_seq bigint;
CREATE UNIQUE INDEX records_relay_seq ON records(store_id, relay_seq) WHERE relay_seq IS NOT NULL;
ALTER TABLE records ADD COLUMN upstream_error text;
ALTER TABLE stores ADD COLUMN relay_seq bigint NOT NULL DEFAULT 0;
-- The store's shared help tickets as the store sees them (first claim wins, closed is final).
CREATE TABLE store_tickets (
  store_id text NOT NULL REFERENCES stores(id),
  id text NOT NULL,
  data jsonb NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (store_id, id)
);
-- A hub's link to the platform (one row): upward ack, downward cursor, last outcome.
CREATE TABLE hub_link (
  id integer PRIMARY KEY CHECK (id = 1),
  upstream_acked bigint NOT NULL DEFAULT 0,
  change_cursor bigint NOT NULL DEFAULT 0,
  targets jsonb,
  last_ok_at timestamptz,
  last_error text
);
`,
  },
];

export async function migrateCentral(db: CentralDb): Promise<number> {
  return db.tx(async (c) => {
    await c.query('SELECT pg_advisory_xact_lock(727001)');
    await c.query('CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())');
    const { rows } = await c.query<{ v: number | null }>('SELECT max(version) AS v FROM schema_migrations');
    const current = rows[0]?.v ?? 0;
    const latest = migrations.at(-1)!.version;
    if (current > latest) throw new Error(`platform database schema ${current} is newer than this platform (${latest})`);
    for (const m of migrations) {
      if (m.version <= current) continue;
      await c.query(m.sql);
      await c.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [m.version, m.name]);
    }
    return latest;
  });
}
