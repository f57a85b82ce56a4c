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
RETURN [n IN nodes(p) | properties(n)] AS nodes,
  [x IN relationships(p) | {type: type(x), source: startNode(x).id, target: endNode(x).id, props: properties(x)}] AS rels
