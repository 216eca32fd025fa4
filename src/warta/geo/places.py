"""Places named after a locative marker ("di Jakarta Selatan", "in the Gaza Strip"), found token by token.

Markers are the language's locatives, directions ("ke": a destination), origins ("dari": used only
when the parse ties them to the trigger) and lowercase kind words ("menyerang kota Baghdad"); all
come from `lang/<code>/geo.toml`.

Only a capitalised name right after a marker (and the lowercase kind-words the language allows
between them) is looked up: a gazetteer of 190,000 names would otherwise find a town in every
other word ("Of", "Kota", "Bali"). Each marker costs at most a handful of lookups of at most six
words, so the scan is linear in the text, whatever it holds.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from warta.article import ActorMention
from warta.geo.gazetteer import Gazetteer, Place
from warta.geo.grammar import GeoGrammar
from warta.geo.names import normalize

_TOKEN = re.compile(r"[^\W\d_](?:[\w'’\-]*\w)?|\d+|[,;:()]")
MAX_NAME_WORDS = 6
MAX_KIND_WORDS = 5
CONTAINERS = frozenset({"PCLI", "ADM1", "RGN"})
# Mentions that name who acts, not where: "di PBB" is at the UN, not at a place called PBB.
NOT_PLACES = frozenset({"person", "igo", "org", "group"})


@dataclass(frozen=True, slots=True)
class Token:
    text: str
    start: int
    end: int
    low: str


@dataclass(frozen=True, slots=True)
class PlacePhrase:
    """A marker and the name after it; `places` are the gazetteer's candidates for `key`."""

    marker: int  # character offset of the marker
    start: int
    end: int
    text: str
    key: str
    places: tuple[Place, ...]
    country_hint: str | None  # the country an actor mention on the span gives (ISO alpha-3)
    directional: bool = False  # after "ke", "to": a destination
    origin: bool = False  # after "dari", "from": a place only when the parse ties it to the trigger
    prefix: tuple[str, ...] = ()  # the kind word the name came with ("kabupaten"), lowercase


def tokenize(text: str, start: int, end: int) -> list[Token]:
    return [Token(m.group(), m.start(), m.end(), m.group().casefold())
            for m in _TOKEN.finditer(text, start, end)]


def _starts_with(tokens: list[Token], at: int, phrase: tuple[str, ...]) -> bool:
    # the first word alone settles almost every try, and builds nothing (a marker is tried per token)
    if at >= len(tokens) or tokens[at].low != phrase[0]:
        return False
    return tuple(t.low for t in tokens[at:at + len(phrase)]) == phrase


def _name_run(tokens: list[Token], at: int, grammar: GeoGrammar) -> list[Token]:
    """The capitalised words from `at` on, joiners inside ("Bosnia dan Herzegovina"), six at most."""
    run: list[Token] = []
    i = at
    while i < len(tokens) and len(run) < MAX_NAME_WORDS:
        token = tokens[i]
        joins = (token.low in grammar.name_joiners and run and i + 1 < len(tokens)
                 and tokens[i + 1].text[0].isupper())
        if token.low in grammar.name_stoppers:
            break  # "tiba di Beijing Kamis": a capitalised day or month ends the name
        if token.text[0].isupper() or joins:
            run.append(token)
        else:
            break
        i += 1
    while run and run[-1].low in grammar.name_joiners:
        run.pop()
    return run


def _longest(run: list[Token], gazetteer: Gazetteer) -> int:
    """How many words of `run` (from its start) form the longest known name; 0 when none do."""
    for length in range(len(run), 0, -1):
        if gazetteer.knows(normalize(" ".join(t.text for t in run[:length]))):
            return length
    return 0


def _container(rest: list[Token], gazetteer: Gazetteer) -> tuple[Place, ...]:
    """The countries, provinces or regions `rest` opens with the name of (none: it opens no container)."""
    length = _longest(rest, gazetteer)
    places = gazetteer.lookup(" ".join(t.text for t in rest[:length])) if length else ()
    return tuple(p for p in places if p.feature in CONTAINERS)


def _inside(place: Place, containers: tuple[Place, ...]) -> bool:
    """Whether `place` lies in one of `containers` (a region's extent is unknown: it holds anything)."""
    return any(c.feature == "RGN" or (c.country == place.country
                                      and (c.feature != "ADM1" or c.adm1 == place.adm1)) for c in containers)


@dataclass(frozen=True, slots=True)
class NameMatch:
    """What `match_name` found: the words the span covers, the name looked up, and its context."""

    covered: int
    key: str
    prefix: tuple[str, ...] = ()  # the kind prefix skipped ("kabupaten"), lowercase
    contained: bool = False  # its own country or province follows it ("di Kabul Afghanistan")


