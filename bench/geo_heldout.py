"""Draw the held-out sample of resolved event locations: text no geo rule was written from.

    .venv/bin/python bench/geo_heldout.py --part 4   # writes bench/results/geo-heldout-draw-4.jsonl

The articles are CLICK-ID news (../shared/data/corpus/clickid-news.jsonl.gz) that are not in the
bundled corpus (src/warta/data/corpus, which the rules were tuned on), taken in the order of the
SHA-1 of their id, so the set is fixed without anyone choosing it; part N is the N-th 4,000 of them,
so each part is text no earlier part's judging could have shaped. At most two locations per article
count (one long story would otherwise fill the sample), and 100 are drawn with seed 13. Each draw
is made once, with the rules frozen: part 1 at commit b6b6418, part 2 at commit 4f0de5f, part 3 at
commit edfff6f, part 4 at commit f03ad93 (rules changed after part 1's errors, after parts 1-2's,
then after part 3's, so parts 1 to 3 no longer measure today's rules: they are look data). Part 4
ran out of articles at 3,750. The judged copies, with a `judgment` per row, are
bench/results/geo-heldout-N.jsonl, which bench/geo.py reads.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import random
import sys
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
NEWS = REPO / ".." / "shared" / "data" / "corpus" / "clickid-news.jsonl.gz"
BUNDLED = REPO / "src" / "warta" / "data" / "corpus" / "clickid-internasional.jsonl.gz"
FIELDS = ("id", "text", "lang", "title", "date", "url", "source")
ARTICLES = 4000  # hash-ordered articles read: about 300 resolved locations to draw from
PER_ARTICLE = 2


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--part", type=int, default=2, help="which 4,000 hash-ordered articles")
    part = parser.parse_args().part
    sys.path.insert(0, str(REPO / "src"))
    import warta

    with gzip.open(BUNDLED, "rt", encoding="utf-8") as handle:
        tuned = {json.loads(line)["id"] for line in handle}
    with gzip.open(NEWS, "rt", encoding="utf-8") as handle:
        rows = [r for r in map(json.loads, handle) if r["id"] not in tuned]
    rows.sort(key=lambda r: hashlib.sha1(r["id"].encode()).hexdigest())
    pipeline = warta.Pipeline()
    found: list[dict[str, Any]] = []
    chosen = rows[(part - 1) * ARTICLES:part * ARTICLES]
    for row in chosen:
        article = pipeline.analyze({k: v for k, v in row.items() if k in FIELDS} | {"lang": "id"})
        kept: dict[tuple[str, str], dict[str, Any]] = {}
        for event in article.events:
            loc = event.location
            if loc is None or (loc.text, loc.how) in kept or len(kept) >= PER_ARTICLE:
                continue
            kept[(loc.text, loc.how)] = {
                "set": f"clickid-news-heldout-{part}", "id": row["id"],
                "sentence": article.text[event.sentence.start:event.sentence.end][:600],
                "trigger": event.trigger.text, "code": event.code,
                "source": event.source.text if event.source else None,
                "target": event.target.text if event.target else None,
                "location": {"text": loc.text, "name": loc.name, "country": loc.country, "adm1": loc.adm1,
                             "feature": loc.feature, "how": loc.how, "lat": loc.lat, "lon": loc.lon}}
        found += kept.values()
    sample = random.Random(13).sample(found, min(100, len(found)))
    out = REPO / "bench" / "results" / f"geo-heldout-draw-{part}.jsonl"
    with out.open("w", encoding="utf-8") as handle:
        for item in sample:
            handle.write(json.dumps(item, ensure_ascii=False) + "\n")
    print(f"{len(chosen)} articles, {len(found)} locations, {len(sample)} drawn -> {out}")


if __name__ == "__main__":
    main()
