// Creates relationships between actors found by element id (read earlier by the same import): a seek by id
// instead of two index seeks per tie. Each end is checked against the actor's id (element ids are reused after
// a deletion): a stale one finds nothing, and the caller writes the batch again by actor id (rel-create.cypher).
// `'Actor' IN labels(a)` rather than `a:Actor`: the label would make the planner seek the id index instead.
// The properties are named (every key of records.ts REL_STORED_KEYS; absent ones are null, so not stored):
// set with the tie rather than by `SET r = row.props`, whose unknown keys make the planner add an Eager.
// The caller compares the count.
UNWIND $rows AS row
MATCH (a) WHERE elementId(a) = row.s AND a.id = row.source AND 'Actor' IN labels(a)
MATCH (b) WHERE elementId(b) = row.t AND b.id = row.target AND 'Actor' IN labels(b)
WITH a, b, row, row.props AS p
CREATE (a)-[r:$(row.type) {
  id: p.id, status: p.status, amount: p.amount, amountRaw: p.amountRaw, date: p.date, dateRaw: p.dateRaw,
  role: p.role, note: p.note, evidenceSources: p.evidenceSources, evidenceExcerpts: p.evidenceExcerpts,
  claims: p.claims, _cs: p._cs, _h: p._h
}]->(b)
RETURN count(r) AS n
