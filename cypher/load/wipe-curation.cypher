// Deletes accounts, sessions and duplicate judgements (tests: `load --replace` keeps them, they are not data).
MATCH (n) WHERE n:User OR n:Session OR n:DuplicateJudgement
DETACH DELETE n
