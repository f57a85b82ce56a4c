// Every FUNDS chain reaching an actor: one or more FUNDS hops, then any PILOTS hops (money granted to
// the structure that pilots the actor), never revisiting an actor, at most $maxDepth hops, shortest first.
// One fixed-length pattern per length, each guarded by $maxDepth (see funding-downstream.cypher).
CALL () {
  MATCH p = (b:Actor)-[:FUNDS]->(x:Actor {id: $id})
  WHERE $maxDepth >= 1 AND b <> x
  RETURN p
  UNION ALL
  MATCH p = (b:Actor)-[:FUNDS]->()-[:FUNDS|PILOTS]->(x:Actor {id: $id})
  WHERE $maxDepth >= 2
    AND none(i IN range(0, length(p) - 2) WHERE type(relationships(p)[i]) = 'PILOTS' AND type(relationships(p)[i + 1]) = 'FUNDS')
    AND all(n IN nodes(p) WHERE single(m IN nodes(p) WHERE m = n))
  RETURN p
  UNION ALL
  MATCH p = (b:Actor)-[:FUNDS]->()-[:FUNDS|PILOTS]->()-[:FUNDS|PILOTS]->(x:Actor {id: $id})
  WHERE $maxDepth >= 3
    AND none(i IN range(0, length(p) - 2) WHERE type(relationships(p)[i]) = 'PILOTS' AND type(relationships(p)[i + 1]) = 'FUNDS')
    AND all(n IN nodes(p) WHERE single(m IN nodes(p) WHERE m = n))
  RETURN p
  UNION ALL
  MATCH p = (b:Actor)-[:FUNDS]->()-[:FUNDS|PILOTS]->()-[:FUNDS|PILOTS]->()-[:FUNDS|PILOTS]->(x:Actor {id: $id})
  WHERE $maxDepth >= 4
    AND none(i IN range(0, length(p) - 2) WHERE type(relationships(p)[i]) = 'PILOTS' AND type(relationships(p)[i + 1]) = 'FUNDS')
    AND all(n IN nodes(p) WHERE single(m IN nodes(p) WHERE m = n))
  RETURN p
  UNION ALL
  MATCH p = (b:Actor)-[:FUNDS]->()-[:FUNDS|PILOTS]->()-[:FUNDS|PILOTS]->()-[:FUNDS|PILOTS]->()-[:FUNDS|PILOTS]->(x:Actor {id: $id})
  WHERE $maxDepth >= 5
    AND none(i IN range(0, length(p) - 2) WHERE type(relationships(p)[i]) = 'PILOTS' AND type(relationships(p)[i + 1]) = 'FUNDS')
    AND all(n IN nodes(p) WHERE single(m IN nodes(p) WHERE m = n))
  RETURN p
  UNION ALL
  MATCH p = (b:Actor)-[:FUNDS]->()-[:FUNDS|PILOTS]->()-[:FUNDS|PILOTS]->()-[:FUNDS|PILOTS]->()-[:FUNDS|PILOTS]->()-[:FUNDS|PILOTS]->(x:Actor {id: $id})
  WHERE $maxDepth >= 6
    AND none(i IN range(0, length(p) - 2) WHERE type(relationships(p)[i]) = 'PILOTS' AND type(relationships(p)[i + 1]) = 'FUNDS')
    AND all(n IN nodes(p) WHERE single(m IN nodes(p) WHERE m = n))
  RETURN p
}
WITH p
LIMIT $limit
// Each actor and each tie once, then the chains as lists of tie keys, one small row each (node, rel or
// chain): hundreds of chains share their actors and ties, and a leaf's 838 chains at depth 6 projected
// ~5,000 actors' properties when each chain carried its own; one row holding everything is slow to decode.
WITH collect(p) AS paths
CALL (paths) {
  UNWIND paths AS p
  UNWIND nodes(p) AS n
  WITH DISTINCT n
  RETURN properties(n) AS node, null AS rel, null AS chain
  UNION ALL
  UNWIND paths AS p
  UNWIND relationships(p) AS x
  WITH DISTINCT x
  RETURN null AS node, {key: elementId(x), type: type(x), source: startNode(x).id, target: endNode(x).id, props: properties(x)} AS rel, null AS chain
  UNION ALL
  UNWIND paths AS p
  RETURN null AS node, null AS rel, [x IN relationships(p) | elementId(x)] AS chain
}
RETURN node, rel, chain
