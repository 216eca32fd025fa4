"""Checks every raw document passes before analysis, whatever reader or caller made it.

A lone surrogate (U+D800–U+DFFF, from a JSON "\\ud800" escape or a str built in Python) is not
text: it cannot be encoded, hashed or stored, so the record is refused with a reason that says
so, instead of failing later as an encoding exception deep in a stage. A NUL character is
dropped (with a warning): it carries nothing and breaks the text tools downstream.
"""

from __future__ import annotations

import dataclasses
import re

from warta.article import RawDocument
from warta.errors import InputError

_SURROGATE = re.compile("[\ud800-\udfff]")
_FIELDS = ("content", "id", "url", "title", "date", "source", "lang", "crawled")


def check_raw(raw: RawDocument) -> RawDocument:
    """`raw` ready for the stages: `InputError` for a lone surrogate, NULs dropped with a warning."""
    for name in _FIELDS:
        value = getattr(raw, name)
        if value is None:
            continue
        bad = _SURROGATE.search(value)
        if bad:
            field = "text" if name == "content" else f"field {name!r}"
            raise InputError(f"{raw.origin or 'input'}: the {field} holds a lone surrogate "
                             f"U+{ord(bad.group()):04X} at character {bad.start()}, which is not "
                             "valid Unicode (a broken \\u escape or a cut UTF-16 pair)")
    nuls = raw.content.count("\x00")
    if not nuls:
        return raw
    warning = f"dropped {nuls} NUL character{'s' if nuls > 1 else ''} (U+0000) from the text"
    return dataclasses.replace(raw, content=raw.content.replace("\x00", ""),
                               warnings=(*raw.warnings, warning))
