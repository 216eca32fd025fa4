"""One poison line in a JSONL batch is reported with its line number and skipped; the rest is read."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest
from hostile_inputs import DEEP, GOOD_ID

from warta.article import Failure, RawDocument
from warta.errors import InputError
from warta.ingest import jsonsafe
from warta.ingest.readers import read_paths


def test_deep_and_huge_lines_are_failures_with_line_numbers(poison_jsonl: Path) -> None:
    items = list(read_paths([str(poison_jsonl)]))
    assert [type(item) for item in items] == [RawDocument, Failure, Failure, RawDocument]
    deep, huge = items[1], items[2]
    assert isinstance(deep, Failure) and isinstance(huge, Failure)
    assert deep.origin.endswith("poison.jsonl:2") and "nested more than 64 levels" in deep.reason
    assert huge.origin.endswith("poison.jsonl:3") and "5,000 digits" in huge.reason
    assert "\n" not in deep.reason + huge.reason


def test_gzipped_batch_is_read_past_the_poison(tmp_path: Path, poison_jsonl: Path) -> None:
    packed = tmp_path / "poison.jsonl.gz"
    packed.write_bytes(gzip.compress(poison_jsonl.read_bytes()))
    kinds = [type(item).__name__ for item in read_paths([str(packed)])]
    assert kinds == ["RawDocument", "Failure", "Failure", "RawDocument"]


def test_a_line_that_is_not_utf8_is_read_with_a_visible_replacement(tmp_path: Path) -> None:
    path = tmp_path / "bad.jsonl"
    good = json.dumps({"id": "x", "text": GOOD_ID}).encode()
    path.write_bytes(good.replace(b"Jakarta", b"Jak\xff\xfearta") + b"\n" + good + b"\n")
    first, second = list(read_paths([str(path)]))
    assert isinstance(first, RawDocument) and "Jak\ufffd\ufffdarta" in first.content
    assert "not valid UTF-8" in first.warnings[0]
    assert isinstance(second, RawDocument) and not second.warnings


def test_a_truncated_gzip_keeps_the_records_before_the_cut(tmp_path: Path) -> None:
    lines = "".join(json.dumps({"id": str(n), "text": GOOD_ID}) + "\n" for n in range(200))
    data = gzip.compress(lines.encode())
    path = tmp_path / "cut.jsonl.gz"
    path.write_bytes(data[: len(data) // 2])
    items = list(read_paths([str(path)]))
    assert isinstance(items[-1], Failure) and "cannot read the file past this line" in items[-1].reason
    assert all(isinstance(item, RawDocument) for item in items[:-1]) and len(items) > 1


@pytest.mark.parametrize(("text", "problem"), [
    (DEEP, "nested more than 64 levels"),
    ('{"a": ' + "1" * 5000 + "}", "5,000 digits"),
    ('{"a": 1.' + "5" * 200 + "}", "characters"),
    ('{"a": "\\', "not valid JSON"),
    ('"' + '\\"' * 50_000, "not valid JSON"),
    (b'{"a": "\xff"}', "not UTF-8"),
])
def test_bounded_json_refuses_with_one_line(text: str | bytes, problem: str) -> None:
    with pytest.raises(InputError, match=problem) as caught:
        jsonsafe.loads(text, "body")
    assert str(caught.value).startswith("body: ") and "\n" not in str(caught.value)


def test_bounded_json_reads_what_real_records_hold() -> None:
    record = {"id": 123, "text": "[[[[ brackets in a string ]]]] {{{{", "nested": [[[[[1]]]]], "f": 1.5}
    assert jsonsafe.loads(json.dumps(record)) == record
    assert jsonsafe.nesting_depth('"[[[[[[" ' * 100 + "[[1]]") == 2


def test_a_warc_cut_inside_a_record_header_is_one_failure(tmp_path: Path) -> None:
    import io

    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=True)
    for number in range(2):
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
        page = f"<html><body><p>{GOOD_ID} {number}</p></body></html>".encode()
        writer.write_record(writer.create_warc_record(f"https://a.example/{number}", "response",
                                                      payload=io.BytesIO(page), length=len(page),
                                                      http_headers=headers))
    data = buffer.getvalue()
    seen = []
    for cut in range(len(data) // 2, len(data), 7):  # every way of cutting the second record short
        path = tmp_path / "cut.warc.gz"
        path.write_bytes(data[:cut])
        items = list(read_paths([str(path)]))
        assert isinstance(items[0], RawDocument)
        for item in items[1:]:  # the cut record: reported, or whole when only its trailer was cut
            assert (isinstance(item, Failure) and "\n" not in item.reason) or (
                isinstance(item, RawDocument) and f"{GOOD_ID} 1" in item.content)
        seen.append(type(items[-1]).__name__)
    assert "Failure" in seen
