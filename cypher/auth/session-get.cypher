// The account behind a session cookie, if the session exists and has not expired.
MATCH (s:Session {id: $id})
WHERE s.expiresAt > $now
MATCH (u:User {name: s.user})
RETURN u.name AS name, u.role AS role
