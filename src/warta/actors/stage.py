"""The actor stage: dictionary hits -> composed actors -> coreference -> `article.actors`."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Iterator
from datetime import date
from pathlib import Path

from warta.actors.codes import CodePeriod
from warta.actors.compose import Composer, Context, Draft
from warta.actors.context import ContextCountry
from warta.actors.coref import CorefRules, Resolver
from warta.actors.currency import is_currency
from warta.actors.dictionary import PLACE_KINDS, ActorDictionary, Grammar, load_dictionary
from warta.actors.matcher import Hit, Matcher
from warta.actors.names import EntityTagger
from warta.article import ActorMention, Article
from warta.settings import Settings


def article_date(value: str | None) -> date | None:
    """'2008-08-04' or '2008-08-04T10:00:00Z' -> date; anything else -> None (read as today)."""
    if not value or len(value) < 10:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


NER_LANGUAGE = "id"


class ActorStage:
    """Adds `actors`; loads dictionaries and builds the automaton once, in `__init__`.

    `tagger` is the optional NER model (see `names.EntityTagger`): its PER spans replace the
    capitalised-words heuristic for names next to a role ("Menteri X, Budi Santoso").
    `extra_files` are user dictionaries (warta TSV or PETRARCH/Phoenix files); by default they
    come from `settings.actor_dictionaries` when that setting exists.
    """

    name = "actors"
    requires: tuple[str, ...] = ("text", "sentences", "lang", "date")
    provides: tuple[str, ...] = ("actors",)

    def __init__(self, settings: Settings | None = None, tagger: EntityTagger | None = None,
                 extra_files: Iterable[str | Path] | None = None) -> None:
        settings = settings or Settings()
        if extra_files is None:
            extra_files = settings.actor_dictionaries
        self.dictionary: ActorDictionary = load_dictionary(settings.languages, extra_files)
        clitics = {lang: g.clitics for lang, g in self.dictionary.grammars.items()}
        self.matcher = Matcher(self.dictionary.entries, clitics)
        self.rules = {lang: CorefRules.build(g) for lang, g in self.dictionary.grammars.items()}
        self.tagger = tagger
        self._periods: dict[str, tuple[CodePeriod, ...]] = {}  # codes cell -> parsed, per Pipeline

    @property
    def labels(self) -> dict[str, str]:
        """CAMEO code -> label, for `summarize_actors`."""
        return self.dictionary.labels

    def __call__(self, article: Article) -> Article:
        place = article.dateline.place if article.dateline is not None else None
        return article.evolve(actors=self.find_actors(article.text, article.lang, article.date,
                                                      [(s.start, s.end) for s in article.sentences],
                                                      place))

    def pipe(self, articles: Iterable[Article]) -> Iterator[Article]:
        for article in articles:
            yield self(article)

    def grammar_for(self, lang: str | None) -> tuple[str | None, Grammar]:
        grammars = self.dictionary.grammars
        if lang in grammars:
            return lang, grammars[lang]
        fallback = grammars.get("en") or next(iter(grammars.values()), Grammar(lang="en"))
        return None, fallback  # unknown language: every name, English grammar

    def find_actors(self, text: str, lang: str | None = None, when: str | None = None,
                    sentences: list[tuple[int, int]] | None = None,
                    dateline: str | None = None) -> tuple[ActorMention, ...]:
        """Every actor mention in `text` (the public entry for callers without an Article).

        `dateline` is the place the story was filed from ("JAKARTA"): in a national story it
        places the roles nothing else places (see `context.ContextCountry`).
        """
        if not text:
            return ()
        match_lang, grammar = self.grammar_for(lang)
        hits = [h for h in self.matcher.find(text, match_lang) if not is_currency(text, h, grammar)]
        # the shipped NER model is trained on Indonesian only; English relies on the dictionaries
        persons = self._persons(text) if lang == NER_LANGUAGE else []
        ctx = Context(text, grammar, article_date(when), self._periods, persons)
        spans = sentences or [(0, len(text))]
        drafts: list[Draft] = []
        for group in _by_sentence(hits, spans):
            drafts += Composer(ctx, group).run()
        rules = self.rules.get(grammar.lang) or CorefRules.build(grammar)
        drafts = Resolver(text, drafts, spans, self.dictionary.countries, rules).run()
        home = self._home(dateline, match_lang, ctx)
        drafts = ContextCountry(text, drafts, spans, grammar, self.dictionary.countries, home).run()
        return self._mentions(text, drafts)

    def _home(self, place: str | None, lang: str | None, ctx: Context) -> str | None:
        """The country of a dateline's place: 'JAKARTA' -> IDN, 'BANDUNG' -> IDN."""
        for hit in self.matcher.find(place or "", lang):
            code = ctx.code(hit.entry) if hit.entry.kind in PLACE_KINDS else None
            if code:
                return code[:3]
        return None

    def _persons(self, text: str) -> list[tuple[int, int]]:
        if self.tagger is None:
            return []
        return [(start, end) for start, end, label in self.tagger.entities(text) if label.upper()
                in ("PER", "PERSON", "PPL")]

    def _mentions(self, text: str, drafts: list[Draft]) -> tuple[ActorMention, ...]:
        drafts = sorted(drafts, key=lambda d: (d.start, d.end, d.code))
        index = {id(d): i for i, d in enumerate(drafts)}
        out = []
        for draft in drafts:
            country, role = self._split(draft.code)
            refers = index.get(id(draft.antecedent)) if draft.antecedent is not None else None
            out.append(ActorMention(draft.start, draft.end, text[draft.start:draft.end], draft.code,
                                    country, role, draft.name, draft.kind, draft.how, draft.entry, refers))
        return tuple(out)

    def _split(self, code: str) -> tuple[str | None, str | None]:
        head, role = code[:3], code[3:6] or None
        if head in self.dictionary.countries:
            return head, role if role in self.dictionary.roles else None
        if head == "---":
            return None, role
        return None, None


def _by_sentence(hits: list[Hit], spans: list[tuple[int, int]]) -> list[list[Hit]]:
    """Hits grouped by the sentence they start in: composition never crosses a sentence."""
    starts = [s for s, _ in spans]
    groups: dict[int, list[Hit]] = {}
    for hit in hits:
        groups.setdefault(bisect_right(starts, hit.start) - 1, []).append(hit)
    return [groups[k] for k in sorted(groups)]
