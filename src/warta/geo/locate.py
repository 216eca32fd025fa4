"""One article's event locations: the trigger's clause, the attributing sentence, the dateline, the country.

Each event tries the evidence nearest to it first and stops at the first place that resolves: the
places the parse says the trigger governs (geo/syntax.py), when the sentence was parsed, then the
places of its clause by the marker rules (less those the parse gives another event), so
"mengungkapkan hal ini ... di Washington" locates the statement before it, and a visit with no
place in the text happens in the visited country. A name that does not resolve is a warning and
the next rule is tried; nothing is guessed from what the text does not say.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, field
from typing import Any

from warta.article import Article, Event, Location, Sentence
from warta.geo.evidence import ActorEvidence, Clause
from warta.geo.gazetteer import Gazetteer, Place
from warta.geo.grammar import GeoGrammar
from warta.geo.places import PlacePhrase, find_places, tokenize
from warta.geo.resolve import choose, iso_country
from warta.geo.syntax import Attachment, attach

COARSE = frozenset({"PCLI", "ADM1", "RGN", "SEA"})  # places no coarser unit is needed for


@dataclass(frozen=True, slots=True)
class Territory:
    """CAMEO code prefixes of events that happen on the target's, or the source's, territory."""

    target: tuple[str, ...] = ()
    source: tuple[str, ...] = ()
    destination: tuple[str, ...] = ()  # events that happen where they go ("ke", "to"): visits, aid
    origin: tuple[str, ...] = ()  # events that happen where they leave ("dari", "from"), by the parse
    verbal: tuple[str, ...] = ()  # statements, appeals, talks: their object's places are the topic's
    # dictionary files whose entry alone is no evidence of where an event was (bare surnames)
    weak_entries: tuple[str, ...] = ()


def location(place: Place, text: str, start: int | None, end: int | None, how: str) -> Location:
    return Location(text=text, start=start, end=end, name=place.name, country=place.country,
                    adm1=place.adm1, lat=place.lat, lon=place.lon, geonames_id=place.geonames_id,
                    feature=place.feature, how=how)


@dataclass
class ArticleLocator:
    """The places of one article, found once per sentence and resolved once per phrase."""

    article: Article
    gazetteer: Gazetteer
    grammar: GeoGrammar
    territory: Territory
    warnings: list[str] = field(default_factory=list)
    _phrases: dict[int, list[PlacePhrase]] = field(default_factory=dict)
    _resolved: dict[tuple[int, int], Location | None] = field(default_factory=dict)
    countries: frozenset[str] = frozenset()
    _named: frozenset[str] | None = None
    # sentence start → (its parse, its token starts): the sentences with an event and a place
    parses: dict[int, tuple[Any, list[int]]] = field(default_factory=dict)
    # per sentence start, read once however many events the sentence holds (linear in the article)
    _tokens: dict[int, tuple[list[Any], list[int]]] = field(default_factory=dict)
    _attributing: dict[int, list[PlacePhrase]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        found = {iso_country(m.country) for m in self.article.actors}
        self.countries = frozenset(c for c in found if c)
        self._country_spans = {(m.start, m.end) for m in self.article.actors
                               if m.kind == "country" and len(m.code) == 3}
        self._sentences = sorted(self.article.sentences, key=lambda s: s.start)
        self._starts = [s.start for s in self._sentences]
        self.evidence = ActorEvidence(self.article, self.grammar, self.territory.weak_entries)

    def named_countries(self) -> frozenset[str]:
        """Countries the text itself names: as actors, or by places it names unambiguously ("in the
        city of Karachi" makes the Hyderabad of the same story Pakistan's). Read the first time a name
        has places in several countries (it scans every sentence), then kept."""
        if self._named is None:
            found = {iso_country(m.country) for m in self.article.actors if m.kind != "place"}
            for sentence in self.article.sentences:
                for phrase in self.phrases(sentence):
                    countries = {p.country for p in phrase.places}
                    if len(countries) == 1:
                        found.add(countries.pop())
            self._named = frozenset(c for c in found if c)
        return self._named

    def phrases(self, sentence: Sentence) -> list[PlacePhrase]:
        if sentence.start not in self._phrases:
            self._phrases[sentence.start] = find_places(self.article.text, sentence.start, sentence.end,
                                                        self.gazetteer, self.grammar, self.article.actors)
        return self._phrases[sentence.start]

    def resolve(self, phrase: PlacePhrase, how: str) -> Location | None:
        key = (phrase.start, phrase.end)
        if key not in self._resolved:
            hint = iso_country(phrase.country_hint)
            countries = self.countries
            if hint and len({p.country for p in phrase.places}) > 1:
                named = self.named_countries()
                if hint not in named and any(p.country in named for p in phrase.places):
                    # the dictionary's country for a name (Hyderabad: India) yields to the story's
                    # (Karachi, in the same story, is Pakistan's)
                    hint, countries = None, named
            result = choose(phrase.places, hint, countries)
            if result.place is None:
                self.warnings.append(f"geo: {phrase.text!r} at {phrase.start}: {result.problem}; "
                                     "left unlocated")
                self._resolved[key] = None
            else:
                place = result.place
                coarse = phrase.prefix in self.grammar.coarse_prefixes
                if coarse and place.feature not in COARSE and place.adm1:
                    # "Kabupaten Bandung" is a regency the gazetteer does not hold: its province, not the town
                    place = self.gazetteer.lookup_province(place.adm1) or place
                self._resolved[key] = location(place, phrase.text, phrase.start, phrase.end, how)
        found = self._resolved[key]
        return None if found is None else _with_how(found, how)

    def locate(self, event: Event, dateline: Location | None) -> Location | None:
        reading = self.reading(event)
        for phrase in self.by_parse(event, reading):
            found = self.resolve(phrase, "sentence")
            if found:
                return found
        for phrase in self.attributing(event.sentence):
            found = self.resolve(phrase, "attribution")
            if found:
                return found
        if any(event.code.startswith(p) for p in self.territory.target) and not self.is_country(event):
            # violence against people is where the sentence says, in any clause ("pemboman di Kabul,
            # yang menewaskan seorang prajurit Amerika"), before it is in the target's country
            for phrase in self.phrases(event.sentence):
                found = None if phrase.directional or phrase.origin else self.resolve(phrase, "sentence")
                if found:
                    return found
        clause = self.clause(event)
        if self.evidence.abroad(clause):
            self.warnings.append(f"geo: event at {event.trigger.start}: the text says it was abroad, "
                                 "not where; left unlocated")
            return None
        if dateline is not None:
            why = self.dateline_refusal(event, dateline)
            if why is not None:
                self.warnings.append(f"geo: event at {event.trigger.start}: {why}; the dateline "
                                     f"{dateline.text!r} is not its place")
                dateline = None
        return dateline or self.by_territory(event, clause)

    def dateline_refusal(self, event: Event, dateline: Location) -> str | None:
        """Why the dateline's place is not this event's: the sentence names a place in another country
        (one the gazetteer holds, or one only the actor dictionary knows: "tiba di ruang tamu Istana
        Malacanang" under a Jakarta dateline), or the event happens on a side's territory (territory.toml)
        and that side is another country ("pejuang kemerdekaan Timor Leste")."""
        if self.elsewhere(event.sentence, dateline):
            return "the sentence names a place in another country"
        unknown = self.evidence.place_elsewhere(event.sentence, dateline.country)
        if unknown is not None:
            return f"the sentence names {unknown.text!r}, a place of {unknown.country} the gazetteer lacks"
        for side, prefixes in ((event.target, self.territory.target), (event.source, self.territory.source)):
            if side is not None and any(event.code.startswith(p) for p in prefixes) \
                    and (side.start, side.end) in self._country_spans \
                    and iso_country(side.country or side.code) not in (None, dateline.country):
                return f"it happens on the territory of {side.text!r}"
        return None

    def elsewhere(self, sentence: Sentence, dateline: Location) -> bool:
        """Whether a place the sentence names (not a destination nor an origin) is in another country
        than the dateline's: "di New York" under a Jakarta dateline leaves the event unplaced rather
        than put in Jakarta, whichever clause the place belongs to."""
        return any(not p.directional and not p.origin and (found := self.resolve(p, "sentence")) is not None
                   and found.country != dateline.country for p in self.phrases(sentence))

    def is_country(self, event: Event) -> bool:
        """Whether the target is a country itself ("menyerang Arab Saudi"): then it is the place."""
        target = event.target
        return target is not None and (target.start, target.end) in self._country_spans

    def reading(self, event: Event) -> Attachment | None:
        """The parse's attachment of the sentence's places to this trigger; None when not parsed."""
        parsed = self.parses.get(event.sentence.start)
        if parsed is None:
            return None
        doc, starts = parsed
        verbal = any(event.code.startswith(p) for p in self.territory.verbal)
        return attach(doc, starts, (event.trigger.start, event.trigger.end), self.phrases(event.sentence),
                      self.grammar.same_time if verbal else None)

    def by_parse(self, event: Event, reading: Attachment | None) -> list[PlacePhrase]:
        """The trigger's places by the parse, then by the clause rules (without those the parse gives
        another event), then those of a clause under it that shares its scene."""
        moves = any(event.code.startswith(p) for p in self.territory.destination)
        leaves = any(event.code.startswith(p) for p in self.territory.origin)
        if reading is None:
            return self.attached(event)
        governed = [p for p in reading.governed if (moves or not p.directional) and (leaves or not p.origin)]
        rules = [p for p in self.attached(event) if (p.start, p.end) not in reading.foreign]
        nested = [p for p in reading.nested if not p.directional and not p.origin]
        return list(dict.fromkeys(governed + rules + nested))

    def attached(self, event: Event) -> list[PlacePhrase]:
        """Places of the trigger's clause, those after the trigger first, then a sentence-opening one."""
        sentence, trigger = event.sentence, event.trigger
        phrases = self.phrases(sentence)
        if not phrases:
            return []
        tokens, breaks = self._clauses(sentence)
        left = max((b for b in breaks if b < trigger.start), default=sentence.start)
        right = min((b for b in breaks if b > trigger.start), default=sentence.end)
        moves = any(event.code.startswith(p) for p in self.territory.destination)
        usable = [p for p in phrases if (moves or not p.directional) and not p.origin]
        inside = [p for p in usable if left <= p.marker < right]
        after = [p for p in inside if p.marker >= trigger.start]  # "tiba di Beijing": marker inside
        before = sorted((p for p in inside if p.marker < trigger.start), key=lambda p: -p.marker)
        opening = [p for p in usable if tokens and p.marker == tokens[0].start and p not in inside]
        return after + before + opening

    def _clauses(self, sentence: Sentence) -> tuple[list[Any], list[int]]:
        """A sentence's tokens and the starts of its clause breaks."""
        if sentence.start not in self._tokens:
            tokens = tokenize(self.article.text, sentence.start, sentence.end)
            self._tokens[sentence.start] = (tokens, [t.start for t in tokens
                                                     if t.low in self.grammar.clause_breaks])
        return self._tokens[sentence.start]

    def attributing(self, sentence: Sentence) -> list[PlacePhrase]:
        """The places of the next sentence, when it points back at this one ("hal ini") in one paragraph."""
        if sentence.start in self._attributing:
            return self._attributing[sentence.start]
        index = bisect_left(self._starts, sentence.end)
        following = self._sentences[index] if index < len(self._sentences) else None
        found: list[PlacePhrase] = []
        if following is not None and "\n\n" not in self.article.text[sentence.end:following.start]:
            words = [t.low for t in self._clauses(following)[0]]
            refers = any(tuple(words[i:i + len(p)]) == p for p in self.grammar.back_references
                         for i in range(len(words)))
            found = self.phrases(following) if refers else []
        self._attributing[sentence.start] = found
        return found

    def clause(self, event: Event) -> Clause:
        """The tokens of the trigger's clause (between the clause breaks around it)."""
        tokens, breaks = self._clauses(event.sentence)
        trigger = event.trigger.start
        left = max((b for b in breaks if b < trigger), default=event.sentence.start)
        right = min((b for b in breaks if b > trigger), default=event.sentence.end)
        breaks_ = self.grammar.clause_breaks
        return Clause([t for t in tokens if left <= t.start < right and t.low not in breaks_], trigger)

    def by_territory(self, event: Event, clause: Clause) -> Location | None:
        for side, prefixes in ((event.target, self.territory.target), (event.source, self.territory.source)):
            if side is None or not any(event.code.startswith(p) for p in prefixes):
                continue
            why = self.evidence.refusal(event, side, clause)
            if why is not None:
                self.warnings.append(f"geo: event at {event.trigger.start}: {side.text!r} {why}; "
                                     "not located by its country")
                return None
            country = iso_country(side.country or side.code)
            elsewhere = self.evidence.place_elsewhere(event.sentence, country) if country else None
            if elsewhere is not None:
                self.warnings.append(f"geo: event at {event.trigger.start}: the sentence names "
                                     f"{elsewhere.text!r}, a place of {elsewhere.country}, not of "
                                     f"{side.text!r}; not located by its country")
                return None
            places = [p for p in self.gazetteer.lookup_country(country)] if country else []
            if places:
                return location(places[0], side.text, side.start, side.end, "country")
        return None


def _with_how(found: Location, how: str) -> Location:
    from dataclasses import replace

    return found if found.how == how else replace(found, how=how)
