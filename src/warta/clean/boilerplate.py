"""Cut news boilerplate from a list of paragraphs, recording every cut and the metadata it held.

Works on scraped text and on what trafilatura leaves behind; the patterns are per-language data
(`lang/<code>/boilerplate.toml`), this module only knows where on a page each kind may occur.
Three passes: a walk down the paragraphs (whole-line rules, a "Baca juga" heading with its list,
the headline of a raw page), then the dateline (and the furniture standing above it), then the
tail (sign-offs such as "(tia)"). Every cut is recorded as a `Removal`, in page order.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from warta.article import Dateline, Removal
from warta.clean.rules import EdgeRule, LineRule, Rules

_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200b\u202f\u205f\u3000]+")
_WORD = re.compile(r"\w+")
# Paragraphs a scraper joined with a bare comma: "... Kepulauan Riau.,Penangkapan ..." (CLICK-ID
# corpus). Prose never has ".," with no space before a capital ("Inc., All" keeps its space).
# (A comma glued to an opening quote, 'Madrid,"Semua', is left alone: sloppy prose writes that too.)
_JOINED = re.compile(r"""(?<=[.!?])(["”’]?),(?=["“‘]?[A-Z])""")
# A paragraph of prose ends like a sentence; rules for short furniture lines never fire on it.
_PROSE_END = re.compile(r"[.!?][\"”’')]*$")
PROSE_MIN_WORDS = 12  # shortest "real sentence" protected from short-line rules (seed + id-pages)
HEADLINE_MAX_WORDS = 30  # longest first line still taken as a headline (Indonesian titles run long)
FOLLOW_MAX_WORDS = 20  # headline-like lines under a "Baca juga" heading
FOLLOW_HEADING_MAX_WORDS = 3  # only a bare heading ("Baca juga:", "FOTO TERKAIT:") takes the lines below
DATELINE_SEARCH = 6  # a dateline may follow up to 5 furniture lines (kicker, caption, date, byline)
PREAMBLE_MAX_WORDS = 30  # a longer paragraph before any dateline is prose: stop looking


@dataclass
class Cleaned:
    """What cleaning keeps and what it learns from the pieces it cuts."""

    paragraphs: list[str] = field(default_factory=list)
    removed: list[Removal] = field(default_factory=list)
    title: str | None = None
    author: str | None = None
    date_text: str | None = None
    dateline: Dateline | None = None
    origins: list[int] = field(default_factory=list)  # input index of each kept paragraph
    positions: list[float] = field(default_factory=list)  # where each removed piece stood

    def cut(self, kind: str, text: str, rule: str, at: float) -> None:
        """Record a removed piece and where it stood in the input (for page order)."""
        self.removed.append(Removal(kind, text, rule))
        self.positions.append(at)

    def in_page_order(self) -> Cleaned:
        """Removed pieces sorted by where they stood, so a reader sees them as on the page."""
        order = sorted(range(len(self.removed)), key=self.positions.__getitem__)
        self.removed = [self.removed[i] for i in order]
        self.positions = [self.positions[i] for i in order]
        return self


def normalize_paragraph(text: str) -> str:
    """Collapse runs of spaces (including no-break and zero-width ones) and trim."""
    return _SPACES.sub(" ", text).strip()


def split_paragraphs(text: str) -> list[str]:
    """Non-empty lines, normalised: scraped text and trafilatura output have one paragraph a line."""
    out = []
    for line in _JOINED.sub(r"\1\n", text).splitlines():
        line = normalize_paragraph(line)
        if line:
            out.append(line)
    return out


def word_count(text: str) -> int:
    """Runs of word characters: the unit every `max_words` in the rule files counts."""
    return len(_WORD.findall(text))


def is_prose(text: str) -> bool:
    """A real sentence (12+ words ending in a full stop): only `prose = true` rules may cut it."""
    return bool(_PROSE_END.search(text)) and word_count(text) >= PROSE_MIN_WORDS


def is_headline_like(text: str, max_words: int = HEADLINE_MAX_WORDS) -> bool:
    """Short and not ending with a full stop: a title or a linked headline."""
    return 0 < word_count(text) <= max_words and not text.rstrip().endswith((".", ":", ";", ","))


def match_line(rules: Rules, text: str, where: str) -> tuple[LineRule, re.Match[str]] | None:
    """The first line rule that covers this whole paragraph, given where it stands.

    `where` is "top" (before the body), "bottom" (inside or after it) or "end" (a trailing line).
    """
    words = word_count(text)
    prose = is_prose(text)
    for rule in rules.lines:
        if rule.where != "any" and rule.where != where and not (rule.where == "bottom" and where == "end"):
            continue
        if words > rule.max_words or (prose and not rule.prose):
            continue
        found = rule.pattern.fullmatch(text)
        if found:
            return rule, found
    return None


def _strip_edge(rules: tuple[EdgeRule, ...], text: str, prefix: bool, first: bool = True
                ) -> tuple[str, EdgeRule, re.Match[str]] | None:
    """The first edge rule matching at the start (prefix) or end of a paragraph, and what is left."""
    for rule in rules:
        if rule.first and not first:
            continue
        found = rule.pattern.match(text) if prefix else rule.pattern.search(text)
        if found and found.group(0).strip():
            rest = text[found.end():] if prefix else text[: found.start()]
            return rest.strip(), rule, found
    return None


def _group(found: re.Match[str], *names: str) -> str | None:
    """The first named group that took part in the match (place/agency/author/date)."""
    for name in names:
        if name in found.re.groupindex and found.group(name):
            return found.group(name).strip(" ,")
    return None


def _note(out: Cleaned, rule: LineRule, found: re.Match[str]) -> None:
    """Keep the author or date a removed line names (the first one found wins)."""
    if rule.kind == "author" and not out.author:
        out.author = _group(found, "author")
    if rule.kind == "date" and not out.date_text:
        out.date_text = _group(found, "date")


def clean_paragraphs(paragraphs: list[str], rules: Rules, *, title: str | None = None,
                     infer_title: bool = False) -> Cleaned:
    """Keep the article's paragraphs; cut and record the rest (see module docstring)."""
    out = Cleaned(title=title)
    body_started = False
    follow: tuple[int, str, str] = (0, "", "")  # lines left, kind, rule of a "Baca juga" list
    title_key = title.casefold() if title else None
    for index, text in enumerate(paragraphs):
        if follow[0] and is_headline_like(text, FOLLOW_MAX_WORDS):
            follow = (follow[0] - 1, follow[1], follow[2])
            out.cut(follow[1], text, follow[2], index)
            if follow[1] == "author" and not out.author:  # "Oleh :" with the name on the next line
                out.author = text
            continue
        follow = (0, "", "")
        text = _cut_lead(out, rules, text, index)
        at_top = not body_started
        if at_top and text.casefold().strip(" :»>") in rules.section_labels:
            out.cut("section_label", text, "section_labels", index)
            continue
        if title_key and text.casefold() == title_key:
            out.cut("title_repeat", text, "title", index)
            continue
        hit = match_line(rules, text, "top" if at_top else "bottom")
        if hit:
            rule, found = hit
            out.cut(rule.kind, text, rule.name, index)
            _note(out, rule, found)
            if rule.end:
                for later, rest in enumerate(paragraphs[index + 1:], start=index + 1):
                    out.cut("footer", rest, rule.name, later)
                break
            if word_count(text) <= FOLLOW_HEADING_MAX_WORDS:  # a bare "Baca juga:" heads a list
                follow = (rule.follow, rule.kind, rule.name)
            continue
        if at_top and infer_title and out.title is None and is_headline_like(text):
            out.title = text
            title_key = text.casefold()
            continue
        body_started = True
        out.paragraphs.append(text)
        out.origins.append(index)
    _cut_dateline(out, rules)
    _cut_tail(out, rules)
    return out.in_page_order()


