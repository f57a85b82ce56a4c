// Every FUNDS chain leaving an actor: one or more FUNDS hops, then any PILOTS hops (organisations the
// funded structure pilots), never revisiting an actor, at most $maxDepth hops, shortest first.
// One fixed-length pattern per length, each guarded by $maxDepth: a single *1..6 pattern explored every
// path to six hops (and every path starting with PILOTS) before filtering — 21M paths for a hub's 50 chains.
CALL () {
  MATCH p = (x:Actor {id: $id})-[:FUNDS]->(b:Actor)
  WHERE $maxDepth >= 1 AND b <> x
  RETURN p
  UNION ALL
  MATCH p = (x:Actor {id: $id})-[:FUNDS]->()-[:FUNDS|PILOTS]->(b:Actor)
  WHERE $maxDepth >= 2
    AND none(i IN range(0, length(p) - 2) WHERE type(relationships(p)[i]) = 'PILOTS' AND type(relationships(p)[i + 1]) = 'FUNDS')
    AND all(n IN nodes(p) WHERE single(m IN nodes(p) WHERE m = n))
  RETURN p
  UNION ALL
  MATCH p = (x:Actor {id: $id})-[:FUNDS]->()-[:FUNDS|PILOTS]->()-[:FUNDS|PILOTS]->(b:Actor)
  WHERE $maxDepth >= 3
    AND none(i IN range(0, length(p) - 2) WHERE type(relationships(p)[i]) = 'PILOTS' AND type(relationships(p)[i + 1]) = 'FUNDS')
    AND all(n IN nodes(p) WHERE single(m IN nodes(p) WHERE m = n))
  RETURN p
  UNION ALL
  MATCH p = (x:Actor {id: $id})-[:FUNDS]->()-[:FUNDS|PILOTS]->()-[:FUNDS|PILOTS]->()-[:FUNDS|PILOTS]->(b:Actor)
  WHERE $maxDepth >= 4
    AND none(i IN range(0, length(p) - 2) WHERE type(relationships(p)[i]) = 'PILOTS' AND type(relationships(p)[i + 1]) = 'FUNDS')
    AND all(n IN nodes(p) WHERE single(m IN nodes(p) WHERE m = n))
  RETURN p
  UNION ALL
  MATCH p = (x:Actor {id: $id})-[:FUNDS]->()-[:FUNDS|PILOTS]->()-[:FUNDS|PILOTS]->()-[:FUNDS|PILOTS]->()-[:FUNDS|PILOTS]->(b:Actor)
  WHERE $maxDepth >= 5
    AND none(i IN range(0, length(p) - 2) WHERE type(relationships(p)[i]) = 'PILOTS' AND type(relationships(p)[i + 1]) = 'FUNDS')
    AND all(n IN nodes(p) WHERE single(m IN nodes(p) WHERE m = n))
  RETURN p
  UNION ALL
  MATCH p = (x:Actor {id: $id})-[:FUNDS]->()-[:FUNDS|PILOTS]->()-[:FUNDS|PILOTS]->()-[:FUNDS|PILOTS]->()-[:FUNDS|PILOTS]->()-[:FUNDS|PILOTS]->(b:Actor)
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
