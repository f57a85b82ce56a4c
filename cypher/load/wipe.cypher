// Deletes every actor, source and relationship Maillage owns (used by `load --replace` and tests).
MATCH (n) WHERE n:Actor OR n:Source
DETACH DELETE n
