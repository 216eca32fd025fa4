"""Build `lang/<code>/sports_words.txt`: the words that say a sentence is about sport.

    .venv/bin/python scripts/build_sports_words.py [--data ../shared/data]

"Persija menjamu Persib", "Chelsea beat Liverpool", "Timnas Indonesia ditahan imbang Thailand":
a match reads like an interaction between actors (cities, countries, their teams) and CAMEO has
no code for it, so an event coder that does not know sport codes hosting, attacks and defeats.
Both corpora staged for warta label their documents by section: PANL-BPPT's sentence pairs as
sport / economy / science / international (both languages), CLICK-ID's Indonesian articles by
their site's rubric (bola, Sports/…, Bola/Liga …). A word is a sports word of a language when it
occurs in at least MIN_DOCS sports documents and at least SHARE of the documents it occurs in are
sports ones. Only PANL's look part is read (its measure part stays for the benches), and only
the CLICK-ID articles outside the hash share `bench/sports.py` measures on. Names are never
sports words, however often sport uses them: a word of a country, people or place name in the
actor dictionaries, a place of the gazetteer with at least MIN_PLACE_POPULATION people, or a
given name of a Phoenix person, when the language writes it capitalised ("Spanish police in
Madrid", "Fernando" are no match report; "striker", "laga", "klasemen", "win" are). Deterministic.
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import sys
from collections import Counter
from collections.abc import Iterable, Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from warta.split import MEASURE_SHARE, PANL_MEASURE_SHARE, part_of, select  # noqa: E402

MIN_DOCS = 25
MIN_PLACE_POPULATION = 100_000  # smaller places share their names with words ("Cup", "Goal")
SHARE = 0.8
MIN_LENGTH = 3
SPORTS_RUBRICS = ("bola", "sport", "olahraga", "motogp", "tinju", "f1 ", "netting", "motosport")
_WORD = re.compile(r"(?<![\w-])[^\W\d_]+(?:-[^\W\d_]+)*(?![\w-])")


def is_sports_rubric(category: str) -> bool:
    low = category.lower()
    return any(word in low for word in SPORTS_RUBRICS) and not low.startswith(("otomotif", "autotekno"))


def clickid_in_build(record: dict[str, str]) -> bool:
    """The CLICK-ID articles this script may read: the look part of the hash split."""
    return part_of(str(record.get("id") or ""), MEASURE_SHARE) == "look"


def documents(data: Path) -> Iterator[tuple[str, bool, str]]:
    """(language, is sport, text) of every document the lists are built from."""
    with gzip.open(data / "corpus" / "panl-bppt-en-id.jsonl.gz", "rt", encoding="utf-8") as fh:
        for record in select((json.loads(line) for line in fh), "look", PANL_MEASURE_SHARE):
            sport = record.get("category") == "sport"
            yield "id", sport, record.get("text") or ""
            yield "en", sport, record.get("text_en") or ""
    with gzip.open(data / "corpus" / "clickid-news.jsonl.gz", "rt", encoding="utf-8") as fh:
        for line in fh:
            record = json.loads(line)
            if clickid_in_build(record):
                yield "id", is_sports_rubric(record.get("category") or ""), record.get("text") or ""


def names() -> frozenset[str]:
    """Lower-cased words of the names that are no sports words (see the module docstring)."""
    from warta.geo.gazetteer import load_gazetteer

    out: set[str] = set()
    for path in sorted((ROOT / "src" / "warta" / "lang").glob("*/actors*.tsv")):
        for line in path.read_text(encoding="utf-8").splitlines():
            cells = line.split("\t")
            if not line.startswith("#") and len(cells) >= 3 and cells[2] in ("country", "seat", "place"):
                out.update(_WORD.findall(cells[0].lower()))
    gazetteer = load_gazetteer()
    for index in range(len(gazetteer)):
        place = gazetteer.place(index)
        if place.population >= MIN_PLACE_POPULATION:
            out.update(_WORD.findall(place.name.lower()))
    people = ROOT / "src" / "warta" / "actors" / "data" / "people.tsv"
    for line in people.read_text(encoding="utf-8").splitlines():
        cells = line.split("\t")
        if not line.startswith("#") and len(cells) == 3 and cells[2] == "person":
            out.update(_WORD.findall(cells[0].replace('"', " ").lower())[:-1])  # all but the surname
    return frozenset(out)


def sports_words(docs: Iterable[tuple[str, bool, str]],
                 excluded: frozenset[str] = frozenset()) -> dict[str, list[tuple[str, int, float]]]:
    """Per language, (word, sports documents, share of its documents that are sports); no word of
    `excluded` that the language writes capitalised most of the time (a name in use: "Madrid",
    not "win", which a Burmese given name shares)."""
    sport: dict[str, Counter[str]] = {}
    every: dict[str, Counter[str]] = {}
    capital: dict[str, Counter[str]] = {}
    seen: dict[str, Counter[str]] = {}
    for lang, is_sport, text in docs:
        found = _WORD.findall(text)
        seen.setdefault(lang, Counter()).update(w.lower() for w in found)
        capital.setdefault(lang, Counter()).update(w.lower() for w in found if w[:1].isupper())
        words = {w.lower() for w in found if len(w) >= MIN_LENGTH}
        every.setdefault(lang, Counter()).update(words)
        if is_sport:
            sport.setdefault(lang, Counter()).update(words)
    out: dict[str, list[tuple[str, int, float]]] = {}
    for lang, counts in sorted(every.items()):
        kept = [(w, sport[lang][w], sport[lang][w] / n) for w, n in counts.items()
                if sport[lang][w] >= MIN_DOCS and sport[lang][w] / n >= SHARE
                and not (w in excluded and capital[lang][w] * 2 >= seen[lang][w])]
        out[lang] = sorted(kept)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    args = parser.parse_args()
    for lang, rows in sports_words(documents(args.data), names()).items():
        path = ROOT / "src" / "warta" / "lang" / lang / "sports_words.txt"
        header = (f"# generated by scripts/build_sports_words.py (do not edit): words in at least\n"
                  f"# {MIN_DOCS} sports documents, at least {SHARE:.0%} of the documents they occur in\n"
                  "# sports ones (PANL-BPPT look part; CLICK-ID look part for Indonesian); no name\n"
                  f"# (actor dictionaries, places of {MIN_PLACE_POPULATION:,}+, Phoenix given names).\n"
                  "# word  # sports documents, share\n")
        lines = "".join(f"{w}  # {n} {share:.2f}\n" for w, n, share in rows)
        path.write_text(header + lines, encoding="utf-8")
        print(f"wrote {path.relative_to(ROOT)}: {len(rows)} words")


if __name__ == "__main__":
    main()
