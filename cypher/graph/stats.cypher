// Counts for the banner and the filters. One pass over the ties, grouped by type, status, year and whether
// an amount is known (a few hundred groups); the route folds them into per-field counts.
CALL () {
  MATCH (a:Actor)
  RETURN a.kind AS kind, count(*) AS n
}
WITH collect({kind: kind, n: n}) AS kinds
CALL () {
  MATCH (s:Source)
  RETURN count(s) AS sources
}
CALL () {
  MATCH ()-[r:FUNDS|PILOTS|PARTNERS_WITH|LABELS]->()
  WITH type(r) AS type, coalesce(r.status, 'effective') AS status, left(r.date, 4) AS year,
    r.amount IS NOT NULL AS known, min(r.amount) AS minAmount, max(r.amount) AS maxAmount, count(*) AS n
  RETURN collect({type: type, status: status, year: year, known: known, minAmount: minAmount, maxAmount: maxAmount, n: n}) AS groups
}
RETURN kinds, sources, groups
