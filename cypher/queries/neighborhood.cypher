// An actor's neighbourhood in one query: the actor, up to $depth (1–3) levels of a breadth-first walk by the
// allowed types, at most $limit actors in all, and every tie among them. One level expands each actor of its
// frontier in turn and keeps the first actors not seen yet, in the order the database walks their ties (the walk
// stops once enough are found: a hub's 20,000 ties cost a few hundred steps). A level that finds more actors than
// there is room for marks the view truncated and ends the walk. LIMIT cannot depend on the level, so each level
// asks for $limit (never less than the room left plus the one that tells truncation) and keeps the room left:
// the walk's order does not depend on its limit, so these are the same actors.
// The ties among the view are read as in cypher/graph/ties-among.cypher: from the side (outgoing or incoming)
// the set has fewer of, the far end checked against the set's nodes (not by reading its id).
MATCH (s:Actor {id: $id})
WITH s, [s] AS seen, [s] AS frontier, false AS truncated
CALL (seen, frontier, truncated) {
  UNWIND CASE WHEN truncated OR $depth < 1 THEN [] ELSE frontier END AS a
  MATCH (a)-[r:FUNDS|PILOTS|PARTNERS_WITH|LABELS]-(o:Actor)
  WHERE type(r) IN $types AND NOT o IN seen
  WITH DISTINCT o
  LIMIT $limit
  RETURN collect(o) AS found
}
WITH seen, found[..$limit - size(seen)] AS frontier, truncated OR size(found) > $limit - size(seen) AS truncated
WITH seen + frontier AS seen, frontier, truncated
CALL (seen, frontier, truncated) {
  UNWIND CASE WHEN truncated OR $depth < 2 THEN [] ELSE frontier END AS a
  MATCH (a)-[r:FUNDS|PILOTS|PARTNERS_WITH|LABELS]-(o:Actor)
  WHERE type(r) IN $types AND NOT o IN seen
  WITH DISTINCT o
  LIMIT $limit
  RETURN collect(o) AS found
}
WITH seen, found[..$limit - size(seen)] AS frontier, truncated OR size(found) > $limit - size(seen) AS truncated
WITH seen + frontier AS seen, frontier, truncated
CALL (seen, frontier, truncated) {
  UNWIND CASE WHEN truncated OR $depth < 3 THEN [] ELSE frontier END AS a
  MATCH (a)-[r:FUNDS|PILOTS|PARTNERS_WITH|LABELS]-(o:Actor)
  WHERE type(r) IN $types AND NOT o IN seen
  WITH DISTINCT o
  LIMIT $limit
  RETURN collect(o) AS found
}
WITH seen, found[..$limit - size(seen)] AS frontier, truncated OR size(found) > $limit - size(seen) AS truncated
WITH seen + frontier AS xs, truncated
CALL (xs) {
  UNWIND xs AS x
  RETURN sum(COUNT { (x)-->() }) AS outs, sum(COUNT { (x)<--() }) AS ins
}
CALL (xs, outs, ins) {
  CALL (xs, outs, ins) {
    UNWIND CASE WHEN outs <= ins THEN xs ELSE [] END AS a
    MATCH (a)-[r:FUNDS|PILOTS|PARTNERS_WITH|LABELS]->(b)
    WHERE type(r) IN $types AND b IN xs
    RETURN a, r, b
    UNION ALL
    UNWIND CASE WHEN outs > ins THEN xs ELSE [] END AS b
    MATCH (a)-[r:FUNDS|PILOTS|PARTNERS_WITH|LABELS]->(b)
    WHERE type(r) IN $types AND a IN xs
    RETURN a, r, b
  }
  RETURN collect({type: type(r), source: a.id, target: b.id, props: properties(r)}) AS ties
}
RETURN [x IN xs | properties(x)] AS actors, truncated, ties
