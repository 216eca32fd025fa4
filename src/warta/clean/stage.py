"""The clean stage: a `RawDocument` in, an `Article` with its fixed `text` out.

This is the only stage that reads raw input; it drops it, so later stages cannot reach back.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass

import ftfy

from warta.article import Article, RawDocument, Removal
from warta.clean.boilerplate import clean_paragraphs, normalize_paragraph, split_paragraphs
from warta.clean.dates import load_date_names, parse_date
from warta.clean.html import Extracted, extract_html
from warta.clean.metadata import (
    clean_author,
    clean_title,
    host_of,
    known_source,
    load_metadata_rules,
    source_name,
)
from warta.clean.rules import load_rules
from warta.errors import ExtractionError
from warta.settings import Settings

# Characters typical of UTF-8 read as cp1252/latin-1 ("â€œ", "Â ") or as Mac Roman ("‚Äú", "¬†",
# "√≥": the CLICK-ID corpus); only then is ftfy worth its time.
_MOJIBAKE_HINT = re.compile(
    "[ÂÃâ][\u0080-\u00bf€™œ\u0153\u201a-\u201e\u2020-\u2026\u02c6\u2039\u203a]|Ã|Â "
    "|[¬√‚][ÄÅÇÉÑÖÜáàâäãåçéèêëíìîïñóòôöõúùûü†°¢£§•¶ß®©™´¨≠ÆØ∞±≤≥¥µ∂∑∏π∫ªºΩæø]"
)
_FTFY = ftfy.TextFixerConfig(uncurl_quotes=False, fix_character_width=False,
                             fix_latin_ligatures=False, unescape_html=False, explain=False)
PARAGRAPH_BREAK = "\n\n"
# A page saved with a comment or whitespace before its doctype ("<!-- 50.245 --><!DOCTYPE html>",
# the kompas id-pages) is still HTML, whatever the sniffer upstream called it.
_HTML_HEAD = re.compile(r"<(?:!doctype\s+html|html|head|body)\b", re.IGNORECASE)


def looks_like_html(content: str) -> bool:
    """True when scraped 'text' is really a saved HTML page."""
    return bool(_HTML_HEAD.search(content[:4096]))


def repair_text(text: str) -> str:
    """Undo mojibake (ftfy) without touching curly quotes or widths."""
    if _MOJIBAKE_HINT.search(text):
        return ftfy.fix_text(text, config=_FTFY)
    return text


def article_id(raw: RawDocument, text: str) -> str:
    """The record's own id, else a stable hash of url and clean text."""
    if raw.id:
        return raw.id
    digest = hashlib.sha256(f"{raw.url or ''}\n{text}".encode()).hexdigest()
    return digest[:16]


def _title_cut(full: str, title: str | None) -> tuple[Removal, ...]:
    """The site name or rubric cut from a page title, as removals ("KapanLagi.com:", "- Kompas.com")."""
    if not title or title == full or title not in full:
        return ()
    head, _, tail = full.partition(title)
    return tuple(Removal("title_affix", piece.strip(), "title") for piece in (head, tail) if piece.strip())


@dataclass
class _Page:
    """What the raw input says before cleaning: its body text and its own metadata."""

    body: str
    url: str | None
    title: str | None
    author: str | None
    date_text: str | None
    sitename: str | None
    warnings: list[str]
    removed: tuple[Removal, ...] = ()  # what title cleaning cut (" - Kompas.com")


