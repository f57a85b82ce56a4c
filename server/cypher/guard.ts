// The console's first walls: a Cypher tokeniser and the checks made on its tokens and on EXPLAIN's plan.
import {
  LoadCsvNotAllowedError,
  ProcedureNotAllowedError,
  QueryRejectedError,
  WriteNotAllowedError,
} from '../errors';

/** Procedures a console user may CALL: schema introspection and the actors' full-text index. */
export const PROCEDURE_ALLOW_LIST: readonly string[] = [
  'db.labels',
  'db.relationshipTypes',
  'db.propertyKeys',
  'db.schema.visualization',
  'db.schema.nodeTypeProperties',
  'db.schema.relTypeProperties',
  'db.index.fulltext.queryNodes',
];

/**
 * Namespaces of built-in functions (temporal, spatial, vector maths). Any other dotted function name is a
 * user-defined function from a plugin, which the console does not know to be harmless.
 */
const FUNCTION_NAMESPACES = ['date', 'datetime', 'localdatetime', 'time', 'localtime', 'duration', 'point', 'vector.similarity'];
const FUNCTION_ALLOW_LIST = ['db.nameFromElementId'];

export type TokenKind = 'word' | 'quoted' | 'string' | 'number' | 'param' | 'punct';
export interface Token {
  kind: TokenKind;
  /** The text as written (for quoted identifiers, without backticks; for strings, with quotes). */
  text: string;
  /** Keyword form: upper case after lower case, so odd letters (ſ, K) fold the way Neo4j's lexer folds them. */
  key: string;
  offset: number;
}

const isWordChar = (c: string) => /[\p{L}\p{N}_]/u.test(c);

/**
 * Splits Cypher into tokens, skipping whitespace and comments. Strings and `quoted identifiers` become one
 * token each, so keywords inside them are never mistaken for clauses. Unterminated strings or comments run to
 * the end, as Neo4j reads them (the query then fails its syntax check).
 */
export function tokenize(query: string): Token[] {
  const out: Token[] = [];
  const n = query.length;
  let i = 0;
  const push = (kind: TokenKind, text: string, offset: number) =>
    out.push({ kind, text, key: kind === 'word' ? text.toLowerCase().toUpperCase() : text, offset });
  while (i < n) {
    const c = query[i];
    if (/\s/u.test(c)) { i++; continue; }
    if (c === '/' && query[i + 1] === '/') {
      while (i < n && query[i] !== '\n' && query[i] !== '\r') i++;
      continue;
    }
    if (c === '/' && query[i + 1] === '*') {
      const end = query.indexOf('*/', i + 2);
      i = end < 0 ? n : end + 2;
      continue;
    }
    const start = i;
    if (c === "'" || c === '"') {
      i++;
      while (i < n && query[i] !== c) i += query[i] === '\\' ? 2 : 1;
      i = Math.min(i + 1, n);
      push('string', query.slice(start, i), start);
      continue;
    }
    if (c === '`') {
      let text = '';
      i++;
      for (;;) {
        if (i >= n) break;
        if (query[i] === '`') {
          if (query[i + 1] === '`') { text += '`'; i += 2; continue; } // `` is an escaped backtick
          i++;
          break;
        }
        text += query[i++];
      }
      push('quoted', text, start);
      continue;
    }
    if (c === '$') {
      i++;
      if (query[i] === '`') {
        const end = query.indexOf('`', i + 1);
        i = end < 0 ? n : end + 1;
      } else while (i < n && isWordChar(query[i])) i++;
      push('param', query.slice(start, i), start);
      continue;
    }
    if (/[0-9]/.test(c)) {
      while (i < n && (isWordChar(query[i]) || (query[i] === '.' && /[0-9]/.test(query[i + 1] ?? '')))) i++;
      push('number', query.slice(start, i), start);
      continue;
    }
    if (isWordChar(c)) {
      while (i < n && isWordChar(query[i])) i++;
      push('word', query.slice(start, i), start);
      continue;
    }
    i++;
    push('punct', c, start);
  }
  return out;
}

/** A bare word used as a keyword: not a property (n.set), label (:Create), map key ({delete: 1}) or alias (AS merge). */
function isKeyword(t: Token[], i: number, key: string): boolean {
  const tok = t[i];
  if (tok?.kind !== 'word' || tok.key !== key) return false;
  const prev = t[i - 1];
  const next = t[i + 1];
  if (prev && ((prev.kind === 'punct' && (prev.text === '.' || prev.text === ':')) || (prev.kind === 'word' && prev.key === 'AS'))) return false;
  if (next?.kind === 'punct' && next.text === ':' ) return false;
  return true;
}

