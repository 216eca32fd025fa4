"""Text that is not quite text: BOMs, NULs, broken UTF-8, lone surrogates, out-of-range dates."""

from __future__ import annotations

import pytest
from hostile_inputs import GOOD_ID

import warta
from warta.errors import InputError
from warta.ingest.decode import decode_text

BODY = (GOOD_ID + " ") * 12  # ~1.6 KB


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-be", "utf-32", "utf-32-be"])
def test_utf16_and_utf32_with_a_bom_are_decoded(encoding: str) -> None:
    data = BODY.encode(encoding)
    if not encoding.endswith("-be"):
        assert data[:2] == b"\xff\xfe"
    else:
        data = ("\ufeff" + BODY).encode(encoding)
    assert decode_text(data).text == BODY


def test_one_nul_byte_is_dropped_with_a_warning(pipeline: warta.Pipeline) -> None:
    data = BODY.encode()
    article = pipeline.analyze(data[:800] + b"\x00" + data[800:])
    assert "\x00" not in article.text and article.body.startswith(GOOD_ID)
    assert any("NUL" in warning for warning in article.warnings)


def test_a_nul_character_in_a_record_is_dropped_with_a_warning(pipeline: warta.Pipeline) -> None:
    article = pipeline.analyze({"text": BODY[:500] + "\x00" + BODY[500:]})
    assert "\x00" not in article.text and any("NUL" in warning for warning in article.warnings)


def test_many_nul_bytes_are_still_binary() -> None:
    with pytest.raises(InputError, match="binary"):
        decode_text(b"\x00\x01\x02" * 500 + BODY.encode())


def test_invalid_utf8_is_a_warning_and_a_visible_replacement(pipeline: warta.Pipeline) -> None:
    article = pipeline.analyze(b"\xff\xfe\xc3\x28 " + BODY.encode())
    assert article.text.startswith("\ufffd\ufffd\ufffd(")  # not "яюГ(" (cp1251) nor "ÿþÃ(" (cp1252)
    assert any("not valid UTF-8" in warning for warning in article.warnings)


def test_broken_utf8_beside_real_utf8_keeps_the_real_characters() -> None:
    decoded = decode_text("Café “kata” ".encode() + b"\xe2\x80 " + BODY.encode())
    assert decoded.text.startswith("Café “kata” \ufffd ") and "not valid UTF-8" in decoded.warnings[0]


def test_undeclared_cp1252_is_still_read_and_says_so() -> None:
    decoded = decode_text(("Kafe menjual crème brûlée. " + BODY).encode("cp1252"))
    assert decoded.text.startswith("Kafe menjual crème brûlée.") and "cp1252" in decoded.warnings[0]


@pytest.mark.parametrize("record", [
    {"text": BODY + "\ud800"},
    {"text": BODY, "title": "Judul \udfff"},
    {"text": BODY, "id": "a\ud83d"},
])
def test_a_lone_surrogate_is_refused_with_a_plain_reason(pipeline: warta.Pipeline,
                                                          record: dict[str, object]) -> None:
    with pytest.raises(InputError, match=r"lone surrogate U\+D[89A-F][0-9A-F]{2} at character") as caught:
        pipeline.analyze(record)
    assert "UnicodeEncodeError" not in str(caught.value)


def test_a_lone_surrogate_in_a_stream_is_one_skip(pipeline: warta.Pipeline) -> None:
    skipped: list[str] = []
    out = list(pipeline.pipe([{"text": BODY + "\ud800"}, {"text": BODY}],
                             on_error=lambda failure: skipped.append(failure.reason)))
    assert len(out) == 1 and len(skipped) == 1 and "not valid Unicode" in skipped[0]
    assert "unexpected" not in skipped[0]


@pytest.mark.parametrize("date", ["0001-01-01", "0099-05-05", "19-09-10", "1899-12-31", "31/02/2023"])
def test_dates_are_never_reinterpreted(pipeline: warta.Pipeline, date: str) -> None:
    article = pipeline.analyze({"text": BODY, "date": date})
    assert article.date is None
    assert any(repr(date) in warning and "not understood" in warning for warning in article.warnings)


@pytest.mark.parametrize(("date", "kept"), [("2019-09-10", "2019-09-10"), ("10/09/2019", "2019-09-10")])
def test_four_digit_year_dates_are_kept_exactly(pipeline: warta.Pipeline, date: str, kept: str) -> None:
    assert pipeline.analyze({"text": BODY, "date": date}).date == kept
