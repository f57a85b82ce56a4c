// Creates actors; one that exists by now (a concurrent change set made it) is overwritten and its before image
// returned, so the undo record says what really happened. MERGE under the uniqueness constraint never duplicates.
UNWIND $rows AS row
MERGE (a:Actor {id: row.id})
  ON CREATE SET a._new = true
WITH a, row, properties(a) AS before
SET a = row
WITH CASE WHEN before._new THEN null ELSE before END AS existed
RETURN collect(existed) AS existed, count(*) AS n
