// Stored actors by id (those that exist): their properties, or only their change-set stamp and content hash.
UNWIND $ids AS id
MATCH (a:Actor {id: id})
RETURN CASE WHEN $full THEN properties(a) ELSE {id: a.id, _cs: a._cs, _h: a._h} END AS props
