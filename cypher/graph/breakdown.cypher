// The stats' breakdown (server/graph/digest.ts computes it in the background, once per graph version): actors
// by kind, and one pass over the ties grouped by type, status, year and whether an amount is known (a few
// hundred groups), folded into per-field counts by server/graph/stats.ts. The totals come from the count store.
CALL () {
  MATCH (a:Actor)
  WITH a.kind AS kind, count(*) AS n
  RETURN collect({kind: kind, n: n}) AS kinds
}
CALL () {
  MATCH ()-[r:FUNDS|PILOTS|PARTNERS_WITH|LABELS]->()
  WITH type(r) AS type, coalesce(r.status, 'effective') AS status, left(r.date, 4) AS year,
    r.amount IS NOT NULL AS known, min(r.amount) AS minAmount, max(r.amount) AS maxAmount, count(*) AS n
  RETURN collect({type: type, status: status, year: year, known: known, minAmount: minAmount, maxAmount: maxAmount, n: n}) AS groups
}
RETURN kinds, groups
