// Relationships of the allowed types whose both ends are in the given set (closes a neighbourhood view).
MATCH (a:Actor)-[r:FUNDS|PILOTS|PARTNERS_WITH|LABELS]->(b:Actor)
WHERE a.id IN $ids AND b.id IN $ids AND type(r) IN $types
RETURN type(r) AS type, a.id AS source, b.id AS target, properties(r) AS props
