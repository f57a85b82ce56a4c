// Undo of a deletion: re-creates sources from their before image, unless one with the id exists again.
UNWIND $rows AS row
OPTIONAL MATCH (x:Source {id: row.id})
WITH row WHERE x IS NULL
CREATE (s:Source)
SET s = row
RETURN count(s) AS n
