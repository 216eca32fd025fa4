"""Statistical named-entity recognition for Indonesian news: PER, ORG and LOC.

Finds names that no dictionary has. A CRF (python-crfsuite) over cached, gazetteer-free token
features, trained on the train splits of five Indonesian NER corpora by `warta train ner`, and
shipped in `model/` beside this file.

Stable API (the dictionary recognizer in `warta.actors` relies on it):

    tagger = NerTagger()                  # load once per process; not thread-safe
    tagger.tag(["John", "Kirby", "berkata"])     -> ["B-PER", "I-PER", "O"]
    tagger.entities(text, start=0, end=None)     -> [(start, end, "PER"), ...]

`entities` returns character offsets into `text` itself, so `text[start:end]` is the entity;
types are "PER", "ORG" and "LOC". `tokenize(text, start, end)` gives the tokens and their
offsets that `entities` uses.
"""

from __future__ import annotations

from warta.actors.ner.model import Entity, NerTagger
from warta.actors.ner.tokenize import tokenize

__all__ = ["Entity", "NerTagger", "tokenize"]
