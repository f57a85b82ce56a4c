// Changes an account's role and/or password hash; a new password ends the account's sessions.
MATCH (u:User {name: $name})
SET u.role = coalesce($role, u.role), u.passwordHash = coalesce($passwordHash, u.passwordHash)
WITH u
OPTIONAL MATCH (s:Session {user: u.name})
WHERE $passwordHash IS NOT NULL
DELETE s
WITH DISTINCT u
RETURN u.name AS name, u.role AS role, u.createdAt AS createdAt
