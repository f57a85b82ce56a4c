// One actor by id, its relationships in both directions with the other end, and the sources they cite.
// At most $limit ties per type and direction (largest amounts, then latest dates, first) with the total of
// each group: a national funder's 20,000 ties are counted and ranked, and only the listed ones are read
// whole (ties and ends are collected as references; their properties are read for the slice only).
MATCH (a:Actor {id: $id})
CALL (a) {
  OPTIONAL MATCH (a)-[r:FUNDS|PILOTS|PARTNERS_WITH|LABELS]-(o:Actor)
  WITH a, r, o
  ORDER BY coalesce(r.amount, -1) DESC, coalesce(r.date, '') DESC, r.id
  WITH type(r) AS relType, startNode(r) = a AS out, collect([r, o]) AS pairs
  WITH relType, out, size(pairs) AS total, pairs[..$limit] AS shown
  RETURN collect(CASE WHEN relType IS NULL THEN null ELSE {
    type: relType, direction: CASE WHEN out THEN 'out' ELSE 'in' END, total: total,
    rels: [p IN shown | {
      type: type(p[0]), source: startNode(p[0]).id, target: endNode(p[0]).id, props: properties(p[0]),
      other: {id: p[1].id, name: p[1].name, kind: p[1].kind, aliases: p[1].aliases, description: p[1].description, territory: p[1].territory}
    }]
  } END) AS groups
}
CALL (groups) {
  UNWIND groups AS g
  UNWIND g.rels AS rel
  UNWIND coalesce(rel.props.evidenceSources, []) AS sid
  WITH DISTINCT sid
  MATCH (s:Source {id: sid})
  RETURN collect(properties(s)) AS sources
}
RETURN properties(a) AS actor, groups, sources
