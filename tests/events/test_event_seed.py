"""The seed article (../shared/seed/expected.md section 3): events E1-E11 through the full pipeline."""

from __future__ import annotations

import pytest

import warta
from warta.article import Article, Event

COUNTED = ("asserted", "reported")


@pytest.fixture(scope="module")
def seed(pipeline: warta.Pipeline, seed_text: str) -> Article:
    return pipeline.analyze(seed_text)


def find(article: Article, sources: set[str], targets: set[str] | None, roots: set[str],
         modalities: tuple[str, ...] = COUNTED, trigger: str = "") -> list[Event]:
    """Events with a source in `sources`, a target in `targets` (None: any, '' allowed), a root
    in `roots`, one of `modalities`, and `trigger` inside the trigger text."""
    return [e for e in article.events
            if e.source and e.source.code in sources
            and (targets is None or (e.target.code if e.target else "") in targets)
            and e.root in roots and e.modality in modalities and trigger in e.trigger.text]


def test_pipeline_runs_the_event_stage(pipeline: warta.Pipeline) -> None:
    names = pipeline.stage_names
    assert names.index("events") == names.index("actors") + 1


def test_e1_us_pessimistic_about_russia_and_north_korea(seed: Article) -> None:
    found = find(seed, {"USA", "USAGOV"}, {"RUS", "PRK", "RUSGOV", "PRKGOV"}, {"01"})
    assert {e.target.code[:3] for e in found if e.target} >= {"RUS", "PRK"}
    assert any(e.code == "012" for e in found)


def test_e2_shoigu_visit_is_reported(seed: Article) -> None:
    [event] = find(seed, {"RUSMIL", "RUSGOV"}, {"PRK", "PRKGOV"}, {"04"}, trigger="mengunjungi")
    assert (event.code, event.modality) == ("042", "reported")


def test_e3_appeal_to_sell_ammunition(seed: Article) -> None:
    [event] = find(seed, {"RUS", "RUSMIL", "RUSGOV"}, {"PRK", "PRKGOV"}, {"02"}, trigger="meyakinkan")
    assert event.code == "0232" and event.modality == "reported"
    assert "amunisi" in event.trigger.text


def test_e4_both_leaders_promise_cooperation_both_ways(seed: Article) -> None:
    found = find(seed, {"RUSGOV", "PRKGOV"}, {"RUSGOV", "PRKGOV"}, {"03"}, ("asserted",), "berjanji")
    assert {(e.source.code, e.target.code) for e in found if e.source and e.target} == {
        ("RUSGOV", "PRKGOV"), ("PRKGOV", "RUSGOV")}


def test_e5_officials_travel_per_us_intelligence(seed: Article) -> None:
    [event] = find(seed, {"RUSGOV"}, {"PRK", "PRKGOV"}, {"04"}, trigger="perjalanan")
    assert event.modality == "reported" and event.reporter is not None
    assert event.reporter.code == "USASPY"


def test_e6_us_sanctions_with_empty_target(seed: Article) -> None:
    [event] = find(seed, {"USA"}, None, {"16"})
    assert (event.code, event.modality, event.target) == ("163", "asserted", None)


def test_e7_rockets_sent_reported_by_kirby(seed: Article) -> None:
    [event] = find(seed, {"PRK", "PRKGOV"}, {"RUS", "RUSGOV"}, {"07"}, trigger="mengirimkan")
    assert event.code == "072" and event.modality == "reported"
    assert event.reporter is not None and event.reporter.code == "USAGOV"


def test_e8_moscow_seeks_ammunition(seed: Article) -> None:
    [event] = find(seed, {"RUS", "RUSGOV"}, {"PRK", "PRKGOV"}, {"02"}, trigger="memperoleh")
    assert event.modality == "reported"


def test_e9_military_support_is_hypothetical_never_asserted(seed: Article) -> None:
    support = [e for e in seed.events if "dukungan militer" in e.trigger.text]
    assert support, "E9 must be coded (as hypothetical)"
    assert all(e.modality == "hypothetical" for e in support)
    assert {(e.source.code if e.source else "", e.target.code if e.target else "") for e in support} == {
        ("PRK", "RUSMIL")}


def test_e10_four_governments_state_to_russia_and_north_korea(seed: Article) -> None:
    found = find(seed, {"USA", "JPN", "KOR", "GBR"}, {"RUS", "PRK"}, {"01", "11"})
    assert {(e.source.code, e.target.code) for e in found if e.source and e.target} == {
        (s, t) for s in ("USA", "JPN", "KOR", "GBR") for t in ("RUS", "PRK")}


def test_e11_four_governments_appeal_to_north_korea(seed: Article) -> None:
    found = find(seed, {"USA", "JPN", "KOR", "GBR"}, {"PRK"}, {"02", "10"}, trigger="mengimbau")
    assert {e.source.code for e in found if e.source} == {"USA", "JPN", "KOR", "GBR"}


def test_nothing_from_baca_juga_lines(seed: Article) -> None:
    assert "Baca Juga" not in seed.text
    for event in seed.events:
        sentence = seed.text[event.sentence.start:event.sentence.end]
        assert not any(s in sentence for s in ("Habisi Ukraina", "Cadangan Emas", "Masa Isolasi"))


def test_every_event_carries_its_evidence(seed: Article) -> None:
    for event in seed.events:
        assert seed.text[event.trigger.start:event.trigger.end] == event.trigger.text
        assert event.sentence.start <= event.trigger.start < event.trigger.end <= event.sentence.end
        for actor in (event.source, event.target, event.reporter):
            if actor is not None:
                assert seed.text[actor.start:actor.end] == actor.text
        # what fired: a hand-written pattern, a lexicon row, or the model with its score
        assert event.rule.startswith(("id-events-1:", "id-triggers-induced-1:", "events-id-1:")), event.rule
        if event.rule.startswith("events-id-1:"):
            assert event.rule.rsplit(":p=", 1)[1] == f"{event.confidence:.2f}"
        assert event.modality in ("asserted", "reported", "hypothetical", "negated")


def test_hypothetical_us_warning_embedded_aid(seed: Article) -> None:
    """'Korea Utara dapat memberikan lebih banyak senjata kepada Rusia': also defensible, never asserted."""
    more = [e for e in seed.events if "lebih banyak senjata" in e.trigger.text]
    assert more and all(e.modality == "hypothetical" for e in more)
