"""Build `actors/data/surnames.tsv`: people news names by surname alone, from the Phoenix list.

    .venv/bin/python scripts/build_surnames.py [--data ../shared/data]

A wire sentence names a politician once in full and then by surname ("Rice", "Khalilzad",
"Tsvangirai"); a sentence read alone (PANL, a quote, a headline) often has only the surname. The
Phoenix people list (`actors/data/people.tsv`, MIT, built by build_actor_dictionaries.py) knows
the full names; this script keeps the surnames that say one country:

- the last word of a person's name (a particle, "Jr", initials and words under four letters are
  not surnames), alphabetic;
- every Phoenix person with that surname has the same country (two countries: dropped);
- never a given or middle name of another Phoenix person ("Mahmoud", "Jose"), never a name
  the dictionaries already hold ("Jordan" the country), never a word of an agent or place
  name (a group's name may hold any word: the International Rice Research Institute), and
  never a people or religion (GDELT's CAMEO.ethnic/religion lookups:
  "Kurd" is a Pakistani's surname in Phoenix, and Turkey's Kurds are not Pakistan);
- per language, not a common word: a surname that the language's corpus writes in lower case
  (PANL-BPPT's English or Indonesian side, look part only, and CLICK-ID for Indonesian) is marked
  with that language and is not read there ("Rice" stays a name in Indonesian, not in English).

Writes name, codes (the person's, when one person has the surname; else the country), kind,
the languages where the word is common, and one full name it stands for. Deterministic.
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from warta.split import PANL_MEASURE_SHARE, select  # noqa: E402

DATA = ROOT / "src" / "warta" / "actors" / "data"
OUT = DATA / "surnames.tsv"
MIN_LENGTH = 4
COMMON = 2  # lower-case occurrences that make a word common in a language
NOT_SURNAMES = {"JR", "SR", "II", "III", "IV"}
_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
_LOWER = re.compile(r"(?<![\w-])[a-z]+(?:-[a-z]+)*(?![\w-])")


def people(path: Path) -> list[tuple[list[str], str]]:
    """(name words, codes) of every Phoenix person."""
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        cells = line.split("\t")
        if line.startswith("#") or len(cells) != 3 or cells[2] != "person":
            continue
        out.append((cells[0].replace('"', " ").replace(".", " ").split(), cells[1]))
    return out


def known_names(data: Path) -> tuple[set[str], set[str]]:
    """Every name the other dictionaries hold, and every word of an agent or a place name, of a
    people or a religion, upper-cased."""
    names: set[str] = set()
    words: set[str] = set()
    for table in ("CAMEO.ethnic.txt", "CAMEO.religion.txt"):
        lines = (data / "cameo" / "gdelt_lookups" / table).read_text(encoding="utf-8").splitlines()[1:]
        for line in lines:
            for word in _WORD.findall(line.partition("\t")[2].upper()):
                words.update({word, word.removesuffix("S"), word.removesuffix("ES")})
    files = [DATA / "people.tsv", DATA / "people_curated.tsv",
             *sorted((ROOT / "src" / "warta" / "lang").glob("*/actors*.tsv"))]
    files += sorted((ROOT / "src" / "warta" / "lang").glob("*/agents*.tsv"))
    for path in files:
        for line in path.read_text(encoding="utf-8").splitlines():
            if line and not line.startswith("#"):
                cells = line.split("\t")
                name = cells[0].strip().upper()
                names.add(name)
                if len(cells) < 3 or cells[2] in ("country", "seat", "place") or "agents" in path.name:
                    words.update(_WORD.findall(name))
    return names, words


def lower_counts(data: Path) -> dict[str, Counter[str]]:
    """Lower-case word counts per language, from text no evaluation reads."""
    counts: dict[str, Counter[str]] = {"en": Counter(), "id": Counter()}
    with gzip.open(data / "corpus" / "panl-bppt-en-id.jsonl.gz", "rt", encoding="utf-8") as fh:
        for record in select((json.loads(line) for line in fh), "look", PANL_MEASURE_SHARE):
            counts["id"].update(_LOWER.findall(record.get("text") or ""))
            counts["en"].update(_LOWER.findall(record.get("text_en") or ""))
    with gzip.open(data / "corpus" / "clickid-news.jsonl.gz", "rt", encoding="utf-8") as fh:
        for line in fh:
            counts["id"].update(_LOWER.findall(json.loads(line).get("text") or ""))
    return counts


def undated(codes: str) -> str:
    """Codes with an undated fallback: an undated article is read as current, and a surname whose
    every period has ended (Solana at NATO until 1999) still says whose side it is on."""
    options = [c.strip() for c in codes.split("|")]
    if any(len(o.split()) == 1 for o in options):
        return codes
    latest = max(options, key=lambda o: o.split()[1])
    return f"{codes} | {latest.split()[0]}"


def build(data: Path) -> list[str]:
    persons = people(DATA / "people.tsv")
    particles = set((DATA / "name_particles.txt").read_text(encoding="utf-8").upper().split())
    given: set[str] = set()
    by_surname: dict[str, set[str]] = defaultdict(set)
    full: dict[str, set[str]] = defaultdict(set)
    for words, codes in persons:
        words = [w for w in words if w not in NOT_SURNAMES]
        if len(words) < 2:
            continue
        given.update(words[:-1])
        last = words[-1]
        if len(last) >= MIN_LENGTH and _WORD.fullmatch(last) and last not in particles:
            by_surname[last].add(codes)
            full[last].add(" ".join(words))
    taken, other_words = known_names(data)
    counts = lower_counts(data)
    rows = []
    for surname in sorted(by_surname):
        codes = by_surname[surname]
        countries = {c.strip().split()[0][:3] for option in codes for c in option.split("|") if c.strip()}
        if len(countries) != 1 or surname in given or surname in taken or surname in other_words:
            continue
        name = surname.title()
        common = ",".join(lang for lang in sorted(counts) if counts[lang][name.lower()] >= COMMON) or "-"
        code = next(iter(codes)) if len(codes) == 1 else next(iter(countries))
        rows.append(f"{name}\t{undated(code)}\tperson\t{common}\t{sorted(full[surname])[0].title()}")
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    args = parser.parse_args()
    rows = build(args.data)
    header = ("# generated by scripts/build_surnames.py from actors/data/people.tsv (Phoenix, MIT); "
              "do not edit.\n# surname\tcodes\tkind\tcommon word in (languages, '-' none)\tfull names\n")
    OUT.write_text(header + "\n".join(rows) + "\n", encoding="utf-8")
    print(f"wrote {OUT.relative_to(ROOT)}: {len(rows)} surnames")


if __name__ == "__main__":
    main()
