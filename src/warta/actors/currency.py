"""Money is not an actor: "US$38m", "HK$ 2 miliar", "dolar AS", "Singapore dollars".

A country name that only says whose currency an amount is in names no one who acts; left in,
every business story would carry a USA actor. The marks and currency words are per language,
in `lang/<xx>/actors.toml` (`currency_marks`, `currency_before`, `currency_after`).
"""

from __future__ import annotations

from warta.actors.dictionary import PLACE_KINDS, Grammar
from warta.actors.matcher import Hit


def _word_before(text: str, start: int) -> str:
    words = text[max(0, start - 16):start].rsplit(maxsplit=1)
    return words[-1].lower() if words else ""


def _word_after(text: str, end: int) -> str:
    words = text[end:end + 16].split(maxsplit=1)
    return words[0].strip(".,;:)").lower() if words else ""


def is_currency(text: str, hit: Hit, grammar: Grammar) -> bool:
    """Does this country hit only name a currency? 'US$', '$US', 'dolar AS', 'Japanese yen'."""
    if hit.entry.kind not in PLACE_KINDS:
        return False
    for mark in grammar.currency_marks:
        # "US$5", "US $5" and the Australian "$US5"
        if text.startswith(mark, hit.end) or text.startswith(" " + mark, hit.end) or \
                text[max(0, hit.start - len(mark)):hit.start] == mark:
            return True
    if grammar.currency_before and _word_before(text, hit.start) in grammar.currency_before:
        return True
    return bool(grammar.currency_after) and _word_after(text, hit.end) in grammar.currency_after
