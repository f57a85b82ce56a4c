// Deletes everything Maillage owns — actors, sources, their relationships, change-set records, article
// extractions — in bounded transactions (an auto-commit statement: a 1M-relationship graph does not fit in
// one transaction). The GraphState stays: its version only ever grows.
MATCH (n)
WHERE n:Actor OR n:Source OR n:ChangeSet OR n:ChangeChunk OR n:Change OR n:Extraction
CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 2000 ROWS
