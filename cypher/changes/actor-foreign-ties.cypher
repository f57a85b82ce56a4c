// Relationships of actors a change set created that another change set wrote: undoing it would orphan them.
UNWIND $ids AS id
MATCH (a:Actor {id: id})-[r]-()
WHERE a._cs = $cs AND coalesce(r._cs, '') <> $cs
RETURN a.id AS actor, type(r) AS type, r.id AS id, r._cs AS cs
LIMIT $limit
