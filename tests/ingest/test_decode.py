"""Bytes of unknown encoding become text: declared charset, UTF-8, then detection; junk is refused."""

from __future__ import annotations

import pytest

import warta
from warta.errors import InputError
from warta.ingest.decode import decode_bytes, looks_binary

BODY = ("Menteri Luar Negeri Retno Marsudi mengatakan pemerintah akan terus memantau situasi di "
        "kawasan itu dan melindungi warga negara Indonesia yang berada di sana.")
ACCENTED = "“Kami siap,” kata Menteri. Kafe di Bogor menjual crème brûlée seharga Rp 50.000 – murah."


def test_utf8_and_bom() -> None:
    assert decode_bytes(ACCENTED.encode("utf-8")) == ACCENTED
    assert decode_bytes(b"\xef\xbb\xbf" + ACCENTED.encode("utf-8")) == ACCENTED


def test_cp1252_page_declared_in_a_meta_tag() -> None:
    page = f'<html><head><meta charset="windows-1252"></head><body><p>{ACCENTED}</p></body></html>'
    assert decode_bytes(page.encode("cp1252")) == page


def test_undeclared_cp1252_text_is_detected() -> None:
    text = (ACCENTED + " " + BODY + " ") * 3  # no declaration, not valid UTF-8
    data = text.encode("cp1252")
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")
    assert decode_bytes(data) == text


def test_undeclared_latin1_text_is_detected() -> None:
    text = ("Café, crème brûlée, naïve façade. " + BODY + " ") * 3
    assert decode_bytes(text.encode("latin-1")) == text


def test_a_wrong_charset_declaration_falls_back() -> None:
    page = f'<html><head><meta charset="no-such-charset"></head><body><p>{ACCENTED}</p></body></html>'
    assert decode_bytes(page.encode("utf-8")) == page


@pytest.mark.parametrize("data", [b"", b"   \n\t "])
def test_empty_input_is_refused(data: bytes) -> None:
    with pytest.raises(InputError, match="empty"):
        decode_bytes(data, "page.html")


def test_binary_input_is_refused() -> None:
    png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4
    assert looks_binary(png)
    with pytest.raises(InputError, match="binary"):
        decode_bytes(png, "photo.png")


def test_analyze_cleans_a_cp1252_page_end_to_end(pipeline: warta.Pipeline) -> None:
    page = ("<html><head><meta charset='windows-1252'><title>Kafe Bogor – Kompas.com</title></head><body>"
            f"<article><h1>Kafe Bogor</h1><p>BOGOR, KOMPAS.com - {ACCENTED} {BODY}</p><p>{BODY}</p>"
            "</article></body></html>")
    article = pipeline.analyze(page.encode("cp1252"), url="https://regional.kompas.com/read/1")
    assert article.body.startswith(ACCENTED)
    assert article.title == "Kafe Bogor"
    assert article.dateline is not None and article.dateline.place == "BOGOR"
