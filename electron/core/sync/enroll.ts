// Runs: node (core). Enrolls this terminal with the platform: makes an ed25519 key pair, proves
// it holds the private key, and registers it with a one-time code. The new key is kept in a
// pending file until the platform accepts it, so a retry after a lost answer sends the same key
// (the platform then returns the same terminal instead of refusing the used code).
import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import { EnrollResponse, enrollProofString } from '../../../common/api/sync.ts';
import type { Db } from '../db/database.ts';
import { CoreError } from '../db/errors.ts';
import { PlatformClient, PlatformError, isRetryable } from './http.ts';
import { keyFile, newKey, saveKey, sign, type TerminalKey } from './identity.ts';
import { withRetry } from './retry.ts';
import { getState, setState, type Enrollment } from './state.ts';

export interface EnrollOptions {
  server: string;
  code: string;
  name?: string;
  appVersion?: string;
}

/** The key being enrolled: kept until the platform accepts it, so a retry after a lost answer sends the same key. */
export function pendingKey(dataDir: string): TerminalKey {
  const file = `${keyFile(dataDir)}.pending`;
  if (fs.existsSync(file)) {
    const privateKey = crypto.createPrivateKey(fs.readFileSync(file));
    const pub = crypto.createPublicKey(privateKey).export({ type: 'spki', format: 'der' });
    return { privateKey, publicKeyB64: Buffer.from(pub).toString('base64') };
  }
  const key = newKey();
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  fs.writeFileSync(file, key.privateKey.export({ type: 'pkcs8', format: 'pem' }) as string, { mode: 0o600 });
  return key;
}

export function checkServerUrl(server: string): string {
  let u: URL;
  try {
    u = new URL(server);
  } catch {
    throw new CoreError('BAD_INPUT', `--server ${server} is not a URL.`);
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') throw new CoreError('BAD_INPUT', '--server must be an http(s) URL.');
  return u.origin;
}

export async function enroll(db: Db, dataDir: string, o: EnrollOptions): Promise<Enrollment> {
  const server = checkServerUrl(o.server);
  const code = o.code.trim().toUpperCase();
  if (!/^[0-9A-Z-]{6,64}$/.test(code)) throw new CoreError('BAD_INPUT', 'The enrollment code looks wrong: it is letters, digits and dashes.');
  const key = pendingKey(dataDir);
  const client = new PlatformClient({ server });
  const body = Buffer.from(JSON.stringify({ code, publicKey: key.publicKeyB64, proof: sign(key, enrollProofString(code, key.publicKeyB64)), name: o.name, appVersion: o.appVersion }));
  let res: { terminalId: string; storeId: string; serverTime: number };
  try {
    res = EnrollResponse.parse(await withRetry(() => client.json('POST', '/v1/enroll', { body, signed: false }), { attempts: 5, baseMs: 200, capMs: 3000, retryable: isRetryable }));
  } catch (e) {
    if (e instanceof PlatformError) throw new CoreError(e.status === 0 ? 'INTERNAL' : 'FORBIDDEN', `Enrollment refused: ${e.message} (${e.code})`);
    throw e;
  }
  saveKey(dataDir, key);
  fs.rmSync(`${keyFile(dataDir)}.pending`, { force: true });
  const enrollment: Enrollment = { server, terminalId: res.terminalId, storeId: res.storeId, enrolledAt: new Date().toISOString() };
  db.transaction(() => {
    const previous = getState(db, 'enrollment');
    if (previous && previous.storeId !== res.storeId) setState(db, 'changeCursor', 0);
    setState(db, 'enrollment', enrollment);
    setState(db, 'clockOffsetMs', client.clockOffsetMs);
    setState(db, 'revoked', false);
    setState(db, 'lastError', null);
  })();
  return enrollment;
}
