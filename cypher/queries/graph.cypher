// The whole network: every actor and every relationship between actors.
CALL () {
  MATCH (a:Actor)
  RETURN collect(properties(a)) AS nodes
}
CALL () {
  MATCH (s:Actor)-[r:FUNDS|PILOTS|PARTNERS_WITH|LABELS]->(t:Actor)
  RETURN collect({type: type(r), source: s.id, target: t.id, props: properties(r)}) AS edges
}
RETURN nodes, edges
