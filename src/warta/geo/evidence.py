"""Whether an event's actor is evidence enough to put the event in that actor's country.

The last rule of locate.py puts a visit in the visited country and a protest in the protesters'
(how = "country") when the text names no place. That rests on the event coder's actor, and the held-out
samples show where it fails (bench/results/geo-heldout-3.jsonl): the actor is a bare surname from the
Phoenix list that happens to spell a word of the story ("Patra" of Patra Kuningan taken as an Angolan
judge, "Hilton" as a minister of Vanuatu); the actor is a person's origin, not a place ("penyerang asal
Brasil", a striker from Brazil, introduced in Semarang); the actor is one of two parties whose relation
has no single territory ("perang dagang antara Amerika Serikat dan Cina"); or the text itself says the
event was elsewhere ("kunjungan ke luar negeri", "kunjungan ke negeri Kincir Angin"). Each check below
refuses the fallback with a reason, which the caller logs as a warning: an unplaced event is a gap, a
wrong country is an error. The words come from `lang/<code>/geo.toml`, the weak dictionary files from
`geo/data/territory.toml`.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass

from warta.article import ActorMention, Article, Event, EventActor, Sentence
from warta.geo.grammar import GeoGrammar
from warta.geo.places import Token, tokenize
from warta.geo.resolve import iso_country


@dataclass(frozen=True, slots=True)
class Clause:
    """The trigger's clause: its tokens (between the clause breaks around the trigger)."""

    tokens: Sequence[Token]
    trigger_start: int


