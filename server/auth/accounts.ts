// Accounts and sessions in Neo4j: create, list, update, remove; sign in, resolve and end a session.
import crypto from 'node:crypto';
import type { Role, UserInfo } from '../../model/schema';
import type { Db } from '../db';
import { AppError, NotFoundError } from '../errors';
import { Q } from '../queries';
import { DUMMY_HASH, hashPassword, verifyPassword } from './passwords';

export class UserExistsError extends AppError {
  constructor(name: string) {
    super('UserExists', 409, `an account named "${name}" already exists`, { name });
  }
}

export class InvalidCredentialsError extends AppError {
  constructor() {
    super('InvalidCredentials', 401, 'unknown account or wrong password');
  }
}

/** The cookie value a browser holds is random; the database stores only its SHA-256, so a stolen dump opens nothing. */
export const sessionKey = (cookieValue: string) => crypto.createHash('sha256').update(cookieValue).digest('hex');

const now = () => new Date().toISOString();

export async function createUser(db: Db, u: { name: string; role: Role; password: string }): Promise<UserInfo> {
  const passwordHash = await hashPassword(u.password);
  try {
    const [row] = await db.write(Q.userCreate, { name: u.name, role: u.role, passwordHash, now: now() });
    return row as unknown as UserInfo;
  } catch (e) {
    if ((e as { code?: string }).code === 'Neo.ClientError.Schema.ConstraintValidationFailed') throw new UserExistsError(u.name);
    throw e;
  }
}

export async function listUsers(db: Db): Promise<UserInfo[]> {
  return (await db.read(Q.userList)) as unknown as UserInfo[];
}

export async function updateUser(db: Db, name: string, change: { role?: Role; password?: string }): Promise<UserInfo> {
  const passwordHash = change.password !== undefined ? await hashPassword(change.password) : null;
  const [row] = await db.write(Q.userUpdate, { name, role: change.role ?? null, passwordHash });
  if (!row) throw new NotFoundError('User', name);
  return row as unknown as UserInfo;
}

export async function removeUser(db: Db, name: string): Promise<void> {
  const [row] = await db.write(Q.userRemove, { name });
  if (!row || row.removed === 0) throw new NotFoundError('User', name);
}

export async function countUsers(db: Db): Promise<{ users: number; admins: number }> {
  const [row] = await db.read(Q.userCount);
  return row as unknown as { users: number; admins: number };
}

/** Checks the password (same work whether the account exists or not) and returns the account. */
export async function checkCredentials(db: Db, name: string, password: string): Promise<{ name: string; role: Role }> {
  const [row] = await db.read(Q.userGet, { name });
  const hash = (row?.passwordHash as string | undefined) ?? (await DUMMY_HASH);
  const ok = await verifyPassword(password, hash);
  if (!row || !ok) throw new InvalidCredentialsError();
  return { name: row.name as string, role: row.role as Role };
}

/** Opens a session for `user`; returns the cookie value (random, 32 bytes). */
export async function openSession(db: Db, user: string, ttlMs: number): Promise<string> {
  const value = crypto.randomBytes(32).toString('base64url');
  const t = Date.now();
  await db.write(Q.sessionCreate, { id: sessionKey(value), user, now: new Date(t).toISOString(), expiresAt: new Date(t + ttlMs).toISOString() });
  return value;
}

/** The account of a live session, or undefined. */
export async function sessionUser(db: Db, cookieValue: string): Promise<{ name: string; role: Role } | undefined> {
  const [row] = await db.read(Q.sessionGet, { id: sessionKey(cookieValue), now: now() });
  return row ? { name: row.name as string, role: row.role as Role } : undefined;
}

export async function closeSession(db: Db, cookieValue: string): Promise<void> {
  await db.write(Q.sessionDelete, { id: sessionKey(cookieValue), now: now() });
}
