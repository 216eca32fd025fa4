"""Stages that add the language and the sentence layer."""

from __future__ import annotations

from warta.article import Article, Sentence
from warta.language.detect import LanguageIdentifier
from warta.language.sentences import load_abbreviations, split_sentences
from warta.settings import Settings


class LanguageStage:
    """Set `lang` from the text, unless the input record gave one."""

    name = "language"
    requires: tuple[str, ...] = ("text",)
    provides: tuple[str, ...] = ("lang",)

    def __init__(self, settings: Settings) -> None:
        self.identifier = LanguageIdentifier(settings.languages, settings.detect_all_languages)

    def __call__(self, article: Article) -> Article:
        if article.lang:
            return article
        found = self.identifier.detect(article.body or article.text)
        if not found.among:
            return article.evolve(lang=found.lang)
        confidence = f", confidence {found.confidence:.2f}" if found.confidence is not None else ""
        among = "every language" if found.among == ("all",) else ", ".join(found.among)
        note = f"short text: language {found.lang} chosen among {among}{confidence}"
        return article.evolve(lang=found.lang, warnings=(*article.warnings, note))


class SentenceStage:
    """Sentence spans; the headline is always a sentence of its own."""

    name = "sentences"
    requires: tuple[str, ...] = ("text",)
    provides: tuple[str, ...] = ("sentences",)

    def __init__(self, settings: Settings) -> None:
        self.abbreviations = load_abbreviations(settings.languages)

    def __call__(self, article: Article) -> Article:
        spans: list[Sentence] = []
        start = article.body_start
        if article.title and article.text.startswith(article.title):
            spans.append(Sentence(0, len(article.title)))
            start = max(start, len(article.title))
        spans += split_sentences(article.text, self.abbreviations, start)
        return article.evolve(sentences=tuple(spans))
