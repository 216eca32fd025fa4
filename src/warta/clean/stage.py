"""The clean stage: a `RawDocument` in, an `Article` with its fixed `text` out.

This is the only stage that reads raw input; it drops it, so later stages cannot reach back.
"""

from __future__ import annotations

import hashlib
import re

import ftfy

from warta.article import Article, RawDocument
from warta.clean.boilerplate import clean_paragraphs, normalize_paragraph, split_paragraphs
from warta.clean.dates import load_date_names, parse_date
from warta.clean.html import Extracted, extract_html
from warta.clean.metadata import clean_author, clean_title, host_of, load_metadata_rules, source_name
from warta.clean.rules import load_rules
from warta.errors import ExtractionError
from warta.settings import Settings

# Characters typical of UTF-8 read as cp1252/latin-1 ("â€œ", "Â "); only then is ftfy worth its time.
_MOJIBAKE_HINT = re.compile("[ÂÃâ][\u0080-\u00bf€™œ\u0153\u201a-\u201e\u2020-\u2026\u02c6\u2039\u203a]|Ã|Â ")
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

    def __call__(self, article: Article) -> Article:
        raw = article.raw
        if raw is None:
            raise ExtractionError("the clean stage needs a raw document")
        url, title, author, date_text, sitename = raw.url, raw.title, None, raw.date, raw.source
        page_warnings: list[str] = []
        if raw.kind == "html" or raw.kind == "text" and looks_like_html(raw.content):
            try:
                page = extract_html(raw.content, raw.url)
            except ExtractionError as exc:
                page_warnings.append(str(exc))
                page = Extracted("", None, None, None, None, None, raw.url)
            url = url or page.url
            title = title or page.title
            author, sitename = page.author, sitename or page.sitename
            date_text = date_text or page.date
            hostname = page.hostname or host_of(url)
            title = clean_title(repair_text(title), sitename, hostname) if title else None
            body = page.text
        else:
            body = raw.content
            hostname = host_of(url)
        cleaned = clean_paragraphs(
            split_paragraphs(repair_text(body)), self.rules,
            title=normalize_paragraph(title) if title else None,
            infer_title=raw.kind in ("text", "html") and not title,
        )
        warnings: list[str] = list(page_warnings)
        if not cleaned.paragraphs and not cleaned.title:
            warnings.append("no article text left after removing boilerplate")
        date = parse_date(date_text, self.dates) if date_text else None
        if date_text and raw.date and date is None:
            warnings.append(f"date {raw.date!r} not understood; left empty")
        if date is None and not raw.date and cleaned.date_text:
            date = parse_date(cleaned.date_text, self.dates)
        agency = cleaned.dateline.agency if cleaned.dateline else None
        head = cleaned.title or ""
        body_text = PARAGRAPH_BREAK.join(cleaned.paragraphs)
        text = head + PARAGRAPH_BREAK + body_text if head and body_text else head or body_text
        if len(body_text) < self.min_chars:
            warnings.append("the article body is empty after cleaning")
        return article.evolve(
            raw=None,
            id=article_id(raw, text),
            url=url,
            source=source_name(sitename, url, agency) or hostname,
            title=cleaned.title,
            date=date,
            author=clean_author(author, self.meta) or cleaned.author,
            lang=raw.lang,
            dateline=cleaned.dateline,
            text=text,
            body_start=len(head) + len(PARAGRAPH_BREAK) if head and body_text else 0 if not head else len(head),
            removed=tuple(cleaned.removed),
            warnings=article.warnings + tuple(warnings),
        )
