// Unit tests for the console's text and plan checks: what they refuse, what they let through, and why.
import { checkPlan, checkQueryText, tokenize } from '../../../server/cypher/guard';
import { AppError } from '../../../server/errors';

const reader = { allowWrites: false };
const admin = { allowWrites: true };

/** The error name a check throws, or 'ok'. */
function verdict(f: () => void): string {
  try {
    f();
    return 'ok';
  } catch (e) {
    if (e instanceof AppError) return e.name;
    throw e;
  }
}

describe('tokenize', () => {
  it('keeps keywords inside strings, comments and backticks out of the word tokens', () => {
    const words = tokenize("MATCH (n) // CREATE\n/* DELETE */ WHERE n.name = 'SET x' AND `MERGE` = \"REMOVE\" RETURN n")
      .filter((t) => t.kind === 'word')
      .map((t) => t.key);
    expect(words).toEqual(['MATCH', 'N', 'WHERE', 'N', 'NAME', 'AND', 'RETURN', 'N']);
  });

  it('reads an escaped backtick and an escaped quote without leaving the token', () => {
    const t = tokenize("RETURN `a``CREATE` AS x, 'it\\'s CREATE' AS y");
    expect(t.filter((x) => x.kind === 'quoted').map((x) => x.text)).toEqual(['a`CREATE']);
    expect(t.filter((x) => x.kind === 'word' && x.key === 'CREATE')).toHaveLength(0);
  });

  it('folds letters Neo4j folds, so ſet reads as SET', () => {
    expect(tokenize('ſet')[0].key).toBe('SET');
  });
});

