"""Tidy page metadata: titles without site names, authors without company noise, source names."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from urllib.parse import urlsplit

from warta.errors import DataFileError
from warta.lang import language_dir

_TITLE_SEPARATORS = re.compile(r"\s+[-–—|:•·»]\s+|\s*[|•·»]\s*|:\s+")
_NON_ALNUM = re.compile(r"[^a-z0-9]+")


@dataclass(frozen=True)
class MetadataRules:
    author_drop: tuple[re.Pattern[str], ...]
    author_label: re.Pattern[str]


def load_metadata_rules(languages: tuple[str, ...]) -> MetadataRules:
    drops: list[re.Pattern[str]] = []
    labels: list[str] = []
    for code in languages:
        path = language_dir(code).joinpath("metadata.toml")
        if not path.is_file():
            continue
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        for raw in data.get("author_drop", []):
            try:
                drops.append(re.compile(raw, re.IGNORECASE))
            except re.error as exc:
                raise DataFileError(f"warta/lang/{code}/metadata.toml", None,
                                    f"bad pattern {raw!r}: {exc}") from None
        labels += data.get("author_labels", [])
    label = re.compile(r"^(?:" + "|".join(map(re.escape, labels or ["by"])) + r")\s*:?\s+", re.I)
    return MetadataRules(tuple(drops), label)


def site_key(name: str | None) -> str:
    """'KOMPAS.com', 'www.kompas.com' and 'Kompas' all give 'kompas'."""
    if not name:
        return ""
    name = name.casefold().removeprefix("www.")
    name = re.sub(r"\.(?:com|co\.id|co|id|net|org|go\.id)\b.*$", "", name)
    return _NON_ALNUM.sub("", name)


def host_of(url: str | None) -> str | None:
    if not url:
        return None
    host = urlsplit(url if "//" in url else "//" + url).hostname
    return host.removeprefix("www.") if host else None


def clean_title(title: str | None, *site_names: str | None) -> str | None:
    """Drop leading or trailing segments that name the site (' - Kompas.com', 'KapanLagi.com: ')."""
    if not title:
        return None
    title = " ".join(title.split())
    keys = {k for k in (site_key(n) for n in site_names) if len(k) >= 3}
    if not keys:
        return title
    for _ in range(3):
        changed = False
        for found in _TITLE_SEPARATORS.finditer(title):
            head, tail = title[: found.start()], title[found.end():]
            if any(k in _NON_ALNUM.sub("", tail.casefold()) for k in keys) and len(head) > 10:
                title, changed = head.strip(), True
                break
            if any(k in _NON_ALNUM.sub("", head.casefold()) for k in keys) and len(tail) > 10 \
                    and len(head) < 40:
                title, changed = tail.strip(), True
                break
        if not changed:
            break
    return title


def clean_author(author: str | None, rules: MetadataRules) -> str | None:
    """A person's name, or None when the field names a company, a desk or a site."""
    if not author:
        return None
    names = []
    for part in re.split(r"\s*[;|]\s*", author):
        part = rules.author_label.sub("", part.strip()).strip(" ,-")
        if part and not any(p.fullmatch(part) for p in rules.author_drop):
            names.append(part)
    return "; ".join(names) or None


def source_name(sitename: str | None, url: str | None, agency: str | None) -> str | None:
    """The outlet: page metadata first, then the dateline's agency, then the URL's host."""
    for name in (sitename, agency):
        if name and name.strip():
            return name.strip()
    return host_of(url)
