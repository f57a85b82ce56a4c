// Simple paths between two actors over the allowed types, shortest first, at most $maxDepth hops.
// SHORTEST k needs a literal k: 101 covers the largest limit (100) plus one to tell that more exist.
// The WHERE is applied before the selector, so walks that revisit an actor never take a place.
MATCH p = SHORTEST 101 (a:Actor {id: $from})
  (()-[r:FUNDS|PILOTS|PARTNERS_WITH|LABELS]-() WHERE type(r) IN $types){1,6}
  (b:Actor {id: $to})
WHERE length(p) <= $maxDepth AND all(n IN nodes(p) WHERE single(m IN nodes(p) WHERE m = n))
WITH p
LIMIT $limit
RETURN [n IN nodes(p) | properties(n)] AS nodes,
  [x IN relationships(p) | {type: type(x), source: startNode(x).id, target: endNode(x).id, props: properties(x)}] AS rels
