"""Tidy page metadata: titles without site names, authors without company noise, source names.

The noise lists and the outlet names are data (`lang/<code>/metadata.toml`); this module only
knows how titles are put together ("Headline - Site", "Site: Headline", "Headline | Site").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import urlsplit

from warta.errors import DataFileError
from warta.lang import language_dir
from warta.lang.datafile import DataFile

# Separators between a headline and the site name or rubric; ": " only counts for a site name.
_TITLE_SEPARATOR = re.compile(r"\s+[-–—|:•·»]\s+|\s*[|•·»]\s*|\s*::\s*|:\s+")
_SECTION_SEPARATOR = re.compile(r"\s+[-–—|»]\s+|\s*[|»]\s*")
_NON_ALNUM = re.compile(r"[^a-z0-9]+")
_DOMAIN = re.compile(r"(?:[\w-]+\.)+(?:com|co\.id|co|id|net|org|info|news)(?:\.[a-z]{2})?", re.I)
_TLD = re.compile(r"\.(?:com|co\.id|co|id|net|org|go\.id|info|news)\b.*$")
SITE_SEGMENT_MAX_WORDS = 4  # "Kompas.com Regional", "Republika Online", "Okezone News"
HEADLINE_MIN_CHARS = 10  # never cut a title down to less than this
SITE_KEY_MIN_CHARS = 5  # shorter site keys ("bbc") could sit inside a person's name
SITENAME_MAX_WORDS = 5  # a longer "site name" is a headline trafilatura picked up, not a name


@dataclass(frozen=True)
class MetadataRules:
    """Author noise, author labels, and outlet names by web host, from every language's file."""

    author_drop: tuple[re.Pattern[str], ...]
    author_strip: tuple[re.Pattern[str], ...]
    author_label: re.Pattern[str]
    sources: dict[str, str]
    versions: tuple[str, ...] = ()  # each metadata.toml's version


def _compile_all(patterns: list[str], where: str) -> list[re.Pattern[str]]:
    out = []
    for raw in patterns:
        try:
            out.append(re.compile(raw, re.IGNORECASE))
        except re.error as exc:
            raise DataFileError(where, None, f"bad pattern {raw!r}: {exc}") from None
    return out


def load_metadata_rules(languages: tuple[str, ...]) -> MetadataRules:
    """Merge each language's `metadata.toml`."""
    drops: list[re.Pattern[str]] = []
    strips: list[re.Pattern[str]] = []
    labels: list[str] = []
    sources: dict[str, str] = {}
    versions: list[str] = []
    for code in languages:
        path = language_dir(code).joinpath("metadata.toml")
        if not path.is_file():
            continue
        where = f"warta/lang/{code}/metadata.toml"
        toml = DataFile.read(path, where)
        drops += _compile_all(list(toml.optional_strings(toml.data, "author_drop")), where)
        strips += _compile_all(list(toml.optional_strings(toml.data, "author_strip")), where)
        labels += toml.optional_strings(toml.data, "author_labels")
        sources.update({k.casefold(): v for k, v in toml.mapping(toml.data, "sources", str).items()})
        versions += [toml.version] if toml.version else []
    label = re.compile(r"^(?:" + "|".join(map(re.escape, labels or ["by"])) + r")\s*:?\s+", re.I)
    return MetadataRules(tuple(drops), tuple(strips), label, sources, tuple(versions))


def site_key(name: str | None) -> str:
    """'KOMPAS.com', 'www.kompas.com' and 'Kompas' all give 'kompas'."""
    if not name:
        return ""
    name = name.casefold().removeprefix("www.")
    return _NON_ALNUM.sub("", _TLD.sub("", name))


def host_of(url: str | None) -> str | None:
    """The web host of a URL without 'www.'."""
    if not url:
        return None
    try:
        host = urlsplit(url if "//" in url else "//" + url).hostname
    except ValueError:  # "http://[x": an unclosed IPv6 bracket; a URL is metadata, not worth the record
        return None
    return host.removeprefix("www.") if host else None


