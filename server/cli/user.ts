// npm run user -- add NAME --role editor | passwd NAME | role NAME ROLE | remove NAME | list: accounts, on the server's machine.
import readline from 'node:readline';
import { Writable } from 'node:stream';
import { APP_INSTANCE, ensure } from '../../neo4j/ctl';
import { Password, Role, UserName } from '../../model/schema';
import { createUser, listUsers, removeUser, updateUser } from '../auth/accounts';
import { readConfig } from '../config';
import { connect } from '../db';
import { AppError } from '../errors';
import { applySchema } from '../load';

const USAGE = `usage: npm run user -- <command>
  add NAME [--role viewer|editor|admin]   create an account (default role: editor); asks for the password
  passwd NAME                             set a new password (ends the account's sessions)
  role NAME viewer|editor|admin           change the role
  remove NAME                             remove the account and its sessions
  list                                    accounts and roles
  --password-stdin                        read the password from the first line of standard input (scripts)`;

class UsageError extends Error {}

/** The password, asked twice on a terminal without echo, or read from stdin's first line. */
async function askPassword(fromStdin: boolean): Promise<string> {
  if (fromStdin || !process.stdin.isTTY) {
    const rl = readline.createInterface({ input: process.stdin });
    for await (const line of rl) { rl.close(); return line; }
    throw new UsageError('no password on standard input');
  }
  let muted = false;
  const out = new Writable({ write(chunk, _enc, cb) { if (!muted) process.stdout.write(chunk); cb(); } });
  const rl = readline.createInterface({ input: process.stdin, output: out, terminal: true });
  const ask = (q: string) => new Promise<string>((resolve) => {
    process.stdout.write(q);
    muted = true;
    rl.question('', (a) => { muted = false; process.stdout.write('\n'); resolve(a); });
  });
  try {
    const a = await ask('password: ');
    const b = await ask('again: ');
    if (a !== b) throw new UsageError('the two passwords differ');
    return a;
  } finally {
    rl.close();
  }
}

function check<T>(schema: { safeParse(v: unknown): { success: true; data: T } | { success: false; error: { issues: { message: string }[] } } }, value: unknown, what: string): T {
  const r = schema.safeParse(value);
  if (!r.success) throw new UsageError(`${what} ${r.error.issues[0].message}`);
  return r.data;
}

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  const flag = (name: string) => {
    const i = args.indexOf(name);
    if (i < 0) return undefined;
    const [, v] = args.splice(i, 2);
    return v;
  };
  const stdin = args.includes('--password-stdin');
  if (stdin) args.splice(args.indexOf('--password-stdin'), 1);
  const roleFlag = flag('--role');
  const [cmd, name, extra] = args;
  if (!cmd || cmd === 'help' || cmd === '--help') { console.log(USAGE); return cmd ? 0 : 2; }
  if (cmd !== 'list' && !name) throw new UsageError(`${cmd} needs an account name\n${USAGE}`);

  const cfg = readConfig();
  const db = connect(cfg.db ?? { uri: (await ensure(APP_INSTANCE)).uri });
  try {
    await applySchema(db);
    switch (cmd) {
      case 'add': {
        const n = check(UserName, name, 'the name');
        const role = check(Role, roleFlag ?? 'editor', '--role');
        const password = check(Password, await askPassword(stdin), 'the password');
        await createUser(db, { name: n, role, password });
        console.log(`account "${n}" created (${role})`);
        break;
      }
      case 'passwd': {
        const password = check(Password, await askPassword(stdin), 'the password');
        await updateUser(db, name, { password });
        console.log(`password of "${name}" changed; its sessions are closed`);
        break;
      }
      case 'role': {
        const role = check(Role, extra ?? roleFlag, 'the role');
        await updateUser(db, name, { role });
        console.log(`"${name}" is now ${role}`);
        break;
      }
      case 'remove':
        await removeUser(db, name);
        console.log(`account "${name}" removed`);
        break;
      case 'list': {
        const users = await listUsers(db);
        if (!users.length) console.log('no account: on loopback the local user is admin, with nothing to sign into');
        for (const u of users) console.log(`${u.name}\t${u.role}\t${u.createdAt}`);
        break;
      }
      default:
        throw new UsageError(`unknown command "${cmd}"\n${USAGE}`);
    }
    return 0;
  } finally {
    await db.close();
  }
}

main().then((code) => process.exit(code)).catch((e: unknown) => {
  if (e instanceof UsageError || e instanceof AppError) {
    console.error(e.message);
    process.exit(2);
  }
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
