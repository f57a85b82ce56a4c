// Of the ties among $ids, those the change set wrote last: what an import's result lights up.
UNWIND $ids AS id
MATCH (a:Actor {id: id})-[r:FUNDS|PILOTS|PARTNERS_WITH|LABELS]->(b)
WHERE r._cs = $cs AND b.id IN $ids
RETURN r.id AS id
