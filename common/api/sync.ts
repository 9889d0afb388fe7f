// Runs: anywhere (core, central platform, renderer). Two contracts of the sync domain:
// 1. `syncOps`: the UI operations (sync state on POS and admin screens, "sync now").
// 2. `wire`: the terminal ↔ platform protocol (JSON bodies, zod-checked on both sides), plus the
//    exact string a terminal signs, so the signer and the verifier cannot drift apart.
import { z } from 'zod';
import { op } from './define.ts';
import { StoreOverview } from './live.ts';

// ---------------------------------------------------------------------------------------------
// UI operations
// ---------------------------------------------------------------------------------------------
export const SyncState = z.enum(['not_enrolled', 'idle', 'syncing', 'offline', 'revoked', 'error']);

export const SyncStatus = z.object({
  enrolled: z.boolean(),
  state: SyncState,
  server: z.string().nullable(),
  terminalId: z.string().nullable(),
  storeId: z.string().nullable(),
  pending: z.number().int(),
  quarantined: z.number().int(),
  lastSyncAt: z.string().nullable(),
  lastError: z.string().nullable(),
  models: z.array(z.object({ name: z.string(), version: z.string(), status: z.string() })),
});
export type SyncStatusView = z.infer<typeof SyncStatus>;

export const syncOps = {
  'sync.status': op({
    summary: 'Sync state of this terminal: enrolled, backlog, quarantined rows, last sync, model versions.',
    access: 'cashier',
    input: z.object({}).strict(),
    output: SyncStatus,
  }),
  'sync.quarantined': op({
    summary: 'Outbox rows the platform refused (quarantined), newest first, with the reason each was refused.',
    access: 'supervisor',
    input: z.object({ limit: z.number().int().min(1).max(500).default(100) }).strict(),
    output: z.object({
      total: z.number().int(),
      rows: z.array(z.object({ seq: z.number().int(), kind: z.string(), recordId: z.string(), createdAt: z.string(), attempts: z.number().int(), reason: z.string().nullable() })),
    }),
  }),
  'sync.requeue': op({
    summary: 'Queue refused (quarantined) rows for upload again, e.g. after the platform was fixed; each gets a new number. Audited.',
    access: 'manager',
    input: z.union([
      z.object({ seqs: z.array(z.number().int().positive()).min(1).max(500) }).strict(),
      z.object({ all: z.literal(true) }).strict(),
    ]),
    /** `moved` lists at most the first 500 moves; `requeued` counts them all. */
    output: z.object({ requeued: z.number().int(), moved: z.array(z.object({ from: z.number().int(), to: z.number().int() })).max(500) }),
  }),
  'sync.store': op({
    summary: 'This store as the hub (or the platform) sees it: its terminals, their last contact and backlog, and the hub\'s link to the platform.',
    access: 'supervisor',
    input: z.object({}).strict(),
    output: StoreOverview,
  }),
  'sync.now': op({
    summary: 'Run one sync with the central platform now (upload, then download).',
    access: 'supervisor',
    input: z.object({}).strict(),
    output: z.object({ uploaded: z.number().int(), pending: z.number().int(), downloaded: z.record(z.string(), z.number().int()), state: SyncState }),
  }),
};

// ---------------------------------------------------------------------------------------------
// Wire protocol (terminal ↔ platform)
// ---------------------------------------------------------------------------------------------
export const WIRE_VERSION = 1;
/** Requests whose timestamp is further than this from the platform's clock are refused. */
export const MAX_CLOCK_SKEW_MS = 5 * 60_000;
export const HEADER_TERMINAL = 'x-storemind-terminal';
export const HEADER_TIMESTAMP = 'x-storemind-timestamp';
export const HEADER_SIGNATURE = 'x-storemind-signature';
/** Every platform response carries its clock, so a terminal with a wrong clock can still sign. */
export const HEADER_SERVER_TIME = 'x-storemind-time';

/** The exact bytes a terminal signs (ed25519) for one request. bodySha256 is over the body as sent. */
export function signingString(method: string, pathAndQuery: string, timestampMs: number, bodySha256Hex: string): string {
  return `STOREMIND-REQUEST-V1\n${method.toUpperCase()}\n${pathAndQuery}\n${timestampMs}\n${bodySha256Hex}`;
}
/** What an enrolling terminal signs to prove it holds the private key of the public key it sends. */
export function enrollProofString(code: string, publicKey: string): string {
  return `STOREMIND-ENROLL-V1\n${code}\n${publicKey}`;
}

export const OUTBOX_KINDS = ['interaction', 'feedback', 'help_ticket', 'transaction', 'fraud_decision', 'fraud_verdict', 'audit', 'intent_correction', 'stock_movement', 'staff', 'purchase_order', 'rec_event', 'z_report', 'product_edit'] as const;

export const ErrorBody = z.object({ code: z.string(), message: z.string() });
export type ErrorBodyT = z.infer<typeof ErrorBody>;