describe('checkQueryText', () => {
  it.each([
    ['MATCH (a:Actor)-[r:FUNDS]->(b) RETURN a, r, b LIMIT 10'],
    ['MATCH (n) WHERE n.name CONTAINS "CREATE" RETURN n // DELETE everything'],
    ['MATCH (n {set: 1}) RETURN n.create AS merge'],
    ['MATCH (n:Create) RETURN n'],
    ['CALL db.labels() YIELD label RETURN label'],
    ['CALL db . labels()'],
    ["CALL db.index.fulltext.queryNodes('actorSearch', 'nice') YIELD node RETURN node"],
    ['WITH 1 AS x CALL (x) { RETURN x AS y } RETURN y'],
    ['MATCH (a) CALL { WITH a RETURN a.id AS id } RETURN id'],
    ['RETURN date.truncate("month", date()) AS d, point.distance(point({x:0,y:0}), point({x:1,y:1})) AS p'],
    ['CYPHER 5 MATCH (n) RETURN n'],
    ['MATCH (n) RETURN n;'],
    ['MATCH p = (start)-->(stop) RETURN p'],
  ])('lets %s through', (q) => {
    expect(verdict(() => checkQueryText(q, reader))).toBe('ok');
  });

  it.each([
    ['CREATE (n:Actor {id: "x"})', 'WriteNotAllowed'],
    ['MERGE (n:Actor {id: "x"})', 'WriteNotAllowed'],
    ['MATCH (n) SET n.x = 1', 'WriteNotAllowed'],
    ['MATCH (n) DELETE n', 'WriteNotAllowed'],
    ['MATCH (n) DETACH DELETE n', 'WriteNotAllowed'],
    ['MATCH (n) REMOVE n.name', 'WriteNotAllowed'],
    ['MATCH (n) FOREACH (x IN [1] | SET n.a = x)', 'WriteNotAllowed'],
    ['MATCH (n) RETURN n // harmless\nCREATE (m)', 'WriteNotAllowed'],
    ['MATCH (`CREATE`) /* x */ DETACH /* y */ DELETE `CREATE`', 'WriteNotAllowed'],
    ['match (n) detach delete n', 'WriteNotAllowed'],
    ['MATCH (n) ſET n.x = 1', 'WriteNotAllowed'],
    ['CALL { CREATE (x) } IN TRANSACTIONS', 'WriteNotAllowed'],
    ['MATCH (n) CALL { WITH n RETURN n.id AS id } IN TRANSACTIONS RETURN id', 'QueryRejected'],
    ['MATCH (n) CALL { WITH n RETURN 1 AS one } IN 2 CONCURRENT TRANSACTIONS RETURN one', 'QueryRejected'],
    ['CREATE INDEX foo FOR (n:Actor) ON (n.x)', 'QueryRejected'],
    ['CREATE CONSTRAINT c FOR (n:Actor) REQUIRE n.x IS UNIQUE', 'QueryRejected'],
    ['DROP INDEX actorSearch', 'QueryRejected'],
    ['CREATE DATABASE foo', 'QueryRejected'],
    ['CREATE OR REPLACE DATABASE neo4j', 'QueryRejected'],
    ['SHOW TRANSACTIONS', 'QueryRejected'],
    ['TERMINATE TRANSACTIONS "neo4j-transaction-1"', 'QueryRejected'],
    ['STOP DATABASE neo4j', 'QueryRejected'],
    ['GRANT ROLE admin TO bob', 'QueryRejected'],
    ['CYPHER 5 SHOW USERS', 'QueryRejected'],
    ['USE system MATCH (n) RETURN n', 'QueryRejected'],
    ['USING PERIODIC COMMIT LOAD CSV FROM "x" AS l RETURN l', 'QueryRejected'],
    ['MATCH (n) RETURN n; MATCH (m) DETACH DELETE m', 'QueryRejected'],
    ['MATCH (n) RETURN n /* ; */ ; RETURN 1', 'QueryRejected'],
    ['EXPLAIN MATCH (n) RETURN n', 'QueryRejected'],
    ['PROFILE MATCH (n) RETURN n', 'QueryRejected'],
    ['LOAD CSV FROM "file:///etc/passwd" AS l RETURN l', 'LoadCsvNotAllowed'],
    ['load csv with headers from "http://127.0.0.1:1/" as l return l', 'LoadCsvNotAllowed'],
    ['LOAD /* */ CSV FROM "x" AS l RETURN l', 'LoadCsvNotAllowed'],
    ['LOAD C\\u0053V FROM "file:///etc/passwd" AS l RETURN l', 'QueryRejected'],
    ["RETURN 'a\\u0027 AS x CREATE (n) //' AS z", 'QueryRejected'],
    ['CALL dbms.listConfig()', 'ProcedureNotAllowed'],
    ['CALL dbms.components()', 'ProcedureNotAllowed'],
    ['CALL db.createLabel("X")', 'ProcedureNotAllowed'],
    ['CALL `dbms`.`listConfig`()', 'ProcedureNotAllowed'],
    ['CALL dbms /* x */ . listConfig()', 'ProcedureNotAllowed'],
    ['MATCH (n) CALL { CALL dbms.listConfig() YIELD name RETURN name } RETURN name', 'ProcedureNotAllowed'],
    ['RETURN apoc.load.json("file:///etc/passwd")', 'ProcedureNotAllowed'],
    ['CALL apoc.cypher.runWrite("CREATE (n)", {})', 'ProcedureNotAllowed'],
  ])('refuses %s with %s', (q, name) => {
    expect(verdict(() => checkQueryText(q, reader))).toBe(name);
  });

  it.each([
    ['CREATE (n:Actor {id: "x"})', 'ok'],
    ['MATCH (n) DETACH DELETE n', 'ok'],
    ['LOAD CSV FROM "file:///etc/passwd" AS l CREATE (n {line: l})', 'LoadCsvNotAllowed'],
    ['CALL dbms.listConfig()', 'ProcedureNotAllowed'],
    ['CREATE INDEX foo FOR (n:Actor) ON (n.x)', 'QueryRejected'],
    ['CALL { CREATE (x) } IN TRANSACTIONS', 'QueryRejected'],
  ])('with the admin token, gives %s the verdict %s', (q, name) => {
    expect(verdict(() => checkQueryText(q, admin))).toBe(name);
  });

  // One test per spelling of a plugin function's name: each must be read as the one dotted name it is.
  it.each([
    ['back-quoted first part', "RETURN `apoc`.cypher.runFirstColumnSingle('RETURN 1', {}) AS x", 'apoc.cypher.runFirstColumnSingle'],
    ['back-quoted namespace holding a dot', "RETURN `apoc.cypher`.run('RETURN 1', {}) AS x", 'apoc.cypher.run'],
    ['the whole name back-quoted', "RETURN `apoc.cypher.runFirstColumnSingle`('RETURN 1', {}) AS x", 'apoc.cypher.runFirstColumnSingle'],
    ['every part back-quoted', "RETURN `apoc`.`cypher`.`runFirstColumnSingle`('RETURN 1', {}) AS x", 'apoc.cypher.runFirstColumnSingle'],
    ['last part back-quoted', "RETURN apoc.cypher.`runFirstColumnSingle`('RETURN 1', {}) AS x", 'apoc.cypher.runFirstColumnSingle'],
    ['spaces between the parts', "RETURN apoc . cypher . runFirstColumnSingle ('RETURN 1', {}) AS x", 'apoc.cypher.runFirstColumnSingle'],
    ['line breaks and tabs between the parts', "RETURN apoc\n.\tcypher\n.runFirstColumnSingle\n('RETURN 1', {}) AS x", 'apoc.cypher.runFirstColumnSingle'],
    ['block comments between the parts', "RETURN apoc/* a */./* b */cypher /* c */. runFirstColumnSingle/* d */('RETURN 1', {}) AS x", 'apoc.cypher.runFirstColumnSingle'],
    ['line comments between the parts', "RETURN apoc // a\n . cypher // b\n . runFirstColumnSingle // c\n ('RETURN 1', {}) AS x", 'apoc.cypher.runFirstColumnSingle'],
    ['back-quotes and comments mixed', "RETURN `apoc` /**/ . `cypher` /**/ . runFirstColumnSingle('RETURN 1', {}) AS x", 'apoc.cypher.runFirstColumnSingle'],
    ['odd letter case', "RETURN APOC.Cypher.RunFirstColumnSingle('RETURN 1', {}) AS x", 'APOC.Cypher.RunFirstColumnSingle'],
    ['inside a WHERE clause', "MATCH (n) WHERE `apoc`.cypher.runFirstColumnSingle('RETURN true', {}) RETURN n", 'apoc.cypher.runFirstColumnSingle'],
    ['as a procedure, back-quoted namespace holding a dot', "CALL `apoc.cypher`.run('RETURN 1', {})", 'apoc.cypher.run'],
  ])('refuses a plugin function written with %s', (_form, q, name) => {
    try {
      checkQueryText(q, reader);
      throw new Error('not refused');
    } catch (e) {
      expect((e as AppError).name).toBe('ProcedureNotAllowed');
      expect((e as AppError).details).toMatchObject({ procedure: name });
    }
  });

  it.each([
    ['RETURN `date`.truncate("month", date()) AS d'],
    ['RETURN date . truncate ("month", date()) AS d'],
    ['MATCH (n) RETURN `db`.`nameFromElementId`(elementId(n)) AS name'],
    ['MATCH (n) RETURN `count`(n) AS c'],
    ['MATCH (n) RETURN n.`name` AS name, n.`apoc`.x AS y'],
  ])('still lets the built-in %s through', (q) => {
    expect(verdict(() => checkQueryText(q, reader))).toBe('ok');
  });

  it('names the offset of the refused clause', () => {
    try {
      checkQueryText('MATCH (n)\nLOAD CSV FROM "x" AS l RETURN l', reader);
      throw new Error('not refused');
    } catch (e) {
      expect((e as AppError).details).toEqual({ offset: 10 });
    }
  });
});

