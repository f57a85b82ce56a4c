// Records (or replaces) the judgement on one pair, stored once per pair with a < b.
MATCH (a:Actor {id: $a}), (b:Actor {id: $b})
MERGE (j:DuplicateJudgement {pair: $a + '|' + $b})
SET j.a = $a, j.b = $b, j.verdict = $verdict, j.by = $by, j.at = $at, j.note = $note
RETURN j.a AS a, j.b AS b, j.verdict AS verdict, j.by AS by, j.at AS at, j.note AS note
