// Runs: node (core). PINs are short, so they get a slow salted hash (scrypt) and a constant-time
// comparison; a stolen database should not hand out staff PINs by brute force in seconds.
import crypto from 'node:crypto';

const KEYLEN = 32;
// N=2^14 keeps a sign-in around 30-60 ms on a kiosk CPU: slow for an attacker, fine for a cashier.
const PARAMS = { N: 1 << 14, r: 8, p: 1, maxmem: 64 * 1024 * 1024 };

export function hashPin(pin: string, salt = crypto.randomBytes(16).toString('hex')): { hash: string; salt: string } {
  const hash = crypto.scryptSync(pin, salt, KEYLEN, PARAMS).toString('hex');
  return { hash, salt };
}

export function verifyPin(pin: string, salt: string, expectedHex: string): boolean {
  const actual = crypto.scryptSync(pin, salt, KEYLEN, PARAMS);
  const expected = Buffer.from(expectedHex, 'hex');
  return expected.length === actual.length && crypto.timingSafeEqual(actual, expected);
}