class CleanStage:
    """Extract (HTML), repair, cut boilerplate, fix the text and its metadata."""

    name = "clean"
    requires: tuple[str, ...] = ("raw",)
    provides: tuple[str, ...] = ("text", "title", "date", "author", "source", "dateline", "removed")

    def __init__(self, settings: Settings) -> None:
        self.rules = load_rules(settings.languages)
        self.dates = load_date_names(settings.languages)
        self.meta = load_metadata_rules(settings.languages)
        self.min_chars = settings.min_text_chars

    def read_page(self, raw: RawDocument) -> _Page:
        """HTML through trafilatura; text and records as given (a record's fields win)."""
        if not (raw.kind == "html" or (raw.kind == "text" and looks_like_html(raw.content))):
            return _Page(raw.content, raw.url, raw.title, None, raw.date, raw.source, [])
        warnings: list[str] = []
        try:
            page = extract_html(raw.content, raw.url)
        except ExtractionError as exc:
            warnings.append(str(exc))
            page = Extracted("", None, None, None, None, None, raw.url)
        url = raw.url or page.url
        sitename = raw.source or page.sitename
        title = raw.title or page.title
        removed: tuple[Removal, ...] = ()
        if title and not raw.title:
            known = known_source(host_of(url), self.meta)
            full = " ".join(repair_text(title).split())
            title = clean_title(full, sitename, page.hostname or host_of(url), known,
                                section_labels=self.rules.section_labels)
            removed = _title_cut(full, title)
        return _Page(page.text, url, title, page.author, raw.date or page.date, sitename, warnings, removed)

    def __call__(self, article: Article) -> Article:
        raw = article.raw
        if raw is None:
            raise ExtractionError("the clean stage needs a raw document")
        page = self.read_page(raw)
        cleaned = clean_paragraphs(
            split_paragraphs(repair_text(page.body)), self.rules,
            title=normalize_paragraph(page.title) if page.title else None,
            infer_title=raw.kind in ("text", "html") and not page.title,
        )
        warnings = [*raw.warnings, *page.warnings]
        if not cleaned.paragraphs and not cleaned.title:
            warnings.append("no article text left after removing boilerplate")
        date = self.find_date(raw, page, cleaned.date_text, warnings)
        agency = cleaned.dateline.agency if cleaned.dateline else None
        head = cleaned.title or ""
        body_text = PARAGRAPH_BREAK.join(cleaned.paragraphs)
        text = head + PARAGRAPH_BREAK + body_text if head and body_text else head or body_text
        if len(body_text) < self.min_chars:
            warnings.append("the article body is empty after cleaning")
        return article.evolve(
            raw=None,
            id=article_id(raw, text),
            url=page.url,
            source=raw.source or source_name(page.sitename, page.url, agency, self.meta),
            title=cleaned.title,
            date=date,
            author=self.find_author(page, cleaned.author),
            lang=raw.lang,
            dateline=cleaned.dateline,
            text=text,
            body_start=len(head) + len(PARAGRAPH_BREAK) if head and body_text else len(head),
            removed=page.removed + tuple(cleaned.removed),
            warnings=article.warnings + tuple(warnings),
        )

    def find_author(self, page: _Page, found_in_text: str | None) -> str | None:
        """The page's byline, else a sign-off in the text ("(tia)", "DINI TEJA"), minus site names."""
        sites = (page.sitename, host_of(page.url))
        return clean_author(page.author, self.meta, *sites) or clean_author(found_in_text, self.meta, *sites)

    def find_date(self, raw: RawDocument, page: _Page, found_in_text: str | None,
                  warnings: list[str]) -> str | None:
        """The record's or page's date, else one printed above the story, else the crawl date."""
        date = self._published(raw, page, found_in_text, warnings)
        if date is None and raw.crawled:
            date = parse_date(raw.crawled, self.dates)
            if date:
                warnings.append("the page gives no publication date; dated by its crawl (WARC-Date)")
        return date

    def _published(self, raw: RawDocument, page: _Page, found_in_text: str | None,
                   warnings: list[str]) -> str | None:
        """The publication date the record or the page gives; never a guess."""
        date = parse_date(page.date_text, self.dates) if page.date_text else None
        if page.date_text and raw.date and date is None:
            warnings.append(f"date {raw.date!r} not understood (a real day, four-digit year, "
                            "1900–2100); left empty")
        if raw.date or not found_in_text:
            return date
        printed = parse_date(found_in_text, self.dates)
        # the line above the story ("Selasa, 23/02/2016 15:32 WIB") adds the time to htmldate's day
        if date is None or (printed and len(date) == 10 and printed.startswith(date)):
            return printed
        return date