/** A dotted name starting at token i (db . index . fulltext . queryNodes, `db`.`labels`): the name and the index after it. */
function dottedName(t: Token[], i: number): { name: string; end: number } {
  const parts: string[] = [];
  let j = i;
  while (t[j] && (t[j].kind === 'word' || t[j].kind === 'quoted')) {
    parts.push(t[j].text);
    j++;
    if (t[j]?.kind === 'punct' && t[j].text === '.' && (t[j + 1]?.kind === 'word' || t[j + 1]?.kind === 'quoted')) j++;
    else break;
  }
  return { name: parts.join('.'), end: j };
}

const lower = (xs: readonly string[]) => new Set(xs.map((x) => x.toLowerCase()));
const PROCEDURES = lower(PROCEDURE_ALLOW_LIST);
const FUNCTIONS = lower(FUNCTION_ALLOW_LIST);

export function procedureAllowed(name: string): boolean {
  return PROCEDURES.has(name.toLowerCase());
}

function functionAllowed(name: string): boolean {
  const l = name.toLowerCase();
  if (FUNCTIONS.has(l)) return true;
  const ns = l.slice(0, l.lastIndexOf('.'));
  return FUNCTION_NAMESPACES.includes(ns);
}

/** Statements that administer the server rather than ask the graph; all of them are refused in the console. */
const ADMIN_FIRST = new Set([
  'SHOW', 'TERMINATE', 'GRANT', 'DENY', 'REVOKE', 'ALTER', 'DROP', 'RENAME', 'START', 'STOP',
  'ENABLE', 'DEALLOCATE', 'REALLOCATE', 'DRYRUN',
]);
const ADMIN_AFTER_CREATE = new Set([
  'DATABASE', 'COMPOSITE', 'ALIAS', 'USER', 'ROLE', 'INDEX', 'CONSTRAINT', 'RANGE', 'TEXT', 'POINT', 'LOOKUP',
  'FULLTEXT', 'VECTOR', 'BTREE', 'SERVER', 'OR',
]);
const WRITE_KEYWORDS = new Set(['CREATE', 'MERGE', 'SET', 'DELETE', 'REMOVE', 'DETACH', 'NODETACH', 'FOREACH', 'INSERT']);

export interface GuardOptions {
  /** The caller proved the admin token: data writes pass (schema and admin commands still do not). */
  allowWrites: boolean;
}

/**
 * Checks a console query's text before anything is sent to Neo4j; throws the typed error naming the first
 * reason to refuse it. What this cannot see (a write the tokeniser misses) the EXPLAIN check and the read
 * session still stop.
 */
