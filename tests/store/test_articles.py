"""One mapping each way: `Article.to_dict`/`from_dict`, and rows back into the very `Article` stored."""

from __future__ import annotations

from pathlib import Path

import warta
from warta.article import Article
from warta.store import Store


def test_to_dict_and_from_dict_are_inverse(pipeline: warta.Pipeline, seed_text: str) -> None:
    article = pipeline.analyze(seed_text)
    assert any(e.reporter for e in article.events)
    assert any(e.source and e.source.country for e in article.events)
    again = Article.from_dict(article.to_dict())
    assert again == article.evolve(raw=None)


def test_a_stored_article_reads_back_as_the_output_contract(tmp_path: Path, pipeline: warta.Pipeline,
                                                            seed_text: str) -> None:
    article = pipeline.analyze(seed_text)
    with Store(tmp_path / "a.duckdb") as store:
        result = store.add_articles([article])
        stored = store.article(result.stored[0])
    assert stored is not None and stored.key == result.stored[0]
    expected = article.to_dict() | {"removed": []}  # the store keeps the clean text, not what was cut
    assert stored.article.to_dict() == expected  # reporters keep span, country, role (schema v3)
