// Undo of a creation: deletes the actors this change set wrote last and that no relationship uses any more.
UNWIND $ids AS id
MATCH (a:Actor {id: id})
WHERE a._cs = $cs AND NOT EXISTS { (a)--() }
DELETE a
RETURN count(*) AS n