def _cut_lead(out: Cleaned, rules: Rules, text: str, index: int) -> str:
    """Cut furniture glued to the start of a paragraph ("Baca juga:,," before real text)."""
    got = _strip_edge(rules.leads, text, prefix=True)
    if not got or not got[0]:
        return text
    rest, rule, found = got
    out.cut(rule.kind, found.group(0).strip(), rule.name, index - 0.5)
    return rest


def _find_dateline(out: Cleaned, rules: Rules) -> tuple[int, str, EdgeRule, re.Match[str]] | None:
    """The first paragraph that opens with a dateline, if only short furniture stands before it."""
    for index, text in enumerate(out.paragraphs[:DATELINE_SEARCH]):
        got = _strip_edge(rules.prefixes, text, prefix=True, first=index == 0)
        # below other lines, only a dateline that opens a real paragraph counts (not a list item)
        if got and got[1].first and _opens_list(out.paragraphs, got[2].group(0).strip()):
            return None
        if got and (index == 0 or word_count(got[0]) >= PROSE_MIN_WORDS):
            return index, got[0], got[1], got[2]
        if word_count(text) > PREAMBLE_MAX_WORDS:
            return None
    return None


def _opens_list(paragraphs: list[str], mark: str) -> bool:
    """'- ' before the first two paragraphs is a list bullet, not a dateline's remnant."""
    return len(paragraphs) > 1 and paragraphs[1].startswith(mark)


def _cut_dateline(out: Cleaned, rules: Rules) -> None:
    """Split 'JAKARTA, KOMPAS.com -' off the story's first paragraph; its place and agency are metadata.

    A dateline marks where the story starts, so the short lines above it (a kicker, a photo
    caption, a byline, a repeated headline) are page furniture and go too, each with its kind.
    """
    found_at = _find_dateline(out, rules)
    if found_at is None:
        return
    index, rest, rule, found = found_at
    for text, origin in zip(out.paragraphs[:index], out.origins[:index], strict=True):
        hit = match_line(rules, text, "top")
        if hit:
            out.cut(hit[0].kind, text, hit[0].name, origin)
            _note(out, hit[0], hit[1])
        else:
            out.cut("preamble", text, "before-dateline", origin)
    del out.paragraphs[:index]
    del out.origins[:index]
    piece = found.group(0).strip()
    out.cut(rule.kind, piece, rule.name, out.origins[0] - 0.25)
    place, agency = _group(found, "place", "place2"), _group(found, "agency", "agency2")
    if place or agency:
        out.dateline = Dateline(piece.rstrip(" -–—"), place, agency)
    if rest:
        out.paragraphs[0] = rest
    else:
        out.paragraphs.pop(0)
        out.origins.pop(0)


def _cut_tail(out: Cleaned, rules: Rules) -> None:
    """Cut trailing sign-offs: whole last lines ("DINI TEJA") and endings like '(kpl/pur/tch)'."""
    while out.paragraphs:
        last = out.paragraphs[-1]
        hit = match_line(rules, last, "end")
        if hit:
            out.cut(hit[0].kind, last, hit[0].name, out.origins[-1])
            _note(out, hit[0], hit[1])
            out.paragraphs.pop()
            out.origins.pop()
            continue
        got = _strip_edge(rules.suffixes, last, prefix=False)
        if not got:
            return
        rest, rule, found = got
        out.cut(rule.kind, found.group(0).strip(), rule.name, out.origins[-1] + 0.5)
        if rule.kind == "author" and not out.author:
            out.author = _group(found, "author")
        if rest:
            out.paragraphs[-1] = rest
        else:
            out.paragraphs.pop()
            out.origins.pop()
