// Every stored tie's key and content hash, streamed once: a large import compares its rows with these instead
// of one indexed lookup per row. One record per actor with outgoing ties (its ties as two lists): ten times
// fewer records to decode than one per tie, and streamed (no aggregation over the whole graph). The key is
// `type NUL id`, as the planner looks ties up (server/import/plan.ts relKey): one string to decode, not two.
MATCH (a:Actor)
CALL (a) {
  MATCH (a)-[r:FUNDS|PILOTS|PARTNERS_WITH|LABELS]->()
  RETURN collect(type(r) + '\u0000' + r.id) AS keys, collect(coalesce(r._h, '')) AS hashes
}
WITH keys, hashes WHERE size(keys) > 0
RETURN keys, hashes
