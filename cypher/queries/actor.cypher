// One actor by id, its relationships in both directions with the other end, and the sources they cite.
MATCH (a:Actor {id: $id})
CALL (a) {
  OPTIONAL MATCH (a)-[r:FUNDS|PILOTS|PARTNERS_WITH|LABELS]-(o:Actor)
  RETURN collect(CASE WHEN r IS NULL THEN null ELSE {
    type: type(r), source: startNode(r).id, target: endNode(r).id, props: properties(r), other: properties(o)
  } END) AS rels
}
WITH a, rels, reduce(ids = [], rel IN rels | ids + coalesce(rel.props.evidenceSources, [])) AS sourceIds
OPTIONAL MATCH (s:Source) WHERE s.id IN sourceIds
RETURN properties(a) AS actor, rels, collect(properties(s)) AS sources