export const EnrollRequest = z.object({
  code: z.string().min(6).max(64),
  publicKey: z.string().min(40).max(200), // base64 SPKI DER of an ed25519 key
  proof: z.string().min(40).max(200),     // base64 ed25519 signature of enrollProofString
  name: z.string().max(100).optional(),
  appVersion: z.string().max(40).optional(),
  /** A store hub enrolls upstream as 'hub'; a store has at most one. */
  kind: z.enum(['terminal', 'hub']).optional(),
}).strict();
export const EnrollResponse = z.object({ terminalId: z.string(), storeId: z.string(), serverTime: z.number() });

export const UploadRecord = z.object({
  seq: z.number().int().positive(),
  kind: z.string().min(1).max(40),
  id: z.string().min(1).max(200),
  createdAt: z.string().max(40),
  payload: z.unknown(),
  /** Set by a store hub relaying the record: the terminal that wrote it. */
  origin: z.string().uuid().optional(),
}).strict();
export type UploadRecordT = z.infer<typeof UploadRecord>;

export const ModelReport = z.object({ name: z.string().max(100), version: z.string().max(60), status: z.string().max(20), reason: z.string().max(500).optional() });

export const MAX_BATCH_RECORDS = 5000;
export const UploadRequest = z.object({
  records: z.array(UploadRecord).max(MAX_BATCH_RECORDS),
  /** Rows still waiting at the terminal after this batch (for the fleet dashboard's backlog). */
  pending: z.number().int().nonnegative(),
  models: z.array(ModelReport).max(20).optional(),
  appVersion: z.string().max(40).optional(),
}).strict();
export type UploadRequestT = z.infer<typeof UploadRequest>;

export const UploadResponse = z.object({
  /** Every seq up to and including this one is committed at the platform. */
  ackedThrough: z.number().int().nonnegative(),
  accepted: z.number().int(),
  duplicates: z.number().int(),
  rejected: z.array(z.object({ seq: z.number().int(), reason: z.string() })),
  serverTime: z.number(),
});
export type UploadResponseT = z.infer<typeof UploadResponse>;

/**
 * What a store's terminals download. The first five come from the platform; 'ticket', 'stock',
 * 'staff' and 'store_txn' are the store's own live data, derived from its terminals' records by
 * whoever they upload to (the store hub, or the platform for a store without one).
 */
export const CHANGE_KINDS = ['product', 'price', 'kb', 'fraud_rule', 'setting', 'ticket', 'stock', 'staff', 'store_txn', 'po', 'z_report'] as const;
export const ChangeKind = z.enum(CHANGE_KINDS);
export const Change = z.object({
  id: z.number().int().positive(),
  kind: ChangeKind,
  key: z.string().min(1).max(200),
  op: z.enum(['upsert', 'delete']),
  data: z.unknown().optional(),
});
export type ChangeT = z.infer<typeof Change>;
export const ChangesResponse = z.object({ changes: z.array(Change), cursor: z.number().int().nonnegative(), more: z.boolean() });
export const PublishChangesRequest = z.object({
  /** A store id, or '*' for every store the platform knows. */
  store: z.string().min(1).max(64),
  changes: z.array(Change.omit({ id: true })).min(1).max(10_000),
}).strict();

// Signed model metadata, in the spirit of TUF's targets role. `signed` is serialized with
// canonicalJson() for signing; a terminal pins the root public key in the app.
export const TargetVersion = z.object({
  version: z.string().regex(/^\d+\.\d+\.\d+$/, 'model versions are MAJOR.MINOR.PATCH'),
  length: z.number().int().positive(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  /** Share of the fleet (0–100) that takes this version: a terminal is in when its bucket < rollout. */
  rollout: z.number().min(0).max(100),
  /** Withdrawn by the platform (rollback): terminals running it return to the best earlier one. */
  revoked: z.boolean().default(false),
  created: z.string(),
});
export type TargetVersionT = z.infer<typeof TargetVersion>;
export const TargetsSigned = z.object({
  type: z.literal('targets'),
  /** Metadata version: never goes backwards at a terminal (rollback protection). */
  version: z.number().int().positive(),
  /** Freeze protection: a terminal refuses metadata past this instant. */
  expires: z.string(),
  models: z.record(z.string().regex(/^[a-z0-9][a-z0-9._-]{0,63}$/), z.array(TargetVersion).max(200)),
});
export type TargetsSignedT = z.infer<typeof TargetsSigned>;
export const SignedTargets = z.object({
  signed: TargetsSigned,
  signatures: z.array(z.object({ keyid: z.string(), sig: z.string() })).min(1),
});
export type SignedTargetsT = z.infer<typeof SignedTargets>;

/** JSON with object keys sorted at every level: the byte string that gets signed. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map((v) => canonicalJson(v === undefined ? null : v)).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

/** Compares MAJOR.MINOR.PATCH strings: negative, zero or positive. */
export function compareVersions(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < 3; i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}
