"""The shipped NER model on real Indonesian news sentences, offsets, and odd input."""

from __future__ import annotations

import gc
from pathlib import Path

import pytest

from warta.actors.ner import NerTagger, tokenize
from warta.errors import DataFileError

# From the seed article (shared/seed/000_cc0b5cec338f7a65.txt).
SEED = (
    "Surat-surat komunikasi antara Presiden Rusia Vladimir Putin dan pemimpin Korea Utara Kim Jong Un "
    "juga telah terungkap, di mana keduanya berjanji untuk meningkatkan kerja sama bilateral mereka.\n\n"
    "Juru bicara keamanan nasional Gedung Putih, John Kirby, mengungkapkan hal ini dalam "
    "konferensi pers yang diselenggarakan di Washington.\n\n"
    "Menteri Pertahanan Rusia, Sergei Shoigu, dilaporkan telah mencoba mengunjungi Korea Utara "
    "untuk meyakinkan pihak Pyongyang agar menjual amunisi artileri ke Rusia. Meskipun Misi Korea "
    "Utara dan Rusia untuk PBB di New York belum memberikan tanggapan resmi terkait situasi ini.\n\n"
    "Dalam konteks ini, Amerika Serikat, Jepang, Korea Selatan, dan Inggris telah menyampaikan "
    "pernyataan di PBB, menyatakan bahwa setiap kesepakatan senjata antara Rusia dan Korea Utara "
    "akan melanggar resolusi Dewan Keamanan PBB."
)


@pytest.fixture(scope="module")
def tagger() -> NerTagger:
    return NerTagger()


def found(tagger: NerTagger, text: str) -> dict[str, str]:
    return {text[s:e]: kind for s, e, kind in tagger.entities(text)}


def test_people_in_the_seed_are_per(tagger: NerTagger) -> None:
    entities = found(tagger, SEED)
    assert entities.get("John Kirby") == "PER"
    assert entities.get("Kim Jong Un") == "PER"
    assert entities.get("Vladimir Putin") == "PER"
    # Without the seed's comma: "Rusia, Sergei Shoigu," reads like a list of places to this model
    # (a known weakness, see the NER README section); the dictionary knows Shoigu.
    sentence = "Menteri Pertahanan Rusia Sergei Shoigu dilaporkan telah mencoba mengunjungi Korea Utara."
    assert found(tagger, sentence).get("Sergei Shoigu") == "PER"


def test_places_and_bodies_in_the_seed(tagger: NerTagger) -> None:
    entities = found(tagger, SEED)
    assert entities.get("PBB") in ("ORG", "LOC")
    for place in ("Washington", "New York", "Korea Utara", "Rusia", "Amerika Serikat", "Korea Selatan"):
        assert entities.get(place) == "LOC", place
    assert "mengungkapkan" not in entities and "dilaporkan" not in entities


def test_title_case_headline_is_read_like_lower_case(tagger: NerTagger) -> None:
    headline = "Rusia Ingin Habisi Ukraina dalam 3 Hari, tapi Kenyataannya..."
    assert found(tagger, headline) == {"Rusia": "LOC", "Ukraina": "LOC"}


def test_offsets_point_into_the_given_text(tagger: NerTagger) -> None:
    for start, end, kind in tagger.entities(SEED):
        assert kind in ("PER", "ORG", "LOC")
        assert SEED[start:end] == SEED[start:end].strip() and SEED[start:end]
    # A sub-span: offsets still index the whole text, and nothing outside the span is returned.
    begin = SEED.index("Juru")
    stop = SEED.index(" mengungkapkan")
    spans = tagger.entities(SEED, begin, stop)
    assert ("John Kirby", "PER") in [(SEED[s:e], k) for s, e, k in spans]
    assert all(begin <= s < e <= stop for s, e, _ in spans)


def test_tag_gives_one_bio_tag_per_token(tagger: NerTagger) -> None:
    tokens = ["Presiden", "Joko", "Widodo", "bertemu", "Kim", "Jong", "Un", "di", "Jakarta", "."]
    tags = tagger.tag(tokens)
    assert len(tags) == len(tokens)
    assert tags[1:3] == ["B-PER", "I-PER"]
    assert tags[8] == "B-LOC"
    assert all(t == "O" or t[:2] in ("B-", "I-") for t in tags)


def test_lowercased_text_still_finds_names(tagger: NerTagger) -> None:
    tags = tagger.tag(["presiden", "joko", "widodo", "berkunjung", "ke", "jakarta", "hari", "ini", "."])
    assert "B-PER" in tags and "B-LOC" in tags


def test_tokenize_keeps_offsets_and_splits_hyphens() -> None:
    text = "Hubungan Rusia-Korut, kata AS-nya (Rp1.988)."
    tokens, starts, ends = tokenize(text)
    assert [text[s:e] for s, e in zip(starts, ends, strict=True)] == tokens
    assert tokens[:4] == ["Hubungan", "Rusia", "-", "Korut"]
    assert "Rp1.988" in tokens


@pytest.mark.parametrize("text", [
    "",
    "   \n\n  ",
    "x" * 1_000_000,
    "Jakarta " * 20_000,
    "MENTERI PERTAHANAN RUSIA SERGEI SHOIGU TIBA DI PYONGYANG PADA SELASA.",
    "tanpaspasisamasekalidanJohnKirbydiWashington",
    "😀 ¬† “kutipan” — \u200b\u00a0 ٣٤ 北京",
])
def test_odd_text_does_not_crash(tagger: NerTagger, text: str) -> None:
    for start, end, _ in tagger.entities(text):
        assert 0 <= start < end <= len(text)


def test_odd_tokens_do_not_crash(tagger: NerTagger) -> None:
    assert tagger.tag([]) == []
    assert len(tagger.tag(["", " ", "\t", "a b", "x" * 100_000])) == 5


def test_model_outlives_garbage_collection() -> None:
    # CRFsuite reads the model from a buffer it does not copy; losing it used to segfault.
    tagger = NerTagger()
    gc.collect()
    assert tagger.tag(["Kata", "John", "Kirby", "kemarin"])[1:3] == ["B-PER", "I-PER"]


def test_missing_model_is_a_data_file_error(tmp_path: Path) -> None:
    with pytest.raises(DataFileError, match="warta train ner"):
        NerTagger(tmp_path / "absent.crfsuite")
