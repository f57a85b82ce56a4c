// Undo of a deletion: re-creates actors from their before image, unless one with the id exists again.
UNWIND $rows AS row
OPTIONAL MATCH (x:Actor {id: row.id})
WITH row WHERE x IS NULL
CREATE (a:Actor)
SET a = row
RETURN count(a) AS n
