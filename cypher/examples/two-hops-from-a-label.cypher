// Title: Everything within two hops of a label
// Description: The actors a label (French Tech by default; change $label) reaches in one or two ties, with the paths.
// Params: {"label": "french-tech"}
MATCH (l:Actor {id: $label})
MATCH p = (l)-[:FUNDS|PILOTS|PARTNERS_WITH|LABELS*1..2]-(other:Actor)
RETURN p
LIMIT 300
