// Password hashing with scrypt (node:crypto): slow on purpose, salted, parameters stored with each hash.
import crypto from 'node:crypto';

/**
 * N = 2^15, r = 8, p = 3: one of OWASP's equivalent scrypt settings, chosen over N = 2^17 (128 MiB) so that
 * a few concurrent sign-ins stay at 32 MiB each on a small server.
 */
const PARAMS = { N: 2 ** 15, r: 8, p: 3 } as const;
const KEY_LEN = 32;
const PREFIX = 'scrypt';

function scrypt(password: string, salt: Buffer, p: { N: number; r: number; p: number }): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    // maxmem must exceed 128·N·r bytes, or node refuses the parameters.
    crypto.scrypt(password.normalize('NFKC'), salt, KEY_LEN, { ...p, maxmem: 256 * p.N * p.r }, (err, key) => (err ? reject(err) : resolve(key)));
  });
}

/** `scrypt$N$r$p$salt$hash` (base64): the parameters travel with the hash so they can be raised later. */
export async function hashPassword(password: string): Promise<string> {
  const salt = crypto.randomBytes(16);
  const key = await scrypt(password, salt, PARAMS);
  return [PREFIX, PARAMS.N, PARAMS.r, PARAMS.p, salt.toString('base64'), key.toString('base64')].join('$');
}

/** True when `password` matches `stored`; a malformed hash never matches. Compares in constant time. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== PREFIX) return false;
  const [N, r, p] = parts.slice(1, 4).map(Number);
  if (![N, r, p].every((x) => Number.isSafeInteger(x) && x > 0)) return false;
  const salt = Buffer.from(parts[4], 'base64');
  const expected = Buffer.from(parts[5], 'base64');
  const key = await scrypt(password, salt, { N, r, p });
  return key.length === expected.length && crypto.timingSafeEqual(key, expected);
}

/** A hash of a random password: sign-in for an unknown name verifies against it, so both take the same time. */
export const DUMMY_HASH = hashPassword(crypto.randomBytes(16).toString('hex'));
