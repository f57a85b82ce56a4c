// One page of actors in id order after $after, each with the ties metrics count (every status but
// $excluded) that leave it, as three parallel lists: the other ends' internal ids (mapped to dense indexes
// by the reader once every actor is read), the type's index in REL_TYPES (model/vocabulary.ts; a unit test
// checks the order) and the amount, -1 when unknown (amounts are positive). Lists of numbers rather than a
// row per tie: 1M ties arrive as 100k rows of small integers, no id strings.
MATCH (a:Actor)
WHERE a.id > $after
WITH a
ORDER BY a.id
LIMIT $size
CALL (a) {
  MATCH (a)-[r:FUNDS|PILOTS|PARTNERS_WITH|LABELS]->(b:Actor)
  WHERE NOT coalesce(r.status, 'effective') IN $excluded
  RETURN collect(id(b)) AS targets,
    collect(CASE type(r) WHEN 'FUNDS' THEN 0 WHEN 'PILOTS' THEN 1 WHEN 'PARTNERS_WITH' THEN 2 WHEN 'LABELS' THEN 3 END) AS types,
    collect(coalesce(r.amount, -1)) AS amounts
}
RETURN a.id AS id, id(a) AS node, a.name AS name, a.kind AS kind, targets, types, amounts
ORDER BY a.id
