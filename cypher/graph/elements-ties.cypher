// One page of the ties passing the filters, ordered by source actor id, then tie id and type, after the
// cursor ($after, $afterRel, $afterType): every tie belongs to exactly one source actor, so walking the
// actors in id order lists each tie once, and the walk reads only as many actors as the page needs.
MATCH (a:Actor)
WHERE a.id >= $after AND ($kinds IS NULL OR a.kind IN $kinds)
WITH a
ORDER BY a.id
MATCH (a)-[r:FUNDS|PILOTS|PARTNERS_WITH|LABELS]->(b:Actor)
WHERE (a.id > $after OR r.id > $afterRel OR (r.id = $afterRel AND type(r) > $afterType))
  AND type(r) IN $types
  AND ($statuses IS NULL OR coalesce(r.status, 'effective') IN $statuses)
  AND ($before IS NULL OR r.date IS NULL OR r.date < $before)
  AND (type(r) <> 'FUNDS' OR ($amountMin IS NULL AND $amountMax IS NULL)
    OR (r.amount >= coalesce($amountMin, r.amount) AND r.amount <= coalesce($amountMax, r.amount)))
  AND ($kinds IS NULL OR b.kind IN $kinds)
RETURN a.id AS source, b.id AS target, type(r) AS type, r {.id, .amount, .date, .status, .role, .note} AS props
ORDER BY a.id, r.id, type(r)
LIMIT $size
