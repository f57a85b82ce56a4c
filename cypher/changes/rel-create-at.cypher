// Creates relationships between actors found by element id (read earlier by the same import): a seek by id
// instead of two index seeks per tie. Each end is checked against the actor's id (element ids are reused after
// a deletion): a stale one finds nothing, and the caller writes the batch again by actor id (rel-create.cypher).
// `'Actor' IN labels(a)` rather than `a:Actor`: the label would make the planner seek the id index instead.
// The parameters are columns, one list per property (tie i is item i of each), and the batch's change set once:
// a map per tie cost the driver and Neo4j a key per property to pack and decode (bench/README.md, import).
// The element ids come as their common prefix once (`$ep`) and each end's remainder, and a tie's id as null when
// it is the one derived from its type and ends (`TYPE:source:target`, rebuilt here): fewer bytes per tie.
// The properties are named (every key of records.ts REL_STORED_KEYS, the parameter named as the property; absent
// ones are null, so not stored) and set with the tie: `SET r = map` or a `WITH` projection before the CREATE
// make the planner buffer every row in an Eager. The caller compares the count.
UNWIND range(0, size($id) - 1) AS i
MATCH (a) WHERE elementId(a) = $ep + $s[i] AND a.id = $source[i] AND 'Actor' IN labels(a)
MATCH (b) WHERE elementId(b) = $ep + $t[i] AND b.id = $target[i] AND 'Actor' IN labels(b)
CREATE (a)-[r:$($type[i]) {
  id: coalesce($id[i], $type[i] + ':' + $source[i] + ':' + $target[i]), status: $status[i], amount: $amount[i], amountRaw: $amountRaw[i],
  date: $date[i], dateRaw: $dateRaw[i], role: $role[i], note: $note[i],
  evidenceSources: $evidenceSources[i], evidenceExcerpts: $evidenceExcerpts[i],
  claims: $claims[i], _cs: $_cs, _h: $_h[i]
}]->(b)
RETURN count(r) AS n
