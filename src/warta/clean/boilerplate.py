"""Cut news boilerplate from a list of paragraphs, recording every cut and the metadata it held.

Works on scraped text and on what trafilatura leaves behind; the patterns are per-language data
(`lang/<code>/boilerplate.toml`), this module only knows where on a page each kind may occur.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from warta.article import Dateline, Removal
from warta.clean.rules import EdgeRule, LineRule, Rules

_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200b\u202f\u205f\u3000]+")
_WORD = re.compile(r"\w+")
# A paragraph of prose ends like a sentence; rules for short furniture lines never fire on it.
_PROSE_END = re.compile(r"[.!?][\"”’')]*$")
PROSE_MIN_WORDS = 12  # shortest "real sentence" protected from short-line rules (seed + id-pages)
HEADLINE_MAX_WORDS = 30  # longest first line still taken as a headline (Indonesian titles run long)
FOLLOW_MAX_WORDS = 20  # headline-like lines under a "Baca juga" heading


@dataclass
class Cleaned:
    """What cleaning keeps and what it learns from the pieces it cuts."""

    paragraphs: list[str] = field(default_factory=list)
    removed: list[Removal] = field(default_factory=list)
    title: str | None = None
    author: str | None = None
    date_text: str | None = None
    dateline: Dateline | None = None


def normalize_paragraph(text: str) -> str:
    """Collapse runs of spaces (including no-break and zero-width ones) and trim."""
    return _SPACES.sub(" ", text).strip()


def split_paragraphs(text: str) -> list[str]:
    """Non-empty lines, normalised: scraped text and trafilatura output have one paragraph a line."""
    out = []
    for line in text.splitlines():
        line = normalize_paragraph(line)
        if line:
            out.append(line)
    return out


def word_count(text: str) -> int:
    return len(_WORD.findall(text))


def is_prose(text: str) -> bool:
    return bool(_PROSE_END.search(text)) and word_count(text) >= PROSE_MIN_WORDS


def is_headline_like(text: str, max_words: int = HEADLINE_MAX_WORDS) -> bool:
    """Short and not ending with a full stop: a title or a linked headline."""
    return 0 < word_count(text) <= max_words and not text.rstrip().endswith((".", ":", ";", ","))


def match_line(rules: Rules, text: str, at_top: bool) -> tuple[LineRule, re.Match[str]] | None:
    """The first line rule that covers this whole paragraph, given where it stands."""
    words = word_count(text)
    prose = is_prose(text)
    for rule in rules.lines:
        if rule.where == "top" and not at_top or rule.where == "bottom" and at_top:
            continue
        if words > rule.max_words or (prose and rule.kind not in ("related_link", "copyright")):
            continue
        found = rule.pattern.fullmatch(text)
        if found:
            return rule, found
    return None


def _strip_edge(rules: tuple[EdgeRule, ...], text: str, prefix: bool
                ) -> tuple[str, EdgeRule, re.Match[str]] | None:
    for rule in rules:
        found = rule.pattern.match(text) if prefix else rule.pattern.search(text)
        if found and found.group(0).strip():
            rest = text[found.end():] if prefix else text[: found.start()]
            return rest.strip(), rule, found
    return None


def _group(found: re.Match[str], *names: str) -> str | None:
    for name in names:
        if name in found.re.groupindex and found.group(name):
            return found.group(name).strip(" ,")
    return None


def clean_paragraphs(paragraphs: list[str], rules: Rules, *, title: str | None = None,
                     infer_title: bool = False) -> Cleaned:
    """Keep the article's paragraphs; cut and record the rest (see module docstring)."""
    out = Cleaned(title=title)
    body_started = False
    skip_follow = 0
    follow_kind = ""
    follow_rule = ""
    title_key = title.casefold() if title else None
    for index, text in enumerate(paragraphs):
        if skip_follow and is_headline_like(text, FOLLOW_MAX_WORDS):
            skip_follow -= 1
            out.removed.append(Removal(follow_kind, text, follow_rule))
            continue
        skip_follow = 0
        at_top = not body_started
        if at_top and text.casefold().strip(" :»>") in rules.section_labels:
            out.removed.append(Removal("section_label", text, "section_labels"))
            continue
        if title_key and text.casefold() == title_key:
            out.removed.append(Removal("title_repeat", text, "title"))
            continue
        hit = match_line(rules, text, at_top)
        if hit:
            rule, found = hit
            out.removed.append(Removal(rule.kind, text, rule.name))
            if rule.kind == "author" and not out.author:
                out.author = _group(found, "author")
            if rule.kind == "date" and not out.date_text:
                out.date_text = _group(found, "date")
            if rule.end:
                out.removed += [Removal("footer", rest, rule.name) for rest in paragraphs[index + 1:]]
                break
            skip_follow, follow_kind, follow_rule = rule.follow, rule.kind, rule.name
            continue
        if at_top and infer_title and out.title is None and is_headline_like(text):
            out.title = text
            title_key = text.casefold()
            continue
        body_started = True
        out.paragraphs.append(text)
    _cut_dateline(out, rules)
    _cut_signoff(out, rules)
    return out


def _cut_dateline(out: Cleaned, rules: Rules) -> None:
    """Split 'JAKARTA, KOMPAS.com -' off the first paragraph; its place and agency are metadata."""
    if not out.paragraphs:
        return
    got = _strip_edge(rules.prefixes, out.paragraphs[0], prefix=True)
    if not got or not got[0]:
        return
    rest, rule, found = got
    piece = found.group(0).strip()
    out.removed.append(Removal(rule.kind, piece, rule.name))
    out.dateline = Dateline(piece.rstrip(" -–—"), _group(found, "place", "place2"),
                            _group(found, "agency", "agency2"))
    out.paragraphs[0] = rest


def _cut_signoff(out: Cleaned, rules: Rules) -> None:
    """Cut '(kpl/pur/tch)' and the like from the end of the last paragraph, repeatedly."""
    while out.paragraphs:
        got = _strip_edge(rules.suffixes, out.paragraphs[-1], prefix=False)
        if not got:
            return
        rest, rule, found = got
        out.removed.append(Removal(rule.kind, found.group(0).strip(), rule.name))
        if rule.kind == "author" and not out.author:
            out.author = _group(found, "author")
        if rest:
            out.paragraphs[-1] = rest
        else:
            out.paragraphs.pop()
