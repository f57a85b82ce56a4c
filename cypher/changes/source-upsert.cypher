// Creates sources; one that exists by now (a concurrent change set made it) is overwritten and its before image
// returned, so the undo record says what really happened. MERGE under the uniqueness constraint never duplicates.
UNWIND $rows AS row
MERGE (s:Source {id: row.id})
  ON CREATE SET s._new = true
WITH s, row, properties(s) AS before
SET s = row
WITH CASE WHEN before._new THEN null ELSE before END AS existed
RETURN collect(existed) AS existed, count(*) AS n
