// One account with its password hash (for sign-in), by exact name.
MATCH (u:User {name: $name})
RETURN u.name AS name, u.role AS role, u.passwordHash AS passwordHash, u.createdAt AS createdAt
