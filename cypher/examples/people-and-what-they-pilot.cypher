// Title: People and what they pilot
// Description: Every person in the graph with the organisations, programmes and events they PILOT, and their role when the sources give it.
MATCH (p:Actor {kind: 'person'})-[r:PILOTS]->(s:Actor)
RETURN p.name AS person, s.name AS pilots, s.kind AS kind, r.role AS role, r.status AS status, p, r, s
ORDER BY person, pilots
