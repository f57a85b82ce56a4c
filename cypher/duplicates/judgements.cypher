// Every judgement on a candidate pair: same, different or unsure, who said so and when.
MATCH (j:DuplicateJudgement)
RETURN j.a AS a, j.b AS b, j.verdict AS verdict, j.by AS by, j.at AS at, j.note AS note
