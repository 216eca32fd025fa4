"""The clean stage on hand-built raw documents: mojibake, HTML sniffing, record fields, dates."""

from __future__ import annotations

import pytest

from warta.article import Article, RawDocument
from warta.clean.stage import CleanStage, looks_like_html, repair_text
from warta.settings import Settings

BODY = ("Menteri Luar Negeri Retno Marsudi mengatakan pemerintah akan terus memantau situasi di "
        "kawasan itu dan melindungi warga negara Indonesia yang berada di sana.")


@pytest.fixture(scope="module")
def stage() -> CleanStage:
    return CleanStage(Settings())


def run(stage: CleanStage, **raw: str) -> Article:
    return stage(Article(raw=RawDocument(**raw)))


@pytest.mark.parametrize(("broken", "fixed"), [
    ("â€œKami siapâ€\x9d, kata dia.", "“Kami siap”, kata dia."),  # UTF-8 read as cp1252
    ("Harga naik 5â€“10 persen", "Harga naik 5–10 persen"),
    ("Rp\u00c2\u00a05 juta", "Rp\u00a05 juta"),  # "Â " before a no-break space
    ("caf\u00c3\u00a9 di Jakarta", "café di Jakarta"),
    ("Kecamatan¬† Tanjungpinang", "Kecamatan\u00a0 Tanjungpinang"),  # Mac Roman (CLICK-ID)
    ("‚ÄúKeduanya‚Äù kata Zulmi", "“Keduanya” kata Zulmi"),
    ("Dr Filem√≥n Alvarado", "Dr Filemón Alvarado"),
])
def test_repair_text_undoes_mojibake(broken: str, fixed: str) -> None:
    assert repair_text(broken) == fixed


@pytest.mark.parametrize("clean", ["“Kami siap,” kata dia.", "café – 5 €", "Ängström Straße", "naïve — ok"])
def test_repair_text_leaves_correct_text_alone(clean: str) -> None:
    assert repair_text(clean) == clean


def test_a_page_with_a_comment_before_its_doctype_is_html(stage: CleanStage) -> None:
    page = ("<!-- 50.245 --><!DOCTYPE html><html><head><title>Judul Berita - Kompas.com</title></head>"
            f"<body><article><h1>Judul Berita</h1><p>JAKARTA, KOMPAS.com - {BODY}</p>"
            f"<p>{BODY}</p></article></body></html>")
    assert looks_like_html(page) and not looks_like_html(BODY)
    article = run(stage, content=page, kind="text", url="https://nasional.kompas.com/read/1")
    assert "<" not in article.text and article.body.startswith("Menteri Luar Negeri")
    assert article.title == "Judul Berita" and article.source == "Kompas.com"
    assert article.dateline is not None and article.dateline.place == "JAKARTA"


def test_a_record_keeps_its_fields_as_given(stage: CleanStage) -> None:
    article = run(stage, kind="record", content=f"Judul Pendek Tanpa Titik\n{BODY}", title="Judul Resmi",
                  source="Sumber Saya", date="2023-09-04", url="https://www.kompas.com/read/2")
    assert article.title == "Judul Resmi"
    assert article.body.startswith("Judul Pendek Tanpa Titik")  # a record's text is all body
    assert article.source == "Sumber Saya" and article.date == "2023-09-04"


def test_a_record_without_title_gets_none(stage: CleanStage) -> None:
    article = run(stage, kind="record", content=f"Judul Pendek Tanpa Titik\n{BODY}")
    assert article.title is None and article.body_start == 0


def test_a_record_date_not_understood_is_left_empty_with_a_warning(stage: CleanStage) -> None:
    article = run(stage, kind="record", content=BODY, date="kemarin sore")
    assert article.date is None
    assert any("not understood" in w for w in article.warnings)


def test_scraped_text_takes_its_date_from_the_line_above_the_story(stage: CleanStage) -> None:
    text = f"Berita\nJudul Berita Hari Ini\nSenin, 4 September 2023 10:15 WIB\n{BODY}"
    article = run(stage, kind="text", content=text)
    assert article.title == "Judul Berita Hari Ini"
    assert article.date == "2023-09-04T10:15:00+07:00"
    assert article.body == BODY


def test_scraped_text_without_a_date_has_none(stage: CleanStage) -> None:
    article = run(stage, kind="text", content=f"Judul Berita\n{BODY} Pada 2023 harga naik.")
    assert article.date is None


def test_text_is_title_then_body(stage: CleanStage) -> None:
    article = run(stage, kind="text", content=f"Judul Berita\n\n{BODY}\n\n{BODY}")
    assert article.text == f"Judul Berita\n\n{BODY}\n\n{BODY}"
    assert article.text[: article.body_start] == "Judul Berita\n\n"
    assert article.raw is None