describe('checkPlan', () => {
  const op = (type: string, details = '') => ({ type, details });
  it.each([
    [{ queryType: 'r', operators: [op('ProduceResults@neo4j'), op('AllNodesScan@neo4j')] }, reader, 'ok'],
    [{ queryType: 'rw', operators: [op('Create@neo4j', '(n)')] }, reader, 'WriteNotAllowed'],
    [{ queryType: 'w', operators: [op('Create@neo4j', '(n)')] }, reader, 'WriteNotAllowed'],
    [{ queryType: 'rw', operators: [op('Create@neo4j', '(n)')] }, admin, 'ok'],
    [{ queryType: 's', operators: [op('CreateIndex@neo4j')] }, reader, 'WriteNotAllowed'],
    [{ queryType: 's', operators: [op('CreateIndex@neo4j')] }, admin, 'QueryRejected'],
    [{ queryType: 'r', operators: [op('LoadCSV@neo4j', 'l')] }, admin, 'LoadCsvNotAllowed'],
    [{ queryType: 'r', operators: [op('ProcedureCall@neo4j', 'db.labels() :: (label :: STRING)')] }, reader, 'ok'],
    [{ queryType: 's', operators: [op('ProcedureCall@neo4j', 'dbms.listConfig() :: (name :: STRING)')] }, admin, 'ProcedureNotAllowed'],
    [{ queryType: 'r', operators: [op('ShowTransactions@neo4j')] }, admin, 'QueryRejected'],
    [{ queryType: 'r', operators: [op('TerminateTransactions@neo4j')] }, reader, 'QueryRejected'],
    [{ queryType: 'w', operators: [op('TransactionForeach@neo4j')] }, admin, 'QueryRejected'],
  ])('gives plan %j (admin: %j) the verdict %s', (plan, opts, name) => {
    expect(verdict(() => checkPlan(plan, opts))).toBe(name);
  });
});
