// The ends of the first ties a change set created, read from its undo records in write order (`$max` ties at
// most) and found by each type's uniqueness index: the actors an import tied together when it wrote none
// itself (a table of relationships between actors already stored). Most tied first.
MATCH (k:ChangeChunk {cs: $cs})
WHERE k.entity = 'relationship' AND NOT k.undone
WITH k ORDER BY k.seq
UNWIND range(0, size(k.created) - 1) AS i
WITH k.createdTypes[i] AS type, k.created[i] AS id
LIMIT $max
CALL (type, id) {
  WITH type, id WHERE type = 'FUNDS'
  MATCH (a)-[:FUNDS {id: id}]->(b)
  RETURN a.id AS source, b.id AS target
  UNION ALL
  WITH type, id WHERE type = 'PILOTS'
  MATCH (a)-[:PILOTS {id: id}]->(b)
  RETURN a.id AS source, b.id AS target
  UNION ALL
  WITH type, id WHERE type = 'PARTNERS_WITH'
  MATCH (a)-[:PARTNERS_WITH {id: id}]->(b)
  RETURN a.id AS source, b.id AS target
  UNION ALL
  WITH type, id WHERE type = 'LABELS'
  MATCH (a)-[:LABELS {id: id}]->(b)
  RETURN a.id AS source, b.id AS target
}
UNWIND [source, target] AS end
WITH end, count(*) AS ties
ORDER BY ties DESC, end
LIMIT $limit
RETURN end AS id
