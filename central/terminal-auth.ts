// Runs: node (central platform). Authenticates a terminal's request: the terminal signs method,
// path, timestamp and the body's sha256 with its enrolled ed25519 key. The timestamp must be
// within MAX_CLOCK_SKEW_MS of the platform's clock (terminals correct their clock from the
// x-storemind-time header every response carries). Revoked terminals are refused. A signed request
// is accepted once: its signature is remembered for the skew window, so a captured request replayed
// inside the window is refused (REPLAYED) instead of being run again.
import crypto from 'node:crypto';
import type pg from 'pg';
import { HEADER_SIGNATURE, HEADER_TERMINAL, HEADER_TIMESTAMP, MAX_CLOCK_SKEW_MS, signingString } from '../common/api/sync.ts';
import { forbidden, unauthorized } from './errors.ts';

export interface TerminalIdentity {
  id: string;
  storeId: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export function publicKeyFromBase64(b64: string): crypto.KeyObject {
  const key = crypto.createPublicKey({ key: Buffer.from(b64, 'base64'), format: 'der', type: 'spki' });
  if (key.asymmetricKeyType !== 'ed25519') throw new Error('not an ed25519 key');
  return key;
}

// Parsed public keys, by terminal id: parsing DER costs more than the signature check.
const keyCache = new Map<string, { b64: string; key: crypto.KeyObject }>();

export interface SignedRequestParts {
  method: string;
  url: string;
  headers: Record<string, string | string[] | undefined>;
  rawBody: Buffer;
}

export async function authenticateTerminal(pool: pg.Pool, req: SignedRequestParts, now = Date.now()): Promise<TerminalIdentity> {
  const h = (name: string) => {
    const v = req.headers[name];
    return Array.isArray(v) ? v[0] : v;
  };
  const id = h(HEADER_TERMINAL);
  const ts = h(HEADER_TIMESTAMP);
  const sig = h(HEADER_SIGNATURE);
  if (!id || !ts || !sig) throw unauthorized('UNSIGNED', 'This request is not signed by an enrolled terminal.');
  if (!UUID.test(id)) throw unauthorized('UNKNOWN_TERMINAL', 'Unknown terminal.');
  const t = Number(ts);
  if (!Number.isFinite(t)) throw unauthorized('BAD_TIMESTAMP', 'The request timestamp is not a number.');
  if (Math.abs(t - now) > MAX_CLOCK_SKEW_MS) {
    throw unauthorized('CLOCK_SKEW', `The request timestamp is ${Math.round((t - now) / 1000)} s from the platform's clock (limit ${MAX_CLOCK_SKEW_MS / 1000} s).`);
  }
  const { rows } = await pool.query<{ store_id: string; public_key: string; revoked_at: Date | null }>(
    'SELECT store_id, public_key, revoked_at FROM terminals WHERE id = $1', [id],
  );
  const row = rows[0];
  if (!row) throw unauthorized('UNKNOWN_TERMINAL', 'Unknown terminal.');
  let cached = keyCache.get(id);
  if (!cached || cached.b64 !== row.public_key) {
    cached = { b64: row.public_key, key: publicKeyFromBase64(row.public_key) };
    keyCache.set(id, cached);
  }
  // One spelling only (standard base64 of the 64 signature bytes, with its padding): a re-encoded
  // copy of a signature (base64url, no padding, spaces) is the same signature and must not pass as new.
  const sigBytes = Buffer.from(sig, 'base64');
  if (sigBytes.length !== 64 || sigBytes.toString('base64') !== sig) throw unauthorized('BAD_SIGNATURE', 'The request signature must be the 64 signature bytes in standard base64.');
  const bodyHash = crypto.createHash('sha256').update(req.rawBody).digest('hex');
  const message = Buffer.from(signingString(req.method, req.url, t, bodyHash));
  let ok = false;
  try {
    ok = crypto.verify(null, message, cached.key, sigBytes);
  } catch {
    ok = false;
  }
  if (!ok) throw unauthorized('BAD_SIGNATURE', 'The request signature does not match this terminal\'s key.');
  // Checked after the signature, so an unauthenticated caller cannot probe which terminals are revoked.
  if (row.revoked_at) throw forbidden('REVOKED', 'This terminal has been revoked by the platform administrator.');
  await purgeSeenRequests(pool, now);
  const sigHash = crypto.createHash('sha256').update(sigBytes).digest(); // the bytes, not their spelling
  const fresh = await pool.query('INSERT INTO seen_requests (terminal_id, sig_hash) VALUES ($1, $2) ON CONFLICT DO NOTHING', [id, sigHash]);
  if (fresh.rowCount === 0) throw unauthorized('REPLAYED', 'This signed request was already received; a retry must be signed again.');
  return { id, storeId: row.store_id };
}

// Purged at most once a minute per process; a signature older than twice the skew window can no
// longer pass the timestamp check, so forgetting it cannot let a replay through.
let lastPurge = 0;
async function purgeSeenRequests(pool: pg.Pool, now: number): Promise<void> {
  if (now - lastPurge < 60_000) return;
  lastPurge = now;
  await pool.query('DELETE FROM seen_requests WHERE seen_at < now() - make_interval(secs => $1)', [(2 * MAX_CLOCK_SKEW_MS) / 1000]);
}
