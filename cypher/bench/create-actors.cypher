// Bench only (bench/large-graph.ts): creates a batch of generated actors, no upsert (the graph is empty).
UNWIND $rows AS row
CREATE (a:Actor)
SET a = row
RETURN count(a) AS n
