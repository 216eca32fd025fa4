"""Benchmark the sports filter: how many events match reports lose, and what political news keeps.

Run from the repository root:

    .venv/bin/python bench/sports.py [--data ../shared/data] [--articles 3000]

On text the sports word lists were not built from (`scripts/build_sports_words.py` reads the look
parts): PANL-BPPT's measure pairs, sport against international sentences, each side in its own
language; and the CLICK-ID articles of the measure half of the hash split, sports rubrics against
the rest. For each, with the filter and without it: sentences flagged as sports reports, and
events per document. Writes bench/results/sports.json.
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import warta
from warta.events.coder import sports_report
from warta.events.stage import EventStage
from warta.split import PANL_MEASURE_SHARE, select
from warta.syntax.conllu import TOKEN

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "scripts"))

from build_sports_words import clickid_in_build, is_sports_rubric  # noqa: E402


def panl(data: Path) -> Iterator[tuple[str, str, str, str]]:
    """(set, group, lang, text) of PANL's measure pairs, sport or international."""
    with gzip.open(data / "corpus" / "panl-bppt-en-id.jsonl.gz", "rt", encoding="utf-8") as fh:
        for record in select((json.loads(line) for line in fh), "measure", PANL_MEASURE_SHARE):
            group = record.get("category")
            if group in ("sport", "international"):
                yield "panl", group, "id", record.get("text") or ""
                yield "panl", group, "en", record.get("text_en") or ""


def clickid(data: Path, articles: int) -> Iterator[tuple[str, str, str, str]]:
    """(set, group, lang, text) of CLICK-ID's measure-half articles, sports rubrics or not."""
    seen = 0
    with gzip.open(data / "corpus" / "clickid-news.jsonl.gz", "rt", encoding="utf-8") as fh:
        for line in fh:
            record = json.loads(line)
            if clickid_in_build(record) or not record.get("text"):
                continue
            group = "sport" if is_sports_rubric(record.get("category") or "") else "other"
            yield "clickid", group, "id", record["text"]
            seen += 1
            if seen >= articles:
                return


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=REPO.parent / "shared" / "data")
    parser.add_argument("--articles", type=int, default=3000, help="CLICK-ID articles to read")
    args = parser.parse_args(argv)
    pipeline = warta.Pipeline()
    coders = next(s for s in pipeline.stages if isinstance(s, EventStage)).coders
    lists = {lang: coder.sports for lang, coder in coders.items()}
    docs = list(panl(args.data)) + list(clickid(args.data, args.articles))
    results: dict[str, Any] = {"command": "python bench/sports.py " + " ".join(argv or sys.argv[1:])}
    for setting in ("without", "with"):
        for lang, coder in coders.items():
            coder.sports = lists[lang] if setting == "with" else frozenset()
        tally: dict[str, dict[str, float]] = {}
        for name, group, lang, text in docs:
            article = pipeline.analyze({"text": text, "lang": lang})
            key = f"{name}/{group}" + (f"/{lang}" if name == "panl" else "")
            row = tally.setdefault(key, {"documents": 0, "events": 0, "sentences": 0, "flagged": 0})
            row["documents"] += 1
            row["events"] += len(article.events)
            row["sentences"] += len(article.sentences)
            words = lists.get(lang, frozenset())
            row["flagged"] += sum(1 for s in article.sentences if sports_report(
                (w.lower() for w in TOKEN.findall(article.text, s.start, s.end)), words))
        results[setting] = tally
    for key in results["with"]:
        before, after = results["without"][key], results["with"][key]
        print(f"{key:24} {after['documents']:6.0f} documents  sentences flagged "
              f"{after['flagged'] / max(after['sentences'], 1):6.1%}  events per document "
              f"{before['events'] / before['documents']:.3f} -> {after['events'] / after['documents']:.3f}")
    out = REPO / "bench" / "results" / "sports.json"
    out.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
