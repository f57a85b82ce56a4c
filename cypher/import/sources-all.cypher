// Every stored source's recorded fields (server/changes/records.ts SOURCE_KEYS), streamed once (as
// actors-all.cypher, for sources).
MATCH (s:Source)
RETURN s {.id, .title, .publisher, .date, .language, .author, .url, .file} AS props
