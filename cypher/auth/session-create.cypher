// A signed-in session: stored by the SHA-256 of its cookie value, never the value itself.
MATCH (u:User {name: $user})
CREATE (s:Session {id: $id, user: u.name, createdAt: $now, expiresAt: $expiresAt})
RETURN s.id AS id
