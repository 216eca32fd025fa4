"""The pipeline: stage order, requirement checks, spans into one text, streaming with quarantine."""

from __future__ import annotations

import pytest

import warta
from warta.article import Article, Failure, RawDocument
from warta.errors import InputError, PipelineError
from warta.pipeline import Pipeline, build_stages, check_stages
from warta.settings import Settings


def test_stage_order_is_the_explicit_list(pipeline: Pipeline) -> None:
    names = pipeline.stage_names
    assert names[:3] == ["clean", "language", "sentences"]
    assert names == [s.name for s in build_stages(Settings())]


def test_a_stage_missing_its_input_is_named_at_build_time() -> None:
    stages = build_stages(Settings())
    with pytest.raises(PipelineError, match="'sentences' needs text"):
        check_stages([stages[2]])


def test_clean_stage_drops_raw_input(pipeline: Pipeline, seed_text: str) -> None:
    article = pipeline.analyze(seed_text)
    assert article.raw is None
    assert "raw" not in article.to_dict()


def test_every_sentence_is_a_span_of_the_text(pipeline: Pipeline, seed_text: str) -> None:
    article = pipeline.analyze(seed_text)
    assert article.text.startswith(article.title or "?")
    first = article.sentences[0]
    assert article.text[first.start:first.end] == article.title
    for sentence in article.sentences:
        piece = article.text[sentence.start:sentence.end]
        assert piece == piece.strip() and piece
    assert article.body.startswith("Hubungan antara Rusia dan Korea Utara")


def test_sentences_keep_abbreviations_and_numbers(pipeline: Pipeline) -> None:
    text = ("Dr. Retno Marsudi tiba di Jl. Pejambon No. 6 pukul 10.00 WIB. "
            "Cadangan emas senilai Rp1.988 triliun naik 3,5 persen. "
            "\"Kami siap,\" kata Jenderal A.S. Hikam. Ia lalu pergi.")
    article = pipeline.analyze({"text": text, "title": "Judul"})
    got = [article.text[s.start:s.end] for s in article.sentences[1:]]
    assert got == [
        "Dr. Retno Marsudi tiba di Jl. Pejambon No. 6 pukul 10.00 WIB.",
        "Cadangan emas senilai Rp1.988 triliun naik 3,5 persen.",
        "\"Kami siap,\" kata Jenderal A.S. Hikam.",
        "Ia lalu pergi.",
    ]


def test_english_sentences(pipeline: Pipeline) -> None:
    text = ("Sen. Mitch McConnell met Mr. Kim in the U.S. capital on Monday. "
            "\"We will talk,\" he said. Talks begin at 9 a.m. tomorrow.")
    article = pipeline.analyze({"text": text, "lang": "en"})
    assert [article.text[s.start:s.end] for s in article.sentences] == [
        "Sen. Mitch McConnell met Mr. Kim in the U.S. capital on Monday.",
        "\"We will talk,\" he said.",
        "Talks begin at 9 a.m. tomorrow.",
    ]


@pytest.mark.parametrize(("text", "lang"), [
    ("Presiden Joko Widodo mengatakan pemerintah akan menambah anggaran pertahanan tahun depan.", "id"),
    ("The foreign minister said the government would expand its defence budget next year.", "en"),
    ("Le ministre des affaires étrangères a déclaré que le gouvernement augmenterait son budget.", "fr"),
    ("Der Außenminister sagte, die Regierung werde den Verteidigungshaushalt im nächsten Jahr erhöhen.",
     "de"),
    ("Perdana Menteri Malaysia berkata kerajaan akan meningkatkan peruntukan pertahanan tahun hadapan.",
     "ms"),
])
def test_language_is_identified(pipeline: Pipeline, text: str, lang: str) -> None:
    assert pipeline.analyze(text).lang == lang


def test_given_language_and_date_win(pipeline: Pipeline, seed_text: str) -> None:
    article = warta.analyze(seed_text, date="2023-09-04", lang="id", pipeline=pipeline)
    assert article.date == "2023-09-04" and article.lang == "id"


def test_id_is_the_record_id_else_a_stable_hash(pipeline: Pipeline, seed_text: str) -> None:
    assert pipeline.analyze({"id": "r-1", "text": seed_text}).id == "r-1"
    one = pipeline.analyze(seed_text, url="https://example.com/a")
    two = pipeline.analyze(seed_text, url="https://example.com/a")
    other = pipeline.analyze(seed_text, url="https://example.com/b")
    assert one.id == two.id != other.id


def test_pipe_streams_and_quarantines(pipeline: Pipeline, seed_text: str) -> None:
    failures: list[Failure] = []
    items: list[RawDocument | Failure | dict[str, object] | str] = [
        seed_text, {"title": "no body"}, Failure("f.jsonl:3", "f.jsonl:3: not valid JSON"),
        {"id": "ok2", "text": "Rusia mengecam Amerika Serikat."},
    ]
    got = list(pipeline.pipe(items, on_error=failures.append))
    assert [a.id for a in got][1] == "ok2" and len(got) == 2
    assert [f.origin for f in failures] == ["record 2", "f.jsonl:3"]


def test_pipe_without_handler_raises(pipeline: Pipeline) -> None:
    with pytest.raises(InputError):
        list(pipeline.pipe([{"text": ""}]))


def test_article_layers_are_frozen(pipeline: Pipeline, seed_text: str) -> None:
    article: Article = pipeline.analyze(seed_text)
    with pytest.raises(AttributeError):
        article.text = "changed"  # type: ignore[misc]
