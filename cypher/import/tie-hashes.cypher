// Every stored tie's type, id and content hash, streamed once: a large re-import decides which of its rows are
// unchanged from this scan instead of one indexed lookup per row.
MATCH ()-[r:FUNDS|PILOTS|PARTNERS_WITH|LABELS]->()
RETURN type(r) AS type, r.id AS id, r._h AS h
