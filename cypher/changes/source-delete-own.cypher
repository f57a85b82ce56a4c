// Undo of a creation: deletes the source documents this change set wrote last.
UNWIND $ids AS id
MATCH (s:Source {id: id})
WHERE s._cs = $cs
DELETE s
RETURN count(*) AS n
