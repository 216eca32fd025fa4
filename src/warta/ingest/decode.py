"""Bytes of unknown encoding to text: declared charset, then UTF-8, then detection."""

from __future__ import annotations

import re

from charset_normalizer import from_bytes

from warta.errors import InputError

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9_\-]+)""", re.I)
# Control bytes that never occur in text files; a handful is tolerated (stray form feeds).
_BINARY_BYTES = re.compile(rb"[\x00-\x08\x0e-\x1a\x1c-\x1f]")


# News pages without a declaration are mostly Western or one of these; without the list,
# charset-normalizer prefers cp1250 and turns "crème" into "crčme".
LIKELY_ENCODINGS = ["cp1252", "latin_1", "iso8859_15", "utf_16", "utf_32", "gb18030", "big5",
                    "shift_jis", "euc_jp", "euc_kr", "koi8_r", "cp1251"]


def looks_binary(data: bytes) -> bool:
    """True for images, archives, executables: NUL bytes or many control bytes in the head."""
    head = data[:8192]
    if b"\x00" in head:
        return True
    return len(_BINARY_BYTES.findall(head)) > max(8, len(head) // 100)


def decode_bytes(data: bytes, origin: str = "input") -> str:
    """Decode a page or text file, raising `InputError` for empty, binary or undecodable input."""
    if not data.strip():
        raise InputError(f"{origin}: empty input")
    if looks_binary(data):
        raise InputError(f"{origin}: binary data, not a news page or text")
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    declared = _META_CHARSET.search(data[:4096])
    candidates = ["utf-8"]
    if declared:
        candidates.insert(0, declared.group(1).decode("ascii", "replace").lower())
    for encoding in candidates:
        try:
            return data.decode(encoding)
        except (UnicodeDecodeError, LookupError):
            continue
    best = from_bytes(data, cp_isolation=LIKELY_ENCODINGS).best()
    if best is None or best.encoding is None:
        raise InputError(f"{origin}: cannot decode the bytes as text in any known encoding")
    return str(best)