def _is_site_segment(segment: str, keys: set[str]) -> bool:
    """A title piece that names the site: 'Kompas.com Regional', 'ANTARA News', 'merdeka.com'."""
    segment = segment.strip()
    if not segment or len(segment.split()) > SITE_SEGMENT_MAX_WORDS:
        return False
    if _DOMAIN.fullmatch(segment):
        return True
    flat = _NON_ALNUM.sub("", segment.casefold())
    return any(key in flat for key in keys)


def _is_headline(text: str, keys: set[str]) -> bool:
    """What is left after a cut must still read as a headline, not as another site name."""
    return len(text) >= HEADLINE_MIN_CHARS and not _is_site_segment(text, keys)


def _strip_once(title: str, keys: set[str], labels: frozenset[str]) -> str | None:
    """The title with one site segment (or one leading rubric) cut, or None when there is none."""
    marks = list(_TITLE_SEPARATOR.finditer(title))
    if marks:
        last, first = marks[-1], marks[0]
        head, tail = title[: last.start()], title[last.end():]
        if _is_headline(head, keys) and _is_site_segment(tail, keys):
            return head
        head, tail = title[: first.start()], title[first.end():]
        if _is_headline(tail, keys) and _is_site_segment(head, keys):
            return tail
    section = _SECTION_SEPARATOR.search(title)
    if section and title[: section.start()].casefold() in labels \
            and len(title) - section.end() >= HEADLINE_MIN_CHARS:
        return title[section.end():]
    return None


def clean_title(title: str | None, *site_names: str | None,
                section_labels: frozenset[str] = frozenset()) -> str | None:
    """Drop segments that name the site (' - Kompas.com', 'KapanLagi.com: ') or a rubric ('Musik - ')."""
    if not title:
        return None
    title = " ".join(title.split())
    keys = {k for k in (site_key(n) for n in site_names) if len(k) >= 3}
    for _ in range(4):
        shorter = _strip_once(title, keys, section_labels)
        if shorter is None:
            break
        title = shorter.strip()
    return title or None


def clean_author(author: str | None, rules: MetadataRules, *site_names: str | None) -> str | None:
    """A person's name, or None when the field names a company, a desk or the site itself."""
    if not author:
        return None
    keys = {k for k in (site_key(n) for n in site_names) if len(k) >= SITE_KEY_MIN_CHARS}
    names = []
    for part in re.split(r"\s*[;|]\s*", author):
        part = rules.author_label.sub("", part.strip())
        for strip in rules.author_strip:
            part = strip.sub("", part)
        part = part.strip(" ,-")
        if not part or any(p.fullmatch(part) for p in rules.author_drop):
            continue
        flat = _NON_ALNUM.sub("", part.casefold())
        if any(key in flat or flat in key for key in keys):  # "Business Insider" on its own site
            continue
        names.append(part)
    return "; ".join(names) or None


def plausible_sitename(name: str | None) -> str | None:
    """The page's site name, unless it is a URL, a host with sub-domains, or a whole headline."""
    if not name or not name.strip():
        return None
    name = " ".join(name.split())
    if "/" in name or "::" in name or len(name.split()) > SITENAME_MAX_WORDS:
        return None
    if _DOMAIN.fullmatch(name) and name.count(".") > 1 and not name.lower().endswith(".co.id"):
        return None  # "lifestyle.okezone.com": a section host, not the outlet's name
    return name


def known_source(host: str | None, rules: MetadataRules) -> str | None:
    """The outlet's usual name for a web host or any of its sub-domains ('dunia.news.viva.co.id')."""
    if not host:
        return None
    host = host.casefold()
    while host:
        if host in rules.sources:
            return rules.sources[host]
        _, _, host = host.partition(".")
    return None


def source_name(sitename: str | None, url: str | None, agency: str | None,
                rules: MetadataRules) -> str | None:
    """The outlet: a known host first, then the page's site name, the dateline's agency, the host."""
    host = host_of(url)
    return known_source(host, rules) or plausible_sitename(sitename) or agency or host
