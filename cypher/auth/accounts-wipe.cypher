// Deletes every account and session (tests; `load --replace` keeps accounts, which are not data).
MATCH (n) WHERE n:User OR n:Session
DETACH DELETE n