export function checkQueryText(query: string, opts: GuardOptions): void {
  // Neo4j decodes \uXXXX before lexing, even inside strings and identifiers, so `'\u0027 CREATE …` or
  // `LOAD C\u0053V` would read one way here and another there. Nobody needs them in a console: refuse.
  const esc = /\\u/i.exec(query);
  if (esc) {
    throw new QueryRejectedError('unicode-escape', 'write characters as themselves: \\u escapes are not accepted in the console', esc.index);
  }
  const t = tokenize(query);

  // Prefix: CYPHER options (CYPHER 5 runtime=slotted …), then the first clause.
  let i = 0;
  if (isKeyword(t, 0, 'CYPHER')) {
    i = 1;
    for (;;) {
      if (t[i]?.kind === 'number') i++;
      else if (t[i]?.kind === 'word' && t[i + 1]?.text === '=' && t[i + 1]?.kind === 'punct') i += 3;
      else break;
    }
  }
  const first = t[i];
  if (first && (isKeyword(t, i, 'EXPLAIN') || isKeyword(t, i, 'PROFILE'))) {
    throw new QueryRejectedError('explain-profile', `${first.key} is not run by the console: remove it, the console shows the rows`, first.offset);
  }
  if (first && ADMIN_FIRST.has(first.key) && first.kind === 'word') {
    throw new QueryRejectedError('admin-command', `${first.key} commands administer the server and are not accepted in the console`, first.offset);
  }

  for (let k = 0; k < t.length; k++) {
    const tok = t[k];
    if (tok.kind === 'punct' && tok.text === ';' && t.slice(k + 1).length > 0) {
      throw new QueryRejectedError('multiple-statements', 'send one statement at a time', tok.offset);
    }
    if (tok.kind !== 'word' && tok.kind !== 'quoted') continue;
    // A dotted name followed by ( is a namespaced function call (a property is never called). Its parts may
    // be back-quoted (`apoc`.cypher.run, `apoc.cypher`.run) and split by spaces or comments: the tokens join
    // them back, and dots inside a quoted part count as separators, so every spelling names one function.
    const prev = t[k - 1];
    if (!(prev?.kind === 'punct' && prev.text === '.') && !isKeyword(t, k - 1, 'CALL')) {
      const { name, end } = dottedName(t, k);
      if (name.includes('.') && t[end]?.kind === 'punct' && t[end].text === '(' && !functionAllowed(name)) {
        throw new ProcedureNotAllowedError(name, tok.offset);
      }
    }
    if (tok.kind !== 'word') continue;
    const next = t[k + 1];
    if (isKeyword(t, k, 'LOAD') && next?.kind === 'word' && next.key === 'CSV') {
      throw new LoadCsvNotAllowedError(tok.offset);
    }
    if (isKeyword(t, k, 'USE')) {
      throw new QueryRejectedError('use-clause', 'the console asks the Maillage database only: remove the USE clause', tok.offset);
    }
    if (isKeyword(t, k, 'USING') && next?.kind === 'word' && next.key === 'PERIODIC') {
      throw new QueryRejectedError('periodic-commit', 'USING PERIODIC COMMIT is not accepted in the console', tok.offset);
    }
    if (tok.key === 'TRANSACTIONS' && ['IN', 'CONCURRENT'].includes(t[k - 1]?.key ?? '') && t[k - 1]?.kind === 'word') {
      throw new QueryRejectedError('in-transactions', 'CALL { … } IN TRANSACTIONS is not accepted in the console', tok.offset);
    }
    if ((isKeyword(t, k, 'SHOW') || isKeyword(t, k, 'TERMINATE')) && next?.kind === 'word') {
      throw new QueryRejectedError('admin-command', `${tok.key} commands administer the server and are not accepted in the console`, tok.offset);
    }
    if (isKeyword(t, k, 'CREATE') && next?.kind === 'word' && ADMIN_AFTER_CREATE.has(next.key)) {
      throw new QueryRejectedError('admin-command', `CREATE ${next.key} is a schema or admin command, not accepted in the console`, tok.offset);
    }
    if (isKeyword(t, k, 'CALL') && next && (next.kind === 'word' || next.kind === 'quoted')) {
      const { name } = dottedName(t, k + 1);
      if (!procedureAllowed(name)) throw new ProcedureNotAllowedError(name, tok.offset);
      continue;
    }
    if (!opts.allowWrites && WRITE_KEYWORDS.has(tok.key) && isKeyword(t, k, tok.key)) {
      throw new WriteNotAllowedError(`${tok.key} writes to the database`, tok.offset);
    }
  }
}

/** What EXPLAIN tells about a query: its type ('r', 'rw', 'w', 's') and the plan's operators. */
export interface PlanInfo {
  queryType: string;
  operators: { type: string; details: string }[];
}

/** Operators whose presence refuses a query whatever the tokeniser concluded. */
function operatorProblem(op: { type: string; details: string }): Error | undefined {
  const type = op.type.replace(/@.*$/, '');
  if (type === 'LoadCSV') return new LoadCsvNotAllowedError();
  if (type === 'ProcedureCall') {
    const name = /^\s*([^(\s]+)\s*\(/.exec(op.details)?.[1] ?? op.details;
    if (!procedureAllowed(name)) return new ProcedureNotAllowedError(name);
  }
  // SHOW … and TERMINATE TRANSACTIONS are typed read-only ('r'), so only their operators give them away.
  if (/^(Show|Terminate)[A-Z]/.test(type)) {
    return new QueryRejectedError('admin-command', `${type} is an admin operation, not accepted in the console`);
  }
  if (type === 'TransactionForeach' || type === 'TransactionApply') {
    return new QueryRejectedError('in-transactions', 'CALL { … } IN TRANSACTIONS is not accepted in the console');
  }
  return undefined;
}

/** Checks EXPLAIN's verdict: read-only unless the caller is admin, and no refused operator in the plan. */
export function checkPlan(plan: PlanInfo, opts: GuardOptions): void {
  for (const op of plan.operators) {
    const problem = operatorProblem(op);
    if (problem) throw problem;
  }
  if (plan.queryType === 'r') return;
  if (plan.queryType === 's') {
    if (!opts.allowWrites) throw new WriteNotAllowedError('schema commands write to the database');
    throw new QueryRejectedError('admin-command', 'schema commands are managed by cypher/schema.cypher, not the console');
  }
  if (!opts.allowWrites) throw new WriteNotAllowedError(`the query writes (query type "${plan.queryType}")`);
  if (plan.queryType !== 'w' && plan.queryType !== 'rw') {
    throw new QueryRejectedError('unknown-query-type', `the query type "${plan.queryType}" is not understood`);
  }
}
