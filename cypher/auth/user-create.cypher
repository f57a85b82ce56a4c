// Creates an account; the unique constraint on User.name refuses a second one of the same name.
CREATE (u:User {name: $name, role: $role, passwordHash: $passwordHash, createdAt: $now})
RETURN u.name AS name, u.role AS role, u.createdAt AS createdAt