class ActorEvidence:
    """The checks for one article; `weak_entries` are dictionary files whose entry alone places no one."""

    def __init__(self, article: Article, grammar: GeoGrammar, weak_entries: tuple[str, ...]) -> None:
        """Indexes built once, so each event's checks are lookups, not scans of every actor."""
        self.article = article
        self.grammar = grammar
        self.weak_entries = weak_entries
        self._spans = sorted({(m.start, m.end) for m in article.actors if m.kind != "place" or m.country})
        self._index = {span: i for i, span in enumerate(self._spans)}
        self._by_span: dict[tuple[int, int], list[ActorMention]] = {}
        for mention in article.actors:
            self._by_span.setdefault((mention.start, mention.end), []).append(mention)
        # codes of people the article names in full or with a title (not by a bare surname alone)
        self._named = {m.code for m in article.actors if m.kind == "person" and m.how != "coref"
                       and not self._weak(m)}
        self._places = sorted((m.start, i) for i, m in enumerate(article.actors) if m.kind == "place")
        self._elsewhere: dict[tuple[int, str | None], ActorMention | None] = {}
        self._located_places: dict[int, list[ActorMention]] = {}

    def refusal(self, event: Event, side: EventActor, clause: Clause) -> str | None:
        """Why `side` cannot place `event` in its country, or None when it can."""
        if self.bare_surname(side):
            return "is a bare surname the article names no one by in full or with a title"
        if self.abroad(clause):
            return "the text says the event was abroad"
        if self.origin_of_person(side):
            return "is where someone comes from, not where the event was"
        if self.mutual(event, side):
            return "is one of two parties to a relation with no single territory"
        if self.destination_elsewhere(side, clause):
            return "is not the destination the text names"
        return None

    def _weak(self, mention: ActorMention) -> bool:
        entry = mention.dictionary_entry or ""
        return bool(entry) and all(part.split(":")[0] in self.weak_entries for part in entry.split("+"))

    def bare_surname(self, side: EventActor) -> bool:
        """A person known only by a surname from a weak list ("Nono", "Patra"), unless the article
        names someone with the same code from a stronger entry (a full name, a title + surname)."""
        mentions = [m for m in self._by_span.get((side.start, side.end), []) if m.code == side.code]
        if not mentions:
            return False
        for mention in mentions:
            antecedent = self.article.actors[mention.refers_to] if mention.refers_to is not None \
                and 0 <= mention.refers_to < len(self.article.actors) else mention
            if not self._weak(antecedent):
                return False
        return side.code not in self._named

    def _chain(self, side: EventActor) -> tuple[int, int, list[tuple[int, int]]]:
        """The span of the coordination the side is in ("Amerika Serikat dan Cina"), and its members."""
        text, joiners = self.article.text, self.grammar.pair_joiners
        members = [(side.start, side.end)]
        index = self._index.get((side.start, side.end), -1)
        if index < 0:
            return side.start, side.end, members
        i = index
        while i > 0 and text[self._spans[i - 1][1]:self._spans[i][0]].strip().casefold() in joiners \
                and self._spans[i - 1][1] <= self._spans[i][0]:
            i -= 1
            members.insert(0, self._spans[i])
        j = index
        while j + 1 < len(self._spans) and self._spans[j][1] <= self._spans[j + 1][0] \
                and text[self._spans[j][1]:self._spans[j + 1][0]].strip().casefold() in joiners:
            j += 1
            members.append(self._spans[j])
        return members[0][0], members[-1][1], members

    def _word_before(self, at: int, words: frozenset[str]) -> bool:
        """Whether text[:at] ends with one of `words` (lowercase, whole words)."""
        before = self.article.text[max(0, at - 40):at].rstrip().casefold()
        return any(before == w or before.endswith(" " + w) for w in words)

    def origin_of_person(self, side: EventActor) -> bool:
        """The side follows a word of origin ("asal", "kelahiran"), itself or as one of a coordination
        ("mahasiswa asal Papua dan Papua Barat"): it says where someone is from."""
        start, _, _ = self._chain(side)
        return self._word_before(start, self.grammar.nationality_words)

    def mutual(self, event: Event, side: EventActor) -> bool:
        """The side is coordinated with a party of another country that is the event's other side
        ("perang dagang Amerika Serikat dan China"), or the coordination follows "antara" (between)."""
        start, _, members = self._chain(side)
        if len(members) < 2:
            return False
        countries = {m.country for span in members for m in self._by_span.get(span, []) if m.country}
        if len(countries) < 2:
            return False
        other = event.source if (side.start, side.end) == _span(event.target) else event.target
        if other is not None and (other.start, other.end) in members and other.country != side.country:
            return True
        return self._word_before(start, self.grammar.pair_openers)

    def place_elsewhere(self, sentence: Sentence, country: str | None) -> ActorMention | None:
        """A place of the actor dictionary in the sentence, of another country than `country`, that is
        not a destination, an origin or where someone comes from ("ke Manila", "dari Manila", "asal
        Manila"): the sentence puts its events there even when the gazetteer lacks the name."""
        key = (sentence.start, country)
        if key not in self._elsewhere:
            self._elsewhere[key] = next((m for m in self._places_in(sentence)
                                         if iso_country(m.country) not in (None, country)), None)
        return self._elsewhere[key]

    def _places_in(self, sentence: Sentence) -> list[ActorMention]:
        """The sentence's place mentions that say where something is (kept per sentence)."""
        if sentence.start in self._located_places:
            return self._located_places[sentence.start]
        leading = (*self.grammar.directions, *self.grammar.origins)
        out: list[ActorMention] = []
        at = bisect_left(self._places, (sentence.start, -1))
        while at < len(self._places) and self._places[at][0] < sentence.end:
            mention = self.article.actors[self._places[at][1]]
            at += 1
            if self._word_before(mention.start, self.grammar.nationality_words):
                continue
            before = [t.low for t in tokenize(self.article.text, max(sentence.start, mention.start - 60),
                                              mention.start)
                      if not (t.text.islower() and t.low in self.grammar.place_words)]
            if any(tuple(before[-len(p):]) == p for p in leading):
                continue
            out.append(mention)
        self._located_places[sentence.start] = out
        return out

    def abroad(self, clause: Clause) -> bool:
        """The trigger's clause says "ke luar negeri", "abroad": somewhere outside, not named."""
        words = [t.low for t in clause.tokens if t.text.islower()]
        return any(tuple(words[i:i + len(p)]) == p for p in self.grammar.abroad for i in range(len(words)))

    def destination_elsewhere(self, side: EventActor, clause: Clause) -> bool:
        """A direction in the trigger's clause, after it, names a destination ("kunjungan ke PT
        Dirgantara Indonesia", "ke negeri Kincir Angin") that the gazetteer did not resolve, and the
        side is neither in that name nor right after it ("ke RSPAD Gatot Soebroto, Jakarta Pusat")."""
        tokens = clause.tokens
        for i, token in enumerate(tokens):
            if token.start < clause.trigger_start or not any(
                    tuple(t.low for t in tokens[i:i + len(p)]) == p for p in self.grammar.directions):
                continue
            j = i + 1
            while j < len(tokens) and tokens[j].text.isalpha() and tokens[j].text.islower() \
                    and tokens[j].low in self.grammar.place_words:
                j += 1
            run = []
            while j < len(tokens) and tokens[j].text[:1].isupper():
                run.append(tokens[j])
                j += 1
            if not run:
                continue
            end = run[-1].end
            following = self.article.text[end:side.start]
            inside = run[0].start <= side.start < end + 1
            return not (inside or (side.start >= end and following.strip() == ","))
        return False


def _span(actor: EventActor | None) -> tuple[int, int] | None:
    return None if actor is None else (actor.start, actor.end)
