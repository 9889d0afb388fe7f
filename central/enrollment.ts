// Runs: node (central platform). Enrollment: staff create a one-time code for a store (it expires;
// only its sha256 is stored); a terminal enrolls with it, proving it holds the private key of the
// public key it registers. The code is consumed in the same statement that checks it, so two
// racing enrollments cannot both win. A retry by the SAME key (its first answer was lost on the
// network) gets the same terminal back; any other reuse of the code is refused.
import crypto from 'node:crypto';
import { enrollProofString, type EnrollResponse } from '../common/api/sync.ts';
import type { z } from 'zod';
import type { CentralDb } from './db.ts';
import { HttpError, badRequest } from './errors.ts';
import { publicKeyFromBase64 } from './terminal-auth.ts';

const STORE_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
const hashCode = (code: string) => crypto.createHash('sha256').update(code.trim().toUpperCase()).digest('hex');

export async function createEnrollCode(db: CentralDb, storeId: string, ttlMinutes = 60 * 24): Promise<{ code: string; store: string; expiresAt: string }> {
  if (!STORE_ID.test(storeId)) throw badRequest('BAD_STORE', 'A store id is 1–64 letters, digits, ".", "_" or "-".');
  // 20 characters of Crockford base32: 100 bits, typed by staff, so no 0/O or 1/I confusion.
  const alphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
  const bytes = crypto.randomBytes(20);
  const raw = Array.from(bytes, (b) => alphabet[b % 32]).join('');
  const code = raw.match(/.{5}/g)!.join('-');
  const expires = new Date(Date.now() + ttlMinutes * 60_000);
  await db.tx(async (c) => {
    await c.query('INSERT INTO stores (id) VALUES ($1) ON CONFLICT (id) DO NOTHING', [storeId]);
    await c.query('INSERT INTO enroll_codes (code_hash, store_id, expires_at) VALUES ($1, $2, $3)', [hashCode(code), storeId, expires]);
    await c.query("INSERT INTO admin_log (action, detail) VALUES ('enroll-code', $1)", [JSON.stringify({ store: storeId, expiresAt: expires.toISOString() })]);
  });
  return { code, store: storeId, expiresAt: expires.toISOString() };
}

export interface EnrollInput {
  code: string;
  publicKey: string;
  proof: string;
  name?: string;
  appVersion?: string;
  kind?: 'terminal' | 'hub';
}

export async function enrollTerminal(db: CentralDb, input: EnrollInput, opts: { hubsAllowed?: boolean } = {}): Promise<z.infer<typeof EnrollResponse>> {
  const kind = input.kind ?? 'terminal';
  if (kind === 'hub' && opts.hubsAllowed === false) throw new HttpError(403, 'NOT_A_PLATFORM', 'This is a store hub; a hub enrolls with the central platform, not with another hub.');
  let key: crypto.KeyObject;
  try {
    key = publicKeyFromBase64(input.publicKey);
  } catch {
    throw badRequest('BAD_KEY', 'publicKey must be a base64 SPKI DER ed25519 public key.');
  }
  let proofOk = false;
  try {
    proofOk = crypto.verify(null, Buffer.from(enrollProofString(input.code, input.publicKey)), key, Buffer.from(input.proof, 'base64'));
  } catch {
    proofOk = false;
  }
  if (!proofOk) throw new HttpError(401, 'BAD_PROOF', 'The enrollment proof is not signed by the key being enrolled.');
  const codeHash = hashCode(input.code);
  return db.tx(async (c) => {
    const id = crypto.randomUUID();
    const used = await c.query<{ store_id: string }>(
      'UPDATE enroll_codes SET used_at = now(), terminal_id = $2 WHERE code_hash = $1 AND used_at IS NULL AND expires_at > now() RETURNING store_id',
      [codeHash, id],
    );
    if (used.rows[0]) {
      const storeId = used.rows[0].store_id;
      if (kind === 'hub') {
        const hub = await c.query<{ id: string }>("SELECT id FROM terminals WHERE store_id = $1 AND kind = 'hub' AND revoked_at IS NULL", [storeId]);
        if (hub.rows[0]) {
          throw new HttpError(409, 'HUB_EXISTS', `Store ${storeId} already has a store hub (${hub.rows[0].id}); revoke it first if this one replaces it.`);
        }
      }
      await c.query('INSERT INTO terminals (id, store_id, name, public_key, app_version, last_contact, kind) VALUES ($1, $2, $3, $4, $5, now(), $6)', [
        id, storeId, (input.name ?? '').slice(0, 100), input.publicKey, input.appVersion ?? null, kind,
      ]);
      return { terminalId: id, storeId, serverTime: Date.now() };
    }
    const { rows } = await c.query<{ used_at: Date | null; expires_at: Date; terminal_id: string | null; public_key: string | null; store_id: string; revoked_at: Date | null }>(
      `SELECT e.used_at, e.expires_at, e.terminal_id, e.store_id, t.public_key, t.revoked_at FROM enroll_codes e LEFT JOIN terminals t ON t.id = e.terminal_id WHERE e.code_hash = $1`,
      [codeHash],
    );
    const row = rows[0];
    if (!row) throw new HttpError(401, 'BAD_CODE', 'This enrollment code is not valid.');
    if (row.used_at && row.public_key === input.publicKey && row.terminal_id && !row.revoked_at) {
      return { terminalId: row.terminal_id, storeId: row.store_id, serverTime: Date.now() };
    }
    if (row.used_at) throw new HttpError(409, 'CODE_USED', 'This enrollment code has already been used; ask for a new one.');
    throw new HttpError(410, 'CODE_EXPIRED', 'This enrollment code has expired; ask for a new one.');
  });
}

export async function revokeTerminal(db: CentralDb, terminalId: string): Promise<{ id: string; revokedAt: string }> {
  const { rows } = await db.pool.query<{ revoked_at: Date }>(
    'UPDATE terminals SET revoked_at = COALESCE(revoked_at, now()) WHERE id::text = $1 RETURNING revoked_at', [terminalId],
  );
  if (!rows[0]) throw new HttpError(404, 'NOT_FOUND', `No terminal ${terminalId}.`);
  await db.pool.query("INSERT INTO admin_log (action, detail) VALUES ('revoke', $1)", [JSON.stringify({ terminal: terminalId })]);
  return { id: terminalId, revokedAt: rows[0].revoked_at.toISOString() };
}
