// Creates relationships between actors found by element id (read earlier by the same import): a seek by id
// instead of two index seeks per tie. Each end is checked against the actor's id (element ids are reused after
// a deletion): a stale one finds nothing, and the caller writes the batch again by actor id (rel-create.cypher).
// `'Actor' IN labels(a)` rather than `a:Actor`: the label would make the planner seek the id index instead.
// The properties are named (every key of records.ts REL_STORED_KEYS; absent ones are null, so not stored) and
// set with the tie: `SET r = row.props` (unknown keys) or a `WITH` projection before the CREATE make the planner
// buffer every row in an Eager. The caller compares the count.
UNWIND $rows AS row
MATCH (a) WHERE elementId(a) = row.s AND a.id = row.source AND 'Actor' IN labels(a)
MATCH (b) WHERE elementId(b) = row.t AND b.id = row.target AND 'Actor' IN labels(b)
CREATE (a)-[r:$(row.type) {
  id: row.props.id, status: row.props.status, amount: row.props.amount, amountRaw: row.props.amountRaw,
  date: row.props.date, dateRaw: row.props.dateRaw, role: row.props.role, note: row.props.note,
  evidenceSources: row.props.evidenceSources, evidenceExcerpts: row.props.evidenceExcerpts,
  claims: row.props.claims, _cs: row.props._cs, _h: row.props._h
}]->(b)
RETURN count(r) AS n
