"""How often short Indonesian text is not coded `id`: CLICK-ID headlines and first sentences.

    .venv/bin/python bench/language_short.py    # 2,000 articles; writes bench/results/language_short.json
    .venv/bin/python bench/language_short.py --limit 500

Every CLICK-ID article is Indonesian (Kompas, Tempo, Sindonews, Okezone, Tribunnews). Its headline
and its first sentence (cut at SHORT_TEXT_CHARS; CLICK-ID joins paragraphs with ",", so a space
is put back after each) are the short texts a feed or a search result gives; each is identified
twice by the same `LanguageIdentifier`: with the short-text rule off (`short_chars=0`, as before
issue 14: lingua over every language) and on (decided among the loaded languages). The share not
coded `id` is printed for both, with the most frequent wrong codes.
"""

from __future__ import annotations

import argparse
import gzip
import json
from collections import Counter
from pathlib import Path

from warta.clean.stage import repair_text
from warta.language.detect import SHORT_TEXT_CHARS, LanguageIdentifier
from warta.language.sentences import load_abbreviations, split_sentences

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO.parent / "shared" / "data" / "corpus" / "clickid-news.jsonl.gz"
LANGUAGES = ("id", "en")


def short_texts(limit: int) -> dict[str, list[str]]:
    """Headlines and first sentences (mojibake repaired, as the clean stage does) of `limit` articles."""
    abbreviations = load_abbreviations(LANGUAGES)
    out: dict[str, list[str]] = {"headline": [], "first sentence": []}
    with gzip.open(CORPUS, "rt", encoding="utf-8") as handle:
        for line in handle:
            record = json.loads(line)
            title = " ".join(repair_text(record.get("title") or "").split())
            text = repair_text(record.get("text") or "").replace(",", ", ")
            spans = split_sentences(text, abbreviations)
            if title:
                out["headline"].append(title)
            if spans:
                out["first sentence"].append(text[spans[0].start:spans[0].end][:SHORT_TEXT_CHARS - 1])
            if len(out["headline"]) >= limit:
                break
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=2000)
    parser.add_argument("--out", type=Path, default=REPO / "bench" / "results" / "language_short.json")
    args = parser.parse_args()
    before = LanguageIdentifier(LANGUAGES, short_chars=0)
    after = LanguageIdentifier(LANGUAGES)
    results: dict[str, dict[str, object]] = {}
    for kind, texts in short_texts(args.limit).items():
        row: dict[str, object] = {"texts": len(texts)}
        for label, identifier in (("before", before), ("after", after)):
            wrong = Counter(code or "none" for code in map(identifier.identify, texts) if code != "id")
            share = sum(wrong.values()) / len(texts)
            row[label] = {"not_id": sum(wrong.values()), "share": round(share, 4),
                          "codes": dict(wrong.most_common(5))}
            print(f"{kind:15} {label:6}: {sum(wrong.values()):5} of {len(texts)} not 'id' "
                  f"({share:.1%}); most often {', '.join(f'{c} {n}' for c, n in wrong.most_common(4))}")
        results[kind] = row
    args.out.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
