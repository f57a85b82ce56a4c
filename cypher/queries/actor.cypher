// One actor by id, its relationships in both directions with the other end, and the sources they cite.
// At most $limit ties per type and direction (largest amounts, then latest dates, first) with the total of
// each group. One branch per type and direction, so that each is a top-$limit over that group alone (only
// its sort keys are read; the listed ties and their ends are read whole) and its total is the node's stored
// degree: a national funder's 20,000 ties are counted, not collected and sorted (bench/README.md).
// Only FUNDS carry amounts. Ties of these types link actors only: the far end's label is not checked.
MATCH (a:Actor {id: $id})
CALL (a) {
  CALL (a) {
    MATCH (a)-[r:FUNDS]->(o)
    WITH a, r, o ORDER BY coalesce(r.amount, -1) DESC, coalesce(r.date, '') DESC, r.id LIMIT $limit
    RETURN 'FUNDS' AS relType, 'out' AS direction, COUNT { (a)-[:FUNDS]->() } AS total, collect([r, o]) AS pairs
    UNION ALL
    MATCH (a)<-[r:FUNDS]-(o)
    WITH a, r, o ORDER BY coalesce(r.amount, -1) DESC, coalesce(r.date, '') DESC, r.id LIMIT $limit
    RETURN 'FUNDS' AS relType, 'in' AS direction, COUNT { (a)<-[:FUNDS]-() } AS total, collect([r, o]) AS pairs
    UNION ALL
    MATCH (a)-[r:PILOTS]->(o)
    WITH a, r, o ORDER BY coalesce(r.date, '') DESC, r.id LIMIT $limit
    RETURN 'PILOTS' AS relType, 'out' AS direction, COUNT { (a)-[:PILOTS]->() } AS total, collect([r, o]) AS pairs
    UNION ALL
    MATCH (a)<-[r:PILOTS]-(o)
    WITH a, r, o ORDER BY coalesce(r.date, '') DESC, r.id LIMIT $limit
    RETURN 'PILOTS' AS relType, 'in' AS direction, COUNT { (a)<-[:PILOTS]-() } AS total, collect([r, o]) AS pairs
    UNION ALL
    MATCH (a)-[r:PARTNERS_WITH]->(o)
    WITH a, r, o ORDER BY coalesce(r.date, '') DESC, r.id LIMIT $limit
    RETURN 'PARTNERS_WITH' AS relType, 'out' AS direction, COUNT { (a)-[:PARTNERS_WITH]->() } AS total, collect([r, o]) AS pairs
    UNION ALL
    MATCH (a)<-[r:PARTNERS_WITH]-(o)
    WITH a, r, o ORDER BY coalesce(r.date, '') DESC, r.id LIMIT $limit
    RETURN 'PARTNERS_WITH' AS relType, 'in' AS direction, COUNT { (a)<-[:PARTNERS_WITH]-() } AS total, collect([r, o]) AS pairs
    UNION ALL
    MATCH (a)-[r:LABELS]->(o)
    WITH a, r, o ORDER BY coalesce(r.date, '') DESC, r.id LIMIT $limit
    RETURN 'LABELS' AS relType, 'out' AS direction, COUNT { (a)-[:LABELS]->() } AS total, collect([r, o]) AS pairs
    UNION ALL
    MATCH (a)<-[r:LABELS]-(o)
    WITH a, r, o ORDER BY coalesce(r.date, '') DESC, r.id LIMIT $limit
    RETURN 'LABELS' AS relType, 'in' AS direction, COUNT { (a)<-[:LABELS]-() } AS total, collect([r, o]) AS pairs
  }
  RETURN collect({
    type: relType, direction: direction, total: total,
    rels: [p IN pairs | {
      type: relType, source: startNode(p[0]).id, target: endNode(p[0]).id, props: properties(p[0]),
      other: {id: p[1].id, name: p[1].name, kind: p[1].kind, aliases: p[1].aliases, description: p[1].description, territory: p[1].territory}
    }]
  }) AS groups
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
