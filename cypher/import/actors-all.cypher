// Every stored actor's recorded fields (server/changes/records.ts ACTOR_KEYS), streamed once: a large
// re-import lays its rows over them and compares content hashes without one lookup per batch. The derived
// search keys are left out: half the bytes, and the planner recomputes them.
MATCH (a:Actor)
RETURN a {.id, .name, .aliases, .kind, .description, .territory, .mergedIds} AS props
