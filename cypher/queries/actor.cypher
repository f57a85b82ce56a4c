// One actor by id, its relationships in both directions with the other end, and the sources they cite.
// At most $limit ties per type and direction (largest amounts, then latest dates, then ids; absent amounts and
// dates last) with the total of each group. One branch per type and direction, so that each is a top-$limit over
// that group alone (only its sort keys are read; the listed ties and their ends are read whole) and its total is
// the node's stored degree. Only FUNDS carry amounts. Ties of these types link actors only: the far end's label
// is not checked.
// A hub's large outgoing group (a national funder's 5,000 ties of one type) is not sorted whole: its top comes
// from the type's relationship index (FUNDS(amount), PILOTS|PARTNERS_WITH|LABELS(date): cypher/schema.cypher),
// walked from the top and filtered on the actor, which stops once $limit of its ties and every tie equal to the
// last one are read (Neo4j's PartialTop: the exact order, ties of equal keys broken by date then id). Walked only
// when it pays: at least $walkFrom ties in the group, at least 4 × $limit of them with a key (estimated from the
// first 200), and fewer index entries to read (~ $limit × the type's ties / the actor's keyed ties) than a third
// of the group. When the walk finds fewer than $limit (the estimate was wrong), the group is sorted whole as
// below; so the answer is the same either way (`walked` says which; tests/server/routes/actor-walk.int.test.ts).
MATCH (a:Actor {id: $id})
CALL (a) {
  CALL (a) {
    CALL (a) {
      MATCH (a)-[r:FUNDS]->() WITH r LIMIT 200
      RETURN count(r) AS sampled, sum(CASE WHEN r.amount > -1 THEN 1 ELSE 0 END) AS keyed
    }
    WITH a, COUNT { (a)-[:FUNDS]->() } AS total, sampled, keyed
    WHERE total > 0
    WITH a, total, total >= $walkFrom AND keyed * total >= 4 * $limit * sampled
      AND $limit * COUNT { ()-[:FUNDS]->() } * sampled < 3 * keyed * total * total AS walk
    CALL (a, walk) {
      WITH a WHERE walk
      MATCH (x)-[r:FUNDS]->(o) USING INDEX r:FUNDS(amount)
      WHERE r.amount > -1 AND x = a
      WITH r, o ORDER BY r.amount DESC, coalesce(r.date, '') DESC, r.id LIMIT $limit
      RETURN collect([r, o]) AS top
    }
    CALL (a, top) {
      WITH a WHERE size(top) < $limit
      MATCH (a)-[r:FUNDS]->(o)
      WITH r, o ORDER BY coalesce(r.amount, -1) DESC, coalesce(r.date, '') DESC, r.id LIMIT $limit
      RETURN collect([r, o]) AS sorted
    }
    RETURN 'FUNDS' AS relType, 'out' AS direction, total, size(top) = $limit AS walked, CASE WHEN size(top) = $limit THEN top ELSE sorted END AS pairs
    UNION ALL
    MATCH (a)<-[r:FUNDS]-(o)
    WITH a, r, o ORDER BY coalesce(r.amount, -1) DESC, coalesce(r.date, '') DESC, r.id LIMIT $limit
    RETURN 'FUNDS' AS relType, 'in' AS direction, COUNT { (a)<-[:FUNDS]-() } AS total, false AS walked, collect([r, o]) AS pairs
    UNION ALL
    CALL (a) {
      MATCH (a)-[r:PILOTS]->() WITH r LIMIT 200
      RETURN count(r) AS sampled, sum(CASE WHEN r.date > '' THEN 1 ELSE 0 END) AS keyed
    }
    WITH a, COUNT { (a)-[:PILOTS]->() } AS total, sampled, keyed
    WHERE total > 0
    WITH a, total, total >= $walkFrom AND keyed * total >= 4 * $limit * sampled
      AND $limit * COUNT { ()-[:PILOTS]->() } * sampled < 3 * keyed * total * total AS walk
    CALL (a, walk) {
      WITH a WHERE walk
      MATCH (x)-[r:PILOTS]->(o) USING INDEX r:PILOTS(date)
      WHERE r.date > '' AND x = a
      WITH r, o ORDER BY r.date DESC, r.id LIMIT $limit
      RETURN collect([r, o]) AS top
    }
    CALL (a, top) {
      WITH a WHERE size(top) < $limit
      MATCH (a)-[r:PILOTS]->(o)
      WITH r, o ORDER BY coalesce(r.date, '') DESC, r.id LIMIT $limit
      RETURN collect([r, o]) AS sorted
    }
    RETURN 'PILOTS' AS relType, 'out' AS direction, total, size(top) = $limit AS walked, CASE WHEN size(top) = $limit THEN top ELSE sorted END AS pairs
    UNION ALL
    MATCH (a)<-[r:PILOTS]-(o)
    WITH a, r, o ORDER BY coalesce(r.date, '') DESC, r.id LIMIT $limit
    RETURN 'PILOTS' AS relType, 'in' AS direction, COUNT { (a)<-[:PILOTS]-() } AS total, false AS walked, collect([r, o]) AS pairs
    UNION ALL
    CALL (a) {
      MATCH (a)-[r:PARTNERS_WITH]->() WITH r LIMIT 200
      RETURN count(r) AS sampled, sum(CASE WHEN r.date > '' THEN 1 ELSE 0 END) AS keyed
    }
    WITH a, COUNT { (a)-[:PARTNERS_WITH]->() } AS total, sampled, keyed
    WHERE total > 0
    WITH a, total, total >= $walkFrom AND keyed * total >= 4 * $limit * sampled
      AND $limit * COUNT { ()-[:PARTNERS_WITH]->() } * sampled < 3 * keyed * total * total AS walk
    CALL (a, walk) {
      WITH a WHERE walk
      MATCH (x)-[r:PARTNERS_WITH]->(o) USING INDEX r:PARTNERS_WITH(date)
      WHERE r.date > '' AND x = a
      WITH r, o ORDER BY r.date DESC, r.id LIMIT $limit
      RETURN collect([r, o]) AS top
    }
    CALL (a, top) {
      WITH a WHERE size(top) < $limit
      MATCH (a)-[r:PARTNERS_WITH]->(o)
      WITH r, o ORDER BY coalesce(r.date, '') DESC, r.id LIMIT $limit
      RETURN collect([r, o]) AS sorted
    }
    RETURN 'PARTNERS_WITH' AS relType, 'out' AS direction, total, size(top) = $limit AS walked, CASE WHEN size(top) = $limit THEN top ELSE sorted END AS pairs
    UNION ALL
    MATCH (a)<-[r:PARTNERS_WITH]-(o)
    WITH a, r, o ORDER BY coalesce(r.date, '') DESC, r.id LIMIT $limit
    RETURN 'PARTNERS_WITH' AS relType, 'in' AS direction, COUNT { (a)<-[:PARTNERS_WITH]-() } AS total, false AS walked, collect([r, o]) AS pairs
    UNION ALL
    CALL (a) {
      MATCH (a)-[r:LABELS]->() WITH r LIMIT 200
      RETURN count(r) AS sampled, sum(CASE WHEN r.date > '' THEN 1 ELSE 0 END) AS keyed
    }
    WITH a, COUNT { (a)-[:LABELS]->() } AS total, sampled, keyed
    WHERE total > 0
    WITH a, total, total >= $walkFrom AND keyed * total >= 4 * $limit * sampled
      AND $limit * COUNT { ()-[:LABELS]->() } * sampled < 3 * keyed * total * total AS walk
    CALL (a, walk) {
      WITH a WHERE walk
      MATCH (x)-[r:LABELS]->(o) USING INDEX r:LABELS(date)
      WHERE r.date > '' AND x = a
      WITH r, o ORDER BY r.date DESC, r.id LIMIT $limit
      RETURN collect([r, o]) AS top
    }
    CALL (a, top) {
      WITH a WHERE size(top) < $limit
      MATCH (a)-[r:LABELS]->(o)
      WITH r, o ORDER BY coalesce(r.date, '') DESC, r.id LIMIT $limit
      RETURN collect([r, o]) AS sorted
    }
    RETURN 'LABELS' AS relType, 'out' AS direction, total, size(top) = $limit AS walked, CASE WHEN size(top) = $limit THEN top ELSE sorted END AS pairs
    UNION ALL
    MATCH (a)<-[r:LABELS]-(o)
    WITH a, r, o ORDER BY coalesce(r.date, '') DESC, r.id LIMIT $limit
    RETURN 'LABELS' AS relType, 'in' AS direction, COUNT { (a)<-[:LABELS]-() } AS total, false AS walked, collect([r, o]) AS pairs
  }
  RETURN collect({
    type: relType, direction: direction, total: total, walked: walked,
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