def match_name(run: list[Token], gazetteer: Gazetteer, grammar: GeoGrammar) -> NameMatch | None:
    """The name `run` opens with, trying in turn the words as written, without a kind prefix
    ("Kabupaten Bayelsa"), and without a compass suffix ("Jakarta Selatan")."""
    prefixes = [p for p in grammar.name_prefixes if _starts_with(run, 0, tuple(p))]
    for prefix in [(), *prefixes]:
        skip = len(prefix)
        rest = run[skip:]
        length = _longest(rest, gazetteer)
        if length and skip == 0 and length in {len(p) for p in prefixes} and length < len(run):
            continue  # a kind word alone is no name: "di Negara Beruang Merah" is not the town Negara
        if length:
            covered = skip + length
            key = normalize(" ".join(t.text for t in rest[:length]))
            if covered < len(run) and run[covered].low in grammar.name_suffixes:
                covered += 1  # "Jakarta Selatan" when only Jakarta is known: the span keeps "Selatan"
            contained = False
            if covered < len(run):
                # the known words open a longer name nobody lists ("Le Parc des Princes", "Patra
                # Kuningan", "Liga Champions"): not the town they spell. The country or province the
                # place is in may follow ("di Kabul Afghanistan"); a town may not (Kuningan), nor a
                # country the place is not in ("Liga Inggris", the Premier League, is not Riga)
                containers = _container(run[covered:], gazetteer)
                if not any(_inside(p, containers) for p in gazetteer.lookup(key)):
                    return None
                contained = True
            return NameMatch(covered, key, prefix, contained)
    return None


def find_places(text: str, start: int, end: int, gazetteer: Gazetteer, grammar: GeoGrammar,
                mentions: tuple[ActorMention, ...] = ()) -> list[PlacePhrase]:
    """Every marker-led place name in text[start:end], in order."""
    tokens = tokenize(text, start, end)
    markers = sorted([(p, "") for p in grammar.locatives] + [(p, "to") for p in grammar.directions]
                     + [(p, "from") for p in grammar.origins] + [(p, "kind") for p in grammar.kind_markers],
                     key=lambda m: -len(m[0]))
    found: list[PlacePhrase] = []
    i = 0
    while i < len(tokens):
        marker, kind = next(((p, k) for p, k in markers if _starts_with(tokens, i, p)
                             and (k != "kind" or tokens[i].text.islower())), ((), ""))
        if not marker:
            i += 1
            continue
        j = i + len(marker)
        while j < len(tokens) and j - i - len(marker) < MAX_KIND_WORDS and _between(tokens[j], grammar):
            j += 1
        run = _name_run(tokens, j, grammar)
        hit = match_name(run, gazetteer, grammar) if run else None
        kind_word = kind == "kind" or any(t.low in grammar.place_words for t in tokens[i + len(marker):j])
        if hit is not None and not _weak(hit, gazetteer, grammar, kind_word):
            span_start, span_end = run[0].start, run[hit.covered - 1].end
            phrase = _phrase(text, tokens[i].start, span_start, span_end, hit, gazetteer, mentions, kind)
            if phrase is not None:
                found.append(phrase)
            i = j + hit.covered
        else:
            i = j + max(len(run), 1)
    return found


def _weak(hit: NameMatch, gazetteer: Gazetteer, grammar: GeoGrammar, kind_word: bool) -> bool:
    """Whether the name is a common word of the language that only some place lists among its
    other names ("di Liga" for Riga, "di sisi Allah" for an Iranian town, "Le" for Leh): such a
    name is a place only when the text says so more strongly, by a word of its kind before it
    ("kota", "wilayah": the language's place words) or its own country after it.
    A place's own name ("Bandung", "Medan") is a place whatever the dictionary also says."""
    if hit.contained or hit.prefix or kind_word or hit.key not in grammar.common_words:
        return False
    return not gazetteer.has_own(hit.key)


def _between(token: Token, grammar: GeoGrammar) -> bool:
    """A lowercase word that may stand between a marker and its name ("di depan pengadilan Dili")."""
    if not token.text.isalpha() or not token.text.islower():
        return False
    if token.low in grammar.place_words:
        return True
    return token.low not in grammar.not_between and token.low not in grammar.clause_breaks \
        and not any(token.low == p[0] for p in (*grammar.locatives, *grammar.directions, *grammar.origins))


def _phrase(text: str, marker: int, start: int, end: int, hit: NameMatch, gazetteer: Gazetteer,
            mentions: tuple[ActorMention, ...], kind: str) -> PlacePhrase | None:
    """The phrase, unless an actor mention says the span names who acts (a person, the UN); one that
    only ends in the name ("pengadilan Dili", the court of Dili) leaves it a place."""
    hint = None
    for mention in mentions:
        if mention.start < end and start < mention.end:
            if mention.kind in NOT_PLACES and mention.start >= start:
                return None
            if mention.kind in NOT_PLACES:
                continue
            hint = hint or mention.country
    return PlacePhrase(marker, start, end, text[start:end], hit.key, gazetteer.lookup(hit.key), hint,
                       directional=kind == "to", origin=kind == "from", prefix=hit.prefix)
