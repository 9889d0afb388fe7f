// Runs: node (core). The terminal's ed25519 key pair: made at enrollment, the private half kept in
// the data folder with mode 0600 (sync/terminal.key), the public half registered at the platform.
// Every request after enrollment is signed with it.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { CoreError } from '../db/errors.ts';

export interface TerminalKey {
  privateKey: crypto.KeyObject;
  /** base64 SPKI DER: what the platform stores. */
  publicKeyB64: string;
}

export function keyFile(dataDir: string): string {
  return path.join(dataDir, 'sync', 'terminal.key');
}

function fromPrivate(privateKey: crypto.KeyObject): TerminalKey {
  const pub = crypto.createPublicKey(privateKey).export({ type: 'spki', format: 'der' });
  return { privateKey, publicKeyB64: Buffer.from(pub).toString('base64') };
}

/** A new key pair, written only after the platform accepted it (see commitKey). */
export function newKey(): TerminalKey {
  return fromPrivate(crypto.generateKeyPairSync('ed25519').privateKey);
}

export function saveKey(dataDir: string, key: TerminalKey): void {
  const file = keyFile(dataDir);
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, key.privateKey.export({ type: 'pkcs8', format: 'pem' }) as string, { mode: 0o600 });
  fs.renameSync(tmp, file);
  fs.chmodSync(file, 0o600);
}

export function loadKey(dataDir: string): TerminalKey {
  const file = keyFile(dataDir);
  let pem: Buffer;
  try {
    pem = fs.readFileSync(file);
  } catch {
    throw new CoreError('NOT_FOUND', `This terminal's sync key (${file}) is missing; enroll the terminal again.`);
  }
  return fromPrivate(crypto.createPrivateKey(pem));
}

export function sign(key: TerminalKey, message: string): string {
  return crypto.sign(null, Buffer.from(message), key.privateKey).toString('base64');
}
