// Runs one console query behind its walls: text checks, EXPLAIN check, then a capped auto-commit run.
import type { CypherConfig } from '../config';
import type { CypherResponse } from '../../model/schema';
import { EXPLAIN_PREFIX, type Db, type Params } from '../db';
import { AppError, CypherError, CypherSyntaxError, QueryTimeoutError, WriteNotAllowedError, fromDriverError } from '../errors';
import { begin } from '../changes';
import { graphFromRows } from './graph';
import { checkPlan, checkQueryText } from './guard';

export interface ConsoleQuery {
  query: string;
  params: Params;
  /** The request carried the configured admin token. */
  admin: boolean;
  /** Who runs it, as the history records a console write (`token`). */
  author?: string;
}

const POSITION = /\s*\(line (\d+), column (\d+) \(offset: (\d+)\)\)/;

/** Neo4j's syntax error → its first line and a position in the user's text (EXPLAIN's prefix taken off). */
function syntaxError(message: string, prefixed: boolean): CypherSyntaxError {
  const head = message.split('\n')[0];
  const m = POSITION.exec(head);
  const text = head.replace(POSITION, '').trim();
  if (!m || Number(m[1]) === 0) return new CypherSyntaxError(text);
  const shift = prefixed ? EXPLAIN_PREFIX.length : 0;
  const line = Number(m[1]);
  const column = line === 1 ? Math.max(1, Number(m[2]) - shift) : Number(m[2]);
  const offset = Math.max(0, Number(m[3]) - shift);
  return new CypherSyntaxError(`${text} (line ${line}, column ${column})`, { line, column, offset });
}

/** Driver errors (public `code` and `message` only) → the console's typed errors; anything else is rethrown. */
function mapNeo4jError(err: unknown, timeoutMs: number, prefixed: boolean): unknown {
  const code = (err as { code?: unknown } | null)?.code;
  if (typeof code !== 'string') return err;
  const message = String((err as Error).message ?? '');
  if (code === 'Neo.ClientError.Statement.SyntaxError') return syntaxError(message, prefixed);
  if (code.startsWith('Neo.ClientError.Transaction.TransactionTimedOut')) return new QueryTimeoutError(timeoutMs);
  if (code === 'Neo.ClientError.Statement.AccessMode' || code === 'Neo.ClientError.Security.Forbidden') {
    return new WriteNotAllowedError('the database refused a write in a read-only session');
  }
  // One console query exhausting memory is the query's fault (422), whichever limit it hit.
  if (/Memory/i.test(code)) {
    return new AppError('QueryTooLarge', 422, 'the query needed more memory than the database allows; narrow it', { code });
  }
  const mapped = fromDriverError(err);
  if (mapped) return mapped;
  if (code.startsWith('Neo.ClientError.')) return new CypherError(code, message.split('\n')[0]);
  return err;
}

/** Checks, explains and runs one console query; throws the typed error that says why it did not run. */
export async function runConsoleQuery(db: Db, q: ConsoleQuery, cfg: CypherConfig): Promise<CypherResponse> {
  const started = performance.now();
  const guard = { allowWrites: q.admin };
  checkQueryText(q.query, guard);
  const plan = await db.explain(q.query, q.params, cfg.timeoutMs).catch((e: unknown) => {
    throw mapNeo4jError(e, cfg.timeoutMs, true);
  });
  checkPlan(plan, guard);
  // A console write is a change set too (kind console): in the history with its query, and the graph version
  // moves so that no cache outlives it. Arbitrary Cypher leaves no before images, so it cannot be undone.
  const writes = q.admin && plan.queryType !== 'r';
  const cs = writes ? await begin(db, { kind: 'console', author: q.author ?? 'token', reason: 'écriture dans la console Cypher', summary: { action: 'console.write', query: q.query.slice(0, 4000) } }) : undefined;
  const result = await db
    .runConsole(q.query, q.params, { timeoutMs: cfg.timeoutMs, maxRows: cfg.maxRows, maxBytes: cfg.maxBytes, write: q.admin })
    .catch(async (e: unknown) => {
      await cs?.rollback((e as Error).message).catch(() => undefined);
      throw mapNeo4jError(e, cfg.timeoutMs, false);
    });
  if (cs) await cs.commit();
  const graph = await graphFromRows(db, result.rows);
  const out: CypherResponse = {
    columns: result.columns,
    rows: result.rows,
    graph,
    truncated: result.truncatedBy !== undefined,
    elapsedMs: Math.round(performance.now() - started),
  };
  if (result.truncatedBy) out.truncatedBy = result.truncatedBy;
  if (cs) out.changeSet = cs.id;
  return out;
}
