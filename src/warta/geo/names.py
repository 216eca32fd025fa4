"""One spelling of a place name for lookups, shared by the gazetteer build and the run time.

The build script and the resolver must fold a name the same way, or a shipped alias would never
be found again: case, diacritics ("Bogotá"), apostrophes and hyphens ("Guinea-Bissau") do not
distinguish places in news text.
"""

from __future__ import annotations

import re
import unicodedata

_SEPARATORS = re.compile(r"[\s\-‐‑–—_/.,']+")


def normalize(name: str) -> str:
    """Casefolded, without diacritics, separators as one space ("Côte-d'Ivoire" → "cote d ivoire")."""
    decomposed = unicodedata.normalize("NFKD", name)
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(_SEPARATORS.sub(" ", plain.casefold()).split())


def is_latin(name: str) -> bool:
    """True when every letter is Latin script: other scripts never occur in warta's languages."""
    return all(unicodedata.name(ch, "").startswith("LATIN") for ch in name if ch.isalpha())
