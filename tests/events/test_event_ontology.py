"""The CAMEO ontology shipped as package data."""

from __future__ import annotations

from warta.events.ontology import Ontology


def test_every_code_carries_root_quad_goldstein_and_name() -> None:
    ontology = Ontology.load()
    assert len(ontology.roots) == 20
    assert len(ontology.types) >= 300
    for kind in ontology.types.values():
        assert kind.root == kind.code[:2]
        assert kind.quad_class in (1, 2, 3, 4)
        assert -10.0 <= kind.goldstein <= 10.0
        assert kind.name


def test_known_values_and_plover() -> None:
    ontology = Ontology.load()
    visit = ontology.get("042")
    assert (visit.name, visit.quad_class, visit.goldstein) == ("Make a visit", 1, 1.9)
    assert visit.plover == "CONSULT"
    assert ontology.get("161").plover == "SANCTION"
    assert ontology.get("163").plover == "COERCE"  # as PLOVER's 2021 table has it
    assert ontology.get("195").quad_class == 4
    assert ontology.get("010").plover is None  # PLOVER does not map CAMEO 01
