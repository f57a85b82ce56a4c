// Constraints and indexes, applied before every load (each is IF NOT EXISTS, so this is idempotent).
CREATE CONSTRAINT actor_id IF NOT EXISTS FOR (a:Actor) REQUIRE a.id IS UNIQUE;
CREATE CONSTRAINT source_id IF NOT EXISTS FOR (s:Source) REQUIRE s.id IS UNIQUE;
CREATE INDEX actor_kind IF NOT EXISTS FOR (a:Actor) ON (a.kind);
// Accent- and case-folded name + aliases: substring search (CONTAINS) is served by a text index.
CREATE TEXT INDEX actor_search_text IF NOT EXISTS FOR (a:Actor) ON (a.searchText);
// Each folded name and alias whole (keyword analyzer: one term per key), so that the names and aliases equal
// to or starting with a query are one Lucene term or prefix query (search: cypher/queries/actor-search.cypher).
// The text index answered STARTS WITH by its trigrams: every name holding 'cre', 'red', 'edi', 'dit' was read
// to find none starting with 'credit'. Maintained by Neo4j on every write of searchKeys (server/changes/records.ts).
CREATE FULLTEXT INDEX actor_keys IF NOT EXISTS FOR (a:Actor) ON EACH [a.searchKeys]
  OPTIONS { indexConfig: { `fulltext.analyzer`: 'keyword' } };
// Full-text over names and aliases with ASCII folding, for fuzzy matching when no substring matches.
CREATE FULLTEXT INDEX actor_names IF NOT EXISTS FOR (a:Actor) ON EACH [a.name, a.searchText]
  OPTIONS { indexConfig: { `fulltext.analyzer`: 'standard-folding' } };
// Relationship ids are unique per type (Neo4j 5.26 relationship uniqueness constraints, which also index
// them): two imports running at once can never create the same tie twice. The plain indexes they replace
// are dropped first (a constraint cannot be created over an index on the same property).
DROP INDEX funds_id IF EXISTS;
DROP INDEX pilots_id IF EXISTS;
DROP INDEX partners_with_id IF EXISTS;
DROP INDEX labels_id IF EXISTS;
CREATE CONSTRAINT funds_id_unique IF NOT EXISTS FOR ()-[r:FUNDS]-() REQUIRE r.id IS UNIQUE;
CREATE CONSTRAINT pilots_id_unique IF NOT EXISTS FOR ()-[r:PILOTS]-() REQUIRE r.id IS UNIQUE;
CREATE CONSTRAINT partners_with_id_unique IF NOT EXISTS FOR ()-[r:PARTNERS_WITH]-() REQUIRE r.id IS UNIQUE;
CREATE CONSTRAINT labels_id_unique IF NOT EXISTS FOR ()-[r:LABELS]-() REQUIRE r.id IS UNIQUE;
CREATE INDEX funds_date IF NOT EXISTS FOR ()-[r:FUNDS]-() ON (r.date);
// Change sets (server/changes/): the history, the undo records of each write batch, the graph version.
CREATE CONSTRAINT change_set_id IF NOT EXISTS FOR (c:ChangeSet) REQUIRE c.id IS UNIQUE;
CREATE INDEX change_set_state IF NOT EXISTS FOR (c:ChangeSet) ON (c.state);
CREATE INDEX change_chunk_cs IF NOT EXISTS FOR (k:ChangeChunk) ON (k.cs);
CREATE INDEX change_key IF NOT EXISTS FOR (x:Change) ON (x.key);
CREATE INDEX change_cs IF NOT EXISTS FOR (x:Change) ON (x.cs);
// Accounts and their sessions (server/auth): one name per account, sessions found by the hash of their cookie.
CREATE CONSTRAINT user_name IF NOT EXISTS FOR (u:User) REQUIRE u.name IS UNIQUE;
CREATE CONSTRAINT session_id IF NOT EXISTS FOR (s:Session) REQUIRE s.id IS UNIQUE;
CREATE INDEX session_user IF NOT EXISTS FOR (s:Session) ON (s.user);
// The graph version node (one): caches and metrics key on its version.
CREATE CONSTRAINT graph_state_id IF NOT EXISTS FOR (g:GraphState) REQUIRE g.id IS UNIQUE;
CREATE CONSTRAINT graph_digest_id IF NOT EXISTS FOR (d:GraphDigest) REQUIRE d.id IS UNIQUE;
// Articles sent to the extractor (issue 13): one per text, found by its hash or its id.
CREATE CONSTRAINT extraction_hash IF NOT EXISTS FOR (e:Extraction) REQUIRE e.hash IS UNIQUE;
CREATE CONSTRAINT extraction_id IF NOT EXISTS FOR (e:Extraction) REQUIRE e.id IS UNIQUE;
// Duplicate judgements (server/duplicates): one per pair of actor ids, "a|b" with a < b.
CREATE CONSTRAINT duplicate_judgement_pair IF NOT EXISTS FOR (j:DuplicateJudgement) REQUIRE j.pair IS UNIQUE;
// An actor's history: the changes to its ties are found by their ends (issue 12).
CREATE INDEX change_from IF NOT EXISTS FOR (x:Change) ON (x.from);
CREATE INDEX change_to IF NOT EXISTS FOR (x:Change) ON (x.to);
// A database that predates the search index populates it in the background (seconds for 100k actors): wait,
// so that the first search after an upgrade does not fail on an index still being built.
CALL db.awaitIndex('actor_keys', 300);
