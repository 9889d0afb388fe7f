// Runs: main (Electron). The database key kept by the OS keychain through safeStorage: a random
// 32-byte key, stored only in encrypted form in the user data folder. Where safeStorage is not
// available (no keyring), returns null and the core falls back to its 0600 key file.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { safeStorage } from 'electron';

export function databaseKeyFromKeychain(userData: string): Buffer | null {
  if (!safeStorage.isEncryptionAvailable()) return null;
  const file = path.join(userData, 'storemind.key.safe');
  if (fs.existsSync(file)) {
    const hex = safeStorage.decryptString(fs.readFileSync(file));
    return Buffer.from(hex, 'hex');
  }
  // Keep using an existing plain key file: a second key would not open the existing database.
  if (fs.existsSync(path.join(userData, 'storemind.key'))) return null;
  const key = crypto.randomBytes(32);
  fs.mkdirSync(userData, { recursive: true });
  fs.writeFileSync(file, safeStorage.encryptString(key.toString('hex')), { mode: 0o600, flag: 'wx' });
  return key;
}
