"""Bytes of unknown encoding to text: BOM, declared charset, then UTF-8, then detection.

What cannot be read exactly is said, never hidden: a few NUL bytes are dropped and a few bytes
that are not UTF-8 become a visible U+FFFD, each with a warning, rather than the whole text
being refused as binary or silently read in an encoding it is not in (Cyrillic, for UTF-8 with
one bad byte, is what detection alone picks).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from charset_normalizer import from_bytes

from warta.errors import InputError

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9_\-]+)""", re.I)
# Control bytes that never occur in text files; a handful is tolerated (stray form feeds).
_BINARY_BYTES = re.compile(rb"[\x00-\x08\x0e-\x1a\x1c-\x1f]")
_HIGH_BYTES = re.compile(rb"[\x80-\xff]")

# Byte order marks, longest first (the UTF-32 LE mark starts with the UTF-16 LE one).
BOMS = ((b"\xff\xfe\x00\x00", "utf-32"), (b"\x00\x00\xfe\xff", "utf-32"),
        (b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16"))
MAX_NUL_BYTES = 8  # more than this (or more than 1 byte in 100) is a binary file, not a stray NUL

# News pages without a declaration are mostly Western or one of these; without the list,
# charset-normalizer prefers cp1250 and turns "crème" into "crčme".
LIKELY_ENCODINGS = ["cp1252", "latin_1", "iso8859_15", "utf_16", "utf_32", "gb18030", "big5",
                    "shift_jis", "euc_jp", "euc_kr", "koi8_r", "cp1251"]
WESTERN = frozenset({"cp1252", "latin_1", "iso8859_15", "ascii"})
# A text in a non-Latin single-byte encoding (cp1251 Russian) is mostly high bytes; one that is
# mostly ASCII with a few bad bytes is damaged UTF-8, whatever detection says.
MIN_HIGH_SHARE = 0.3


@dataclass(frozen=True, slots=True)
class Decoded:
    text: str
    warnings: tuple[str, ...] = ()


def looks_binary(data: bytes) -> bool:
    """True for images, archives, executables: NUL bytes or many control bytes in the head."""
    head = data[:8192]
    if head.count(b"\x00") > _nul_allowance(head):
        return True
    return len(_BINARY_BYTES.findall(head)) > max(8, len(head) // 100)


def _nul_allowance(data: bytes) -> int:
    return min(MAX_NUL_BYTES, len(data) // 100)


def decode_bytes(data: bytes, origin: str = "input") -> str:
    """Decode a page or text file, raising `InputError` for empty, binary or undecodable input."""
    return decode_text(data, origin).text


def decode_text(data: bytes, origin: str = "input") -> Decoded:
    """The text and what could not be read exactly; `InputError` for empty or binary input."""
    if not data.strip():
        raise InputError(f"{origin}: empty input")
    from_bom = _by_bom(data)
    if from_bom is not None:
        return Decoded(from_bom)
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    warnings: list[str] = []
    nuls = data.count(b"\x00")
    if looks_binary(data) or nuls > _nul_allowance(data):
        raise InputError(f"{origin}: binary data, not a news page or text")
    if nuls:
        data = data.replace(b"\x00", b"")
        warnings.append(f"dropped {nuls} NUL byte{'s' if nuls > 1 else ''} (U+0000) from the text")
    declared = _META_CHARSET.search(data[:4096])
    candidates = ["utf-8"]
    if declared:
        candidates.insert(0, declared.group(1).decode("ascii", "replace").lower())
    for encoding in candidates:
        try:
            return Decoded(data.decode(encoding), tuple(warnings))
        except (UnicodeDecodeError, LookupError):
            continue
    text, problem = _undeclared(data, origin)
    return Decoded(text, (*warnings, *problem))


def _by_bom(data: bytes) -> str | None:
    """UTF-16/32 text announced by its BOM; None when there is none or it does not hold."""
    for mark, encoding in BOMS:
        if not data.startswith(mark) or encoding == "utf-8-sig":
            continue
        # "\xff\xfe" also starts damaged UTF-8; real UTF-16 text has a NUL in most spaces and
        # ASCII letters, real UTF-32 in every character.
        if data.count(b"\x00") < len(data) // 20:
            return None
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            return None
    return None


def _undeclared(data: bytes, origin: str) -> tuple[str, tuple[str, ...]]:
    """Not UTF-8: a Western or non-Latin page by detection, else UTF-8 with visible damage."""
    damaged = data.decode("utf-8", errors="replace")
    high_share = len(_HIGH_BYTES.findall(data)) / max(1, len(data.strip()))
    if not any(ord(c) > 127 and c != "\ufffd" for c in damaged):  # no valid UTF-8 sequence at all
        best = from_bytes(data, cp_isolation=LIKELY_ENCODINGS).best()
        encoding = best.encoding if best is not None else None
        if encoding is not None and best is not None and (
                (encoding in WESTERN and plausible_western(str(best)))
                or (encoding not in WESTERN and high_share >= MIN_HIGH_SHARE)):
            return str(best), (f"the bytes are not UTF-8 and name no charset; read as {encoding} "
                               "(detected)",)
        if encoding is None and high_share >= MIN_HIGH_SHARE:
            raise InputError(f"{origin}: cannot decode the bytes as text in any known encoding")
    bad = damaged.count("\ufffd") - data.decode("utf-8", errors="ignore").count("\ufffd")
    return damaged, (f"the text is not valid UTF-8: {bad} byte sequence{'s' if bad > 1 else ''} "
                     "could not be read and show as U+FFFD (\ufffd)",)


_WORD = re.compile(r"[^\W\d_]+")


def plausible_western(text: str) -> bool:
    """True unless a word is made only of accented letters ("ÿþÃ": broken UTF-8, not French).

    In Western text every accented letter sits in a word with plain ones ("crème", "naïve").
    """
    return not any(len(word) > 1 and not any(c.isascii() for c in word)
                   for word in _WORD.findall(text))
