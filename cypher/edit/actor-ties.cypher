// Every tie of one actor, both directions, with its ends and stored properties (edits, deletion, merges).
MATCH (a:Actor {id: $id})-[r:FUNDS|PILOTS|PARTNERS_WITH|LABELS]-(:Actor)
RETURN type(r) AS type, startNode(r).id AS source, endNode(r).id AS target, properties(r) AS props
ORDER BY type, props.id
