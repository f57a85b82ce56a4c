// Relationships of the allowed types whose both ends are in $ids (the ties of a neighbourhood view). Each tie
// is read from one end only: the actors' outgoing ties or their incoming ones, whichever the set has fewer of
// (degrees come from the store, all types at once: they only choose the side, the answer is the same either
// way), as in cypher/graph/ties-among.cypher: a hub in the set funds thousands and
// is funded by a few, so its 20,000 outgoing ties are not read to find the few hundred inside the set. The far
// end has no label, so no plan seeks it by index and expands every tie of the set from it; it is checked
// against the set's nodes themselves (`IN xs`), not by reading its id (5,500 property reads for a leaf's view).
UNWIND $ids AS id
MATCH (x:Actor {id: id})
WITH collect(x) AS xs,
  sum(COUNT { (x)-->() }) AS outs,
  sum(COUNT { (x)<--() }) AS ins
CALL (xs, outs, ins) {
  UNWIND CASE WHEN outs <= ins THEN xs ELSE [] END AS a
  MATCH (a)-[r:FUNDS|PILOTS|PARTNERS_WITH|LABELS]->(b)
  WHERE type(r) IN $types AND b IN xs
  RETURN a, r, b
  UNION ALL
  UNWIND CASE WHEN outs > ins THEN xs ELSE [] END AS b
  MATCH (a)-[r:FUNDS|PILOTS|PARTNERS_WITH|LABELS]->(b)
  WHERE type(r) IN $types AND a IN xs
  RETURN a, r, b
}
RETURN type(r) AS type, a.id AS source, b.id AS target, properties(r) AS props
