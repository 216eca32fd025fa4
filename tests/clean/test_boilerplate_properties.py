"""Cleaning never loses text silently: every character of the input is kept, is the headline, or
is in a recorded removal; kept paragraphs are pieces of input paragraphs."""

from __future__ import annotations

from collections import Counter

from hypothesis import given, settings
from hypothesis import strategies as st

from warta.clean.boilerplate import clean_paragraphs, normalize_paragraph
from warta.clean.rules import load_rules

RULES = load_rules(("id", "en"))

# Pieces that trip rules, mixed with ordinary words, so generated pages look like real furniture.
PIECES = [
    "Berita", "Baca juga:", "Baca Juga :,,", "JAKARTA, KOMPAS.com -", "Mataram (ANTARA) -", "(tia)",
    "(kpl/pur/tch)", "Foto: Antara", "Editor: Ade", "MIXADVERT JASAPRO", "ADVERTISEMENT", "-", "Home > News",
    "COPYRIGHT © ANTARA 2015", "Senin, 4 September 2023 10:15 WIB", "JagatBisnis.comHubungan", "DINI TEJA",
    "WASHINGTON (Reuters) —", "Read more:", "Editing by Jane Roe", "(Antara)", "Oleh :", "Kamis, 05/11/2015",
    "Menteri", "mengatakan", "pemerintah", "Rusia", "Korea", "Utara", "akan", "di", "dan", "kata", "dia.",
    "the", "said", "on", "Tuesday.", "\"Kami", "siap,\"", "Rp1.988", "3,5", "persen", "(15/2)", ",",
]

paragraph = st.lists(st.sampled_from(PIECES), min_size=1, max_size=25).map(" ".join)


def chars(texts: list[str]) -> Counter[str]:
    """Non-space characters: a cut may split a glued word ("JagatBisnis.comHubungan")."""
    return Counter(c for text in texts for c in text if not c.isspace())


@settings(max_examples=300, deadline=None)
@given(st.lists(paragraph, min_size=1, max_size=12), st.booleans())
def test_every_character_is_kept_or_recorded(paragraphs: list[str], infer_title: bool) -> None:
    paragraphs = [normalize_paragraph(p) for p in paragraphs if normalize_paragraph(p)]
    got = clean_paragraphs(paragraphs, RULES, infer_title=infer_title)
    accounted = got.paragraphs + [r.text for r in got.removed] + ([got.title] if got.title else [])
    assert chars(accounted) == chars(paragraphs)
    for kept in got.paragraphs:
        assert kept and any(kept in original for original in paragraphs)
    for removal in got.removed:
        assert removal.kind and removal.text and removal.rule
