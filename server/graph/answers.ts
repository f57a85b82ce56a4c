// The first page's answers (GET /api/graph, /api/graph/stats, the default overview) kept on disk by the server
// once computed, for the database and graph version they were computed on: a server started again on the same
// graph serves them after one tiny query, instead of waiting for a freshly started Neo4j to plan and run the
// counts', the whole graph's and the overview's queries (1.9–2.5 s on the 2-core machine). Every write moves the
// version (docs/design.md §1), and the database's own id tells another database, or one created afresh, whose
// version can be any number: an answer is served only for the exact pair it was computed for.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { Db } from '../db';
import { Q } from '../queries';

/** A database and a version of its graph. */
export interface GraphIdentity {
  /** Neo4j's id of the database (`db.info()`): a store created afresh has a new one. */
  database: string;
  version: number;
}

/** The database's id and its graph version, in one query (the one a kept answer waits for). */
export async function graphIdentity(db: Db): Promise<GraphIdentity> {
  const [row] = await db.read(Q.graphIdentity);
  return { database: String(row?.database ?? ''), version: (row?.version as number | undefined) ?? 0 };
}

/** What an answer is kept with besides its identity (e.g. the counts a limit is checked against). */
export type AnswerMeta = Record<string, string | number | boolean>;

/** One kept answer: the identity it is of, what goes with it, and the body as sent (JSON text). */
export interface KeptAnswer {
  meta: AnswerMeta;
  body: string;
}

const NAME = /^[a-z][a-z0-9-]{0,63}$/;

/**
 * Answers kept in a folder, one file per name (`<name>.json`: a line of JSON naming the database, the version and
 * the meta, then the body), each replaced by the next version's. Reads and writes never throw: a missing, partial
 * or unreadable file is no answer, a failed write is told once and the answer is simply computed next time.
 */
export class KeptAnswers {
  private readonly memory = new Map<string, { key: string; answer: KeptAnswer }>();
  private warned = false;
  /** Answers found (in the folder or in memory) and answers written (observability, tests). */
  hits = 0;
  writes = 0;

  constructor(
    readonly dir: string,
    private readonly log: (message: string) => void = (m) => console.error(`[maillage] ${m}`),
    /** The code that shapes the answers (`codeIdentity()`): an upgraded server never serves an older one's. */
    readonly code: string = codeIdentity(),
  ) {}

  /** The answer `name` of exactly this database and version, if one was kept. */
  async get(name: string, id: GraphIdentity, extra: AnswerMeta = {}): Promise<KeptAnswer | undefined> {
    const file = this.file(name);
    if (!usable(id)) return undefined;
    const key = keyOf(this.code, id, extra);
    const inMemory = this.memory.get(name);
    if (inMemory?.key === key) {
      this.hits += 1;
      return inMemory.answer;
    }
    const kept = await this.read(file);
    if (kept?.key !== key) return undefined;
    const answer = { meta: kept.meta, body: kept.body };
    this.memory.set(name, { key, answer });
    this.hits += 1;
    return answer;
  }

  /**
   * The answer `name` kept by this code for database `database`, whatever its version (the newest written): what a
   * new version starts from (server/layout seeds the next layout with the last one's positions).
   */
  async latest(name: string, database: string): Promise<{ version: number; answer: KeptAnswer } | undefined> {
    const kept = await this.read(this.file(name));
    if (typeof kept?.key !== 'string') return undefined;
    try {
      const key = JSON.parse(kept.key) as unknown[];
      if (key[0] !== this.code || key[1] !== database || typeof key[2] !== 'number') return undefined;
      return { version: key[2], answer: { meta: kept.meta, body: kept.body } };
    } catch {
      return undefined;
    }
  }

  /** A kept file's head line (its key and meta) and the body after it; undefined when missing, cut or unreadable. */
  private async read(file: string): Promise<{ key: unknown; meta: AnswerMeta; body: string } | undefined> {
    let text: string;
    try {
      text = await fs.readFile(file, 'utf8');
    } catch {
      return undefined;
    }
    const nl = text.indexOf('\n');
    if (nl < 0) return undefined;
    let head: { key?: unknown; meta?: unknown };
    try {
      head = JSON.parse(text.slice(0, nl)) as typeof head;
    } catch {
      return undefined;
    }
    if (typeof head.meta !== 'object' || head.meta === null) return undefined;
    return { key: head.key, meta: head.meta as AnswerMeta, body: text.slice(nl + 1) };
  }

  /** Keeps `answer` as `name` for this database and version (written whole, then renamed over the previous one). */
  async put(name: string, id: GraphIdentity, answer: KeptAnswer, extra: AnswerMeta = {}): Promise<void> {
    const file = this.file(name);
    if (!usable(id)) return;
    const key = keyOf(this.code, id, extra);
    this.memory.set(name, { key, answer });
    const tmp = `${file}.${process.pid}.${Date.now()}.tmp`;
    try {
      await fs.mkdir(this.dir, { recursive: true });
      await fs.writeFile(tmp, `${JSON.stringify({ key, meta: answer.meta })}\n${answer.body}`);
      await fs.rename(tmp, file);
      this.writes += 1;
    } catch (e) {
      await fs.rm(tmp, { force: true }).catch(() => undefined);
      if (!this.warned) this.log(`answers not kept in ${this.dir}: ${(e as Error).message}`);
      this.warned = true;
    }
  }

  private file(name: string): string {
    if (!NAME.test(name)) throw new Error(`not an answer name: ${name}`);
    return path.join(this.dir, `${name}.json`);
  }
}

/**
 * Version 0 is a database no versioned write has touched: its graph can change without the version moving, so
 * nothing of it is kept. Neither is anything of a database without an id.
 */
const usable = (id: GraphIdentity) => id.version > 0 && id.database !== '';

/** The code, the database, the version and what else the answer depends on (e.g. the overview's limit), as one string. */
const keyOf = (code: string, id: GraphIdentity, extra: AnswerMeta) =>
  JSON.stringify([code, id.database, id.version, ...Object.keys(extra).sort().map((k) => [k, extra[k]])]);

const CODE_DIRS = ['server', 'model', 'cypher'];
const ROOT = path.resolve(__dirname, '..', '..');
let ownCode: string | undefined;

/**
 * A digest of the server's sources, its model and its Cypher (~250 files, read once per process): the answers'
 * shape and contents follow them, and the folder outlives an upgrade, so an answer is served only by the code
 * that wrote it. A version number would be forgotten on a change that keeps it; the files cannot be.
 */
export function codeIdentity(root = ROOT): string {
  if (root !== ROOT) return digestOf(root);
  return (ownCode ??= digestOf(ROOT));
}

/** SHA-1 of every file under `root`'s CODE_DIRS, each with its relative path, in a fixed order. */
function digestOf(root: string): string {
  const hash = createHash('sha1');
  const walk = (rel: string): void => {
    const entries = readdirSync(path.join(root, rel), { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const e of entries) {
      const child = path.posix.join(rel, e.name);
      if (e.isDirectory()) walk(child);
      else if (e.isFile()) hash.update(`${child}\u0000`).update(readFileSync(path.join(root, child))).update('\u0000');
    }
  };
  for (const dir of CODE_DIRS) walk(dir);
  return hash.digest('base64url');
}
