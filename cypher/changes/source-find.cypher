// Stored sources by id (those that exist): their properties, or only their change-set stamp and content hash.
UNWIND $ids AS id
MATCH (s:Source {id: id})
RETURN CASE WHEN $full THEN properties(s) ELSE {id: s.id, _cs: s._cs, _h: s._h} END AS props
