// Every stored actor's properties, streamed once: a large re-import lays its rows over them and compares
// content hashes without one lookup per batch.
MATCH (a:Actor)
RETURN properties(a) AS props
