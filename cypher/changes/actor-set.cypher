// Replaces the properties of actors by id; with $cs, only those that change set wrote last (undo).
UNWIND $rows AS row
MATCH (a:Actor {id: row.id})
WHERE $cs IS NULL OR a._cs = $cs
SET a = row
RETURN count(a) AS n
