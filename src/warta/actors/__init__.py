"""Actors: who is in the news, linked to canonical CAMEO codes (Indonesian and English).

`ActorStage` (stage.py) adds `article.actors`, a tuple of `ActorMention` sorted by
(start, end, code). What a mention means -- the contract the events stage relies on:

- `text[start:end]` is the evidence, and `mention.text` equals it. Spans may nest or repeat:
  a plural anaphor ("keduanya", "the two countries") gives one mention per actor it names, all
  with the same span; otherwise dictionary/composed mentions never overlap each other.
- `code` is the full CAMEO actor code: country + role ("RUSMIL", "USAGOV"), an IGO code
  ("IGOUNO", "IGOWSTNAT"), a group code ("PSEREBHMS"), or "---ROLE" for a role whose country the
  text does not give ("police said" -> "---COP"), as PETRARCH writes it.
- `country` is the three-letter CAMEO country when the code starts with one (else None);
  `role` the three-letter CAMEO role after it, when it is one ("GOV", "MIL" ...).
- `kind`: country (a state, or a seat of power standing for its government: "Gedung Putih",
  "Kremlin", "Washington" as a subject), igo, org, group (a role with a country: "pejabat
  Rusia", "tentara Rusia"), person (a title and/or a name: "Presiden Rusia Vladimir Putin"), or
  place. **Places are locations, not actors**: a city, a region, or a seat after a locative
  ("di Washington"); their `code` is just the country. Event coders should skip kind="place".
- `how`: dictionary (names and compositions), ner (a name found by the NER tagger given to the
  stage), coref (an anaphor or a repeated surname; `refers_to` is the index, in the same tuple,
  of the mention it resolves to, and `code` is that mention's code -- country level only for
  "kedua negara"/"negara itu"/"the country").
- `name`: the person named, when there is one ("Sergei Shoigu"); coref mentions carry it too.
- `dictionary_entry`: "file:line" of the entries used, joined with "+" for compositions.
- People's codes depend on the article date (Phoenix date restrictions); an article without a
  date is read as current.

Modules: phoenix.py (PETRARCH dictionary format), codes.py (dated codes), dictionary.py
(loading), matcher.py (Aho-Corasick), names.py (names near roles; NER hook), compose.py,
coref.py, summary.py (`summarize_actors`), stage.py. Data: actors/data/ and lang/<xx>/,
rebuilt by scripts/build_actor_dictionaries.py.
"""

from __future__ import annotations

from warta.actors.names import EntityTagger
from warta.actors.stage import ActorStage
from warta.actors.summary import ActorCount, summarize_actors

__all__ = ["ActorCount", "ActorStage", "EntityTagger", "summarize_actors"]
