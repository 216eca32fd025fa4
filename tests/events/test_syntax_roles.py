"""Roles read off the dependency parse: reported speech, passive agents, modifiers, intent."""

from __future__ import annotations

import warta
from warta.article import Article


def _triples(article: Article) -> set[tuple[str, str, str, str]]:
    return {(e.source.code[:3] if e.source else "", e.target.code[:3] if e.target else "", e.root,
             e.modality) for e in article.events}


def _analyze(pipeline: warta.Pipeline, text: str, lang: str) -> Article:
    return pipeline.analyze({"text": text, "lang": lang})


def test_the_clause_a_speaker_reports_has_its_own_source(pipeline: warta.Pipeline) -> None:
    """'X mengatakan Y telah V': Y is the source, X only the reporter."""
    article = _analyze(pipeline, "Juru bicara Gedung Putih John Kirby mengatakan Korea Utara telah "
                                 "mengirimkan roket dan rudal ke Rusia.", "id")
    sent = [e for e in article.events if e.root == "07"]
    assert [(e.source.code[:3] if e.source else None, e.target.code[:3] if e.target else None)
            for e in sent] == [("PRK", "RUS")]
    assert sent[0].modality == "reported"
    assert sent[0].reporter is not None and sent[0].reporter.code.startswith("USA")


def test_a_passive_takes_its_agent_as_source(pipeline: warta.Pipeline) -> None:
    article = _analyze(pipeline, "Tiga nelayan Vietnam ditangkap oleh aparat keamanan Malaysia.", "id")
    assert ("MYS", "VNM", "17", "asserted") in _triples(article)
    article = _analyze(pipeline, "Three Vietnamese fishermen were arrested by Malaysian police.", "en")
    assert ("MYS", "VNM", "17", "asserted") in _triples(article)


def test_a_participle_before_a_noun_is_no_event(pipeline: warta.Pipeline) -> None:
    article = _analyze(pipeline, "The ship carried sanctioned goods to Iran.", "en")
    assert not [e for e in article.events if e.root == "16"]


def test_a_background_noun_after_despite_is_no_event(pipeline: warta.Pipeline) -> None:
    article = _analyze(pipeline, "Russia shelled Kharkiv despite an existing ceasefire with Ukraine.", "en")
    assert {e.root for e in article.events} == {"19"}


def test_an_expressed_intent_is_asserted(pipeline: warta.Pipeline) -> None:
    """CAMEO codes a pledge or an intent as the event itself (roots 03 and 13), not as a guess."""
    pledged = _analyze(pipeline, "Presiden Joko Widodo akan menjanjikan bantuan kepada Palestina.", "id")
    assert ("IDN", "PSE", "03", "asserted") in _triples(pledged)
    sought = _analyze(pipeline, "Indonesia dan Australia berupaya memperkokoh kerja sama pertahanan.", "id")
    assert ("IDN", "AUS", "03", "asserted") in _triples(sought)
    guessed = _analyze(pipeline, "Korea Utara mungkin sedang mempertimbangkan memberikan dukungan "
                                 "militer kepada Rusia.", "id")
    assert all(e.modality == "hypothetical" for e in guessed.events if e.root == "07")
