"""Build the event stage's package data from ../shared/data (reproducible; rerun after editing patterns).

    .venv/bin/python scripts/build_event_lexicon.py [--shared ../shared/data]

Writes to src/warta/events/data/ (the CAMEO files) and src/warta/lang/id/ (the two Indonesian lists):
  cameo-events-1.tsv     code, root, quad_class, goldstein, name. Names come from text_to_CAMEO's
                         CAMEO labels (MIT), else GDELT's lookup; the CAMEO manual's wording
                         (CC BY-NC-SA) is not shipped; codes missing from both get our own short name.
  cameo-plover-2021.tsv  PLOVER's CAMEO2PLOVER-2021 table (CC BY-SA 4.0, attribution in the header).
  id-roots-1.txt.gz      nlp-id's Indonesian root words (MIT).
  id-lemmas-1.tsv.gz     form → root from nlp-id's lemma dictionary (MIT), only for the roots the
                         Indonesian patterns name: the full 778k-form dictionary is 6 MB and the
                         coder needs a few thousand forms; affix rules cover the rest.
"""

from __future__ import annotations

import argparse
import csv
import gzip
import json
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
OUT = REPO / "src" / "warta" / "events" / "data"
LANG_ID = REPO / "src" / "warta" / "lang" / "id"  # the Indonesian lemma and root lists
OWN_NAMES = {  # codes in CAMEO 1.1b3 only; short names in our own words
    "155": "Mobilize cyber forces",
    "176": "Cyber attack",
    "1834": "Bombing of a location",
}


def build_events(cameo: Path) -> None:
    rows = list(csv.DictReader((cameo / "cameo_eventcodes_crosswalk.csv").open(encoding="utf-8")))
    lines = ["# CAMEO event codes for warta. Built by scripts/build_event_lexicon.py.",
             "# names: openeventdata/text_to_CAMEO CAMEO_codefile.txt (MIT) or GDELT CAMEO.eventcodes.txt;",
             "# goldstein: GDELT CAMEO.goldsteinscale.txt (parent's value when GDELT lacks the code);",
             "# quad_class: GDELT convention (01-05 -> 1, 06-09 -> 2, 10-14 -> 3, 15-20 -> 4).",
             "code\troot\tquad_class\tgoldstein\tname"]
    for row in rows:
        code = row["code"]
        name = row["label_icews"] or row["label_gdelt_lookup"] or OWN_NAMES[code]
        if len(code) == 2:
            name = row["label_gdelt_lookup"].capitalize()
        lines.append("\t".join([code, code[:2], row["quad_class_gdelt"], row["goldstein_used"],
                                name.replace("\t", " ")]))
    (OUT / "cameo-events-1.tsv").write_text("\n".join(lines) + "\n", encoding="utf-8")


def build_plover(cameo: Path) -> None:
    rows = list(csv.DictReader((cameo / "cameo_to_plover.csv").open(encoding="utf-8")))
    lines = ["# CAMEO -> PLOVER, from openeventdata/PLOVER CAMEO2PLOVER-2021.txt (PLOVER manual draft 0.8,",
             "# Philip Schrodt, 2021). Licence: CC BY-SA 4.0; this file stays under that licence.",
             "# CAMEO 01 (statements) and 02 (appeals) have no PLOVER mapping in the source table.",
             "cameo_code\tplover_event\tplover_mode\tplover_context"]
    for row in rows:
        lines.append("\t".join([row["cameo_code"], row["plover_event"], row["plover_mode"],
                                row["plover_context"]]))
    (OUT / "cameo-plover-2021.tsv").write_text("\n".join(lines) + "\n", encoding="utf-8")


def pattern_lemmas() -> set[str]:
    sys.path.insert(0, str(REPO / "src"))
    from warta.events.ontology import Ontology
    from warta.events.patterns import load_patterns

    return set(load_patterns("id", Ontology.load()).lemmas)


def build_morphology(morph: Path) -> None:
    roots = sorted({w.strip() for w in (morph / "nlpid-root-words.txt").read_text(encoding="utf-8")
                    .splitlines() if w.strip()})
    with gzip.open(LANG_ID / "id-roots-1.txt.gz", "wt", encoding="utf-8", compresslevel=9) as fh:
        fh.write("\n".join(roots) + "\n")
    wanted = pattern_lemmas()
    with gzip.open(morph / "nlpid-lemma-dict.json.gz", "rt", encoding="utf-8") as fh:
        forms: dict[str, str] = json.load(fh)
    kept = sorted((form, root) for form, root in forms.items() if root in wanted and form != root)
    with gzip.open(LANG_ID / "id-lemmas-1.tsv.gz", "wt", encoding="utf-8", compresslevel=9) as fh:
        fh.write("".join(f"{form}\t{root}\n" for form, root in kept))
    print(f"id-lemmas-1: {len(kept)} forms of {len(wanted)} pattern roots; id-roots-1: {len(roots)}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=REPO.parent / "shared" / "data")
    args = parser.parse_args()
    OUT.mkdir(parents=True, exist_ok=True)
    build_events(args.shared / "cameo")
    build_plover(args.shared / "cameo")
    build_morphology(args.shared / "morphology")


if __name__ == "__main__":
    main()
