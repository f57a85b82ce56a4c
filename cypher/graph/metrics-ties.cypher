// One page of the ties metrics count (every status but $excluded), by source actor id, then tie id and
// type, after the cursor; only what metrics read (ends, type, amount), so 1M ties stream in 100 pages.
MATCH (a:Actor)
WHERE a.id >= $after
WITH a
ORDER BY a.id
MATCH (a)-[r:FUNDS|PILOTS|PARTNERS_WITH|LABELS]->(b:Actor)
WHERE (a.id > $after OR r.id > $afterRel OR (r.id = $afterRel AND type(r) > $afterType))
  AND NOT coalesce(r.status, 'effective') IN $excluded
RETURN a.id AS s, b.id AS t, type(r) AS type, r.id AS id, r.amount AS amount
ORDER BY a.id, r.id, type(r)
LIMIT $size
