// Every actor, most ties first (every tie, whatever the filters: a hub stays a hub), then by id: the
// overview's order until the metrics' PageRank is fresh. Computed in the background once per graph version
// (server/graph/digest.ts); COUNT {} on a single-hop typed pattern reads the degree store of dense nodes.
MATCH (a:Actor)
RETURN a.id AS id, a.kind AS kind, COUNT { (a)-[:FUNDS|PILOTS|PARTNERS_WITH|LABELS]-() } AS degree
ORDER BY degree DESC, id
