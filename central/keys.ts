// Runs: node (central platform). Secrets kept in the platform's data folder, each written once
// with mode 0600: the admin token (unless STOREMIND_CENTRAL_ADMIN_TOKEN is set) and the root
// ed25519 key that signs model metadata (terminals pin its public half in resources/keys/root.pub).
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

export interface AdminToken {
  token: string;
  /** True when this start generated it (the CLI prints it once). */
  generated: boolean;
  file: string | null;
}

function writeSecret(file: string, content: string): void {
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  // 'wx': never overwrite a secret another instance just wrote.
  fs.writeFileSync(file, content, { mode: 0o600, flag: 'wx' });
  fs.chmodSync(file, 0o600);
}

export function loadAdminToken(dataDir: string, env: NodeJS.ProcessEnv = process.env): AdminToken {
  const fromEnv = env.STOREMIND_CENTRAL_ADMIN_TOKEN?.trim();
  if (fromEnv) {
    if (fromEnv.length < 16) throw new Error('STOREMIND_CENTRAL_ADMIN_TOKEN must be at least 16 characters.');
    return { token: fromEnv, generated: false, file: null };
  }
  const file = path.join(dataDir, 'admin-token');
  if (fs.existsSync(file)) return { token: fs.readFileSync(file, 'utf8').trim(), generated: false, file };
  const token = crypto.randomBytes(24).toString('base64url');
  writeSecret(file, token + '\n');
  return { token, generated: true, file };
}

export function tokenMatches(expected: string, given: string | undefined): boolean {
  if (!given) return false;
  const a = crypto.createHash('sha256').update(expected).digest();
  const b = crypto.createHash('sha256').update(given).digest();
  return crypto.timingSafeEqual(a, b);
}

export interface RootKey {
  privateKey: crypto.KeyObject;
  publicKey: crypto.KeyObject;
  /** sha256 of the SPKI DER public key, hex: names the key in signatures. */
  keyid: string;
  publicPem: string;
}

export function keyId(publicKey: crypto.KeyObject): string {
  return crypto.createHash('sha256').update(publicKey.export({ type: 'spki', format: 'der' })).digest('hex');
}

/** Loads the root signing key from the data folder (or STOREMIND_CENTRAL_ROOT_KEY), generating a new pair on first start. */
export function loadRootKey(dataDir: string, env: NodeJS.ProcessEnv = process.env): RootKey & { generated: boolean; file: string } {
  const file = env.STOREMIND_CENTRAL_ROOT_KEY ? path.resolve(env.STOREMIND_CENTRAL_ROOT_KEY) : path.join(dataDir, 'keys', 'root.key');
  let generated = false;
  if (!fs.existsSync(file)) {
    const { privateKey } = crypto.generateKeyPairSync('ed25519');
    writeSecret(file, privateKey.export({ type: 'pkcs8', format: 'pem' }) as string);
    generated = true;
  }
  const privateKey = crypto.createPrivateKey(fs.readFileSync(file));
  if (privateKey.asymmetricKeyType !== 'ed25519') throw new Error(`${file} is not an ed25519 private key.`);
  const publicKey = crypto.createPublicKey(privateKey);
  const publicPem = publicKey.export({ type: 'spki', format: 'pem' }) as string;
  fs.writeFileSync(path.join(path.dirname(file), 'root.pub'), publicPem);
  return { privateKey, publicKey, keyid: keyId(publicKey), publicPem, generated, file };
}

/**
 * Every platform instance of a fleet signs with the same root key: the first to start records the
 * key's id in the shared database, and an instance holding another key (its own data folder made
 * one) stops with what to do, rather than publish metadata terminals would refuse.
 */
export async function checkFleetRootKey(pool: { query: (sql: string, values: unknown[]) => Promise<{ rows: Array<{ keyid: string }> }> }, key: { keyid: string; file: string }): Promise<void> {
  await pool.query("INSERT INTO fleet_keys (role, keyid) VALUES ('root', $1) ON CONFLICT (role) DO NOTHING", [key.keyid]);
  const { rows } = await pool.query("SELECT keyid FROM fleet_keys WHERE role = 'root'", []);
  const fleet = rows[0]?.keyid;
  if (fleet !== key.keyid) {
    throw new Error(`This fleet signs with root key ${fleet?.slice(0, 16)}…, but this instance has ${key.keyid.slice(0, 16)}… (${key.file}). Give every instance the fleet's key: copy it, or point STOREMIND_CENTRAL_ROOT_KEY at it.`);
  }
}
