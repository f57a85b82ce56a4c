// Constraints and indexes, applied before every load (each is IF NOT EXISTS, so this is idempotent).
CREATE CONSTRAINT actor_id IF NOT EXISTS FOR (a:Actor) REQUIRE a.id IS UNIQUE;
CREATE CONSTRAINT source_id IF NOT EXISTS FOR (s:Source) REQUIRE s.id IS UNIQUE;
CREATE INDEX actor_kind IF NOT EXISTS FOR (a:Actor) ON (a.kind);
// Accent- and case-folded name + aliases: substring search (CONTAINS) is served by a text index.
CREATE TEXT INDEX actor_search_text IF NOT EXISTS FOR (a:Actor) ON (a.searchText);
// Full-text over names and aliases with ASCII folding, for fuzzy matching when no substring matches.
CREATE FULLTEXT INDEX actor_names IF NOT EXISTS FOR (a:Actor) ON EACH [a.name, a.searchText]
  OPTIONS { indexConfig: { `fulltext.analyzer`: 'standard-folding' } };
CREATE INDEX funds_id IF NOT EXISTS FOR ()-[r:FUNDS]-() ON (r.id);
CREATE INDEX pilots_id IF NOT EXISTS FOR ()-[r:PILOTS]-() ON (r.id);
CREATE INDEX partners_with_id IF NOT EXISTS FOR ()-[r:PARTNERS_WITH]-() ON (r.id);
CREATE INDEX labels_id IF NOT EXISTS FOR ()-[r:LABELS]-() ON (r.id);
CREATE INDEX funds_date IF NOT EXISTS FOR ()-[r:FUNDS]-() ON (r.date);
// Accounts and their sessions (server/auth): one name per account, sessions found by the hash of their cookie.
CREATE CONSTRAINT user_name IF NOT EXISTS FOR (u:User) REQUIRE u.name IS UNIQUE;
CREATE CONSTRAINT session_id IF NOT EXISTS FOR (s:Session) REQUIRE s.id IS UNIQUE;
CREATE INDEX session_user IF NOT EXISTS FOR (s:Session) ON (s.user);
// The graph version node (one): caches and metrics key on its version.
CREATE CONSTRAINT graph_state_id IF NOT EXISTS FOR (g:GraphState) REQUIRE g.id IS UNIQUE;
// Articles sent to the extractor (issue 13): one per text, found by its hash or its id.
CREATE CONSTRAINT extraction_hash IF NOT EXISTS FOR (e:Extraction) REQUIRE e.hash IS UNIQUE;
CREATE CONSTRAINT extraction_id IF NOT EXISTS FOR (e:Extraction) REQUIRE e.id IS UNIQUE;
