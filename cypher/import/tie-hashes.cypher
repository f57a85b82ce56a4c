// Every stored tie's type, id and content hash, streamed once: a large import compares its rows with these
// instead of one indexed lookup per row. One record per actor with outgoing ties (its ties as three lists):
// ten times fewer records to decode than one per tie, and streamed (no aggregation over the whole graph).
MATCH (a:Actor)
CALL (a) {
  MATCH (a)-[r:FUNDS|PILOTS|PARTNERS_WITH|LABELS]->()
  RETURN collect(type(r)) AS types, collect(r.id) AS ids, collect(coalesce(r._h, '')) AS hashes
}
WITH types, ids, hashes WHERE size(ids) > 0
RETURN types, ids, hashes
