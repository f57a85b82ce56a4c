// Every FUNDS chain reaching an actor: one or more FUNDS hops, then any PILOTS hops (money granted to
// the structure that pilots the actor), never revisiting an actor, at most $maxDepth hops.
MATCH p = (f:Actor)-[rels:FUNDS|PILOTS*1..6]->(x:Actor {id: $id})
WHERE length(p) <= $maxDepth
  AND type(rels[0]) = 'FUNDS'
  AND none(i IN range(0, size(rels) - 2) WHERE type(rels[i]) = 'PILOTS' AND type(rels[i + 1]) = 'FUNDS')
  AND all(n IN nodes(p) WHERE single(m IN nodes(p) WHERE m = n))
WITH p
LIMIT $limit
RETURN [n IN nodes(p) | properties(n)] AS nodes,
  [x IN relationships(p) | {type: type(x), source: startNode(x).id, target: endNode(x).id, props: properties(x)}] AS rels
