// The whole graph for export and metrics: every actor, relationship and source, in id order so outputs are stable.
CALL () {
  MATCH (a:Actor)
  WITH a ORDER BY a.id
  RETURN collect(properties(a)) AS nodes
}
CALL () {
  MATCH (s:Actor)-[r:FUNDS|PILOTS|PARTNERS_WITH|LABELS]->(t:Actor)
  WITH s, r, t ORDER BY r.id, type(r)
  RETURN collect({type: type(r), source: s.id, target: t.id, props: properties(r)}) AS edges
}
CALL () {
  MATCH (src:Source)
  WITH src ORDER BY src.id
  RETURN collect(properties(src)) AS sources
}
RETURN nodes, edges, sources
