"""The stage list and how it runs: one `Pipeline` owns every loaded resource.

Stage order is the explicit list in `build_stages`; each stage declares what it needs and what
it adds, and the pipeline checks that when it is built.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import Protocol

from warta.actors.ner import NerTagger
from warta.actors.stage import ActorStage
from warta.article import Article, Failure, RawDocument
from warta.clean.stage import CleanStage
from warta.errors import InputError, PipelineError, WartaError
from warta.events.stage import EventStage
from warta.geo.stage import GeoStage
from warta.ingest.readers import raw_from_record, sniff_kind
from warta.ingest.validate import check_raw
from warta.language.filter import LanguageFilter, LanguageFiltered, LanguagePrefilter
from warta.language.stage import LanguageStage, SentenceStage
from warta.settings import Settings


class Stage(Protocol):
    name: str
    requires: tuple[str, ...]
    provides: tuple[str, ...]

    def __call__(self, article: Article) -> Article: ...


def build_stages(settings: Settings) -> list[Stage]:
    """The pipeline, in order: clean → language → sentences → actors → events → geo."""
    # --lang id,en: pages surely in another language stop before cleaning, the rest after detection.
    prefilter: list[Stage] = [LanguagePrefilter(settings)] if settings.lang_filter else []
    events = EventStage(settings)
    return [
        *prefilter,
        CleanStage(settings),
        LanguageStage(settings),
        SentenceStage(settings),
        LanguageFilter(settings),
        ActorStage(settings, tagger=NerTagger() if settings.use_ner else None),
        events,
        GeoStage(settings, parses=events.parses),  # reuses the coder's parses of the article
    ]


def check_stages(stages: list[Stage]) -> None:
    """Fail at build time when a stage needs a layer that no earlier stage provides."""
    available = {"raw"}
    for stage in stages:
        missing = [need for need in stage.requires if need not in available]
        if missing:
            raise PipelineError(f"stage {stage.name!r} needs {', '.join(missing)}, "
                                "which no earlier stage provides")
        available.update(stage.provides)


ErrorHandler = Callable[[Failure], None]


class Pipeline:
    """Loads rules and models once; `analyze` one input, `pipe` a stream."""

    def __init__(self, settings: Settings | None = None, stages: list[Stage] | None = None) -> None:
        self.settings = settings or Settings()
        self.stages = stages if stages is not None else build_stages(self.settings)
        check_stages(self.stages)

    @property
    def stage_names(self) -> list[str]:
        return [stage.name for stage in self.stages]

    def run(self, raw: RawDocument) -> Article:
        """Every stage over one raw document."""
        if len(raw.content) > self.settings.max_input_bytes:
            raise InputError(f"{raw.origin or 'input'}: larger than "
                             f"{self.settings.max_input_bytes} bytes; not a news page")
        article = Article(raw=check_raw(raw))
        for stage in self.stages:
            article = stage(article)
        return article

    def analyze(self, raw: str | bytes | dict[str, object] | RawDocument, *, url: str | None = None,
                date: str | None = None, lang: str | None = None) -> Article:
        """One article from HTML, text, bytes, or a record dict."""
        return self.run(to_raw(raw, url=url, date=date, lang=lang))

    def pipe(self, items: Iterable[RawDocument | Failure | dict[str, object] | str],
             on_error: ErrorHandler | None = None) -> Iterator[Article]:
        """Articles for a stream; a bad item goes to `on_error` (or raises when there is none)."""
        for number, item in enumerate(items, start=1):
            if isinstance(item, Failure):
                _report(item, on_error)
                continue
            origin = item.origin if isinstance(item, RawDocument) else f"record {number}"
            try:
                article = self.analyze(item)
            except LanguageFiltered as exc:
                _report(Failure(str(origin), _located(str(exc), origin), filtered=True), on_error)
                continue
            except WartaError as exc:
                _report(Failure(str(origin), _located(str(exc), origin)), on_error)
                continue
            except Exception as exc:  # a bug must not sink the batch; quarantine with its reason
                reason = f"unexpected {exc.__class__.__name__}: {exc}"
                _report(Failure(str(origin), _located(reason, origin)), on_error)
                continue
            if not article.text:
                reason = article.warnings[-1] if article.warnings else "no article text"
                _report(Failure(str(origin), _located(reason, origin)), on_error)
                continue
            yield article


def _located(message: str, origin: str | None) -> str:
    return message if not origin or message.startswith(origin) else f"{origin}: {message}"


def _report(failure: Failure, on_error: ErrorHandler | None) -> None:
    if on_error is None and failure.filtered:
        return  # the caller asked for the filter; a filtered article is not an error
    if on_error is None:
        raise InputError(failure.reason)
    on_error(failure)


def to_raw(raw: str | bytes | dict[str, object] | RawDocument, *, url: str | None = None,
           date: str | None = None, lang: str | None = None) -> RawDocument:
    """Wrap what a caller hands `analyze` as a `RawDocument`."""
    from dataclasses import replace

    from warta.ingest.decode import Decoded, decode_text

    if isinstance(raw, RawDocument):
        doc = raw
    elif isinstance(raw, dict):
        doc = raw_from_record(raw)
    else:
        decoded = decode_text(raw) if isinstance(raw, bytes) else Decoded(raw)
        text = decoded.text
        if not isinstance(text, str) or not text.strip():
            raise InputError("input: empty input")
        doc = RawDocument(content=text, kind="html" if sniff_kind(text) == "html" else "text",
                          warnings=decoded.warnings)
    return replace(doc, url=url or doc.url, date=date or doc.date, lang=lang or doc.lang)
