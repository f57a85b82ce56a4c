// Replaces the properties of sources by id; with $cs, only those that change set wrote last (undo).
UNWIND $rows AS row
MATCH (s:Source {id: row.id})
WHERE $cs IS NULL OR s._cs = $cs
SET s = row
RETURN count(s) AS n
