"""Where the event coder loses gold events, by kind, and what more annotated data would buy.

    .venv/bin/python bench/event_losses.py [--data ../shared/data]   # writes bench/results/event-losses.json

Training records only (id-panl-train and the look parts `warta train events` reads): no measure
part is read. Each record is analysed as training does (model off, the lexicon rows read off
id-panl-train's own triggers left out, so its sentences look like unseen text), and every
candidate gets the probability of a model fitted on the other folds. Each gold event is put in the
first kind that explains it:

- kept by a hand-written rule: a rule that fired coded it;
- no candidate in the sentence: no trigger with an actor to pair (no trigger found, no actor
  recognised, or the trigger passed over: a match report, a background clause, a complement
  whose events the rules code);
- no trigger of its root: candidates exist, none of its CAMEO root (lexicon coverage, a root
  other than the annotators');
- source country absent / target wrong or absent: a trigger of the root is there, but no
  candidate pairs the right countries (actor recognition, role reading);
- rules chose another pair: the right candidate exists on a trigger a hand-written rule claimed;
- ranked below the best two: the right pair is not among its trigger's two best;
- below the threshold: it is among the best two but scored under the shipped threshold;
- kept by the model.

The kinds are counted at the kept operating point (`events/model/operating-points.json`). The
learning curve re-runs the selection (`--select`: C and threshold on grouped folds) on a fixed
hash share of the records: if F1 does not rise with the share, more sentences annotated the same
way will not move the model; the kinds above say what would.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from collections import Counter
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

from warta.events.evaluate import lenient_match, root_ok  # noqa: E402
from warta.events.model import model_dir  # noqa: E402
from warta.events.stage import EventStage  # noqa: E402
from warta.events.train import (  # noqa: E402
    PER_TRIGGER,
    POINTS_FILE,
    Collected,
    at_point,
    collect,
    design,
    held_out_scores,
    read_point,
    score,
    select,
    triple,
)
from warta.pipeline import Pipeline  # noqa: E402

SHARES = (0.25, 0.5, 0.75, 1.0)
KINDS = ("kept by a hand-written rule", "no candidate in the sentence", "no trigger of its root",
         "source country absent", "target wrong or absent", "rules chose another pair",
         "ranked below the best two", "below the threshold", "kept by the model")


def kinds(got: Collected, scores: list[float], threshold: float,
          per_trigger: int = PER_TRIGGER) -> Counter[str]:
    """How many gold events fall in each of `KINDS` (the first that explains each)."""
    by_record: dict[int, list[tuple[float, Any]]] = {}
    for (number, cand, _label), p in zip(got.rows, scores, strict=True):
        by_record.setdefault(number, []).append((p, cand))
    out: Counter[str] = Counter()
    for number, gold in got.golds.items():
        items = by_record.get(number, [])
        for event in gold:
            out[_kind(event, items, got.exact.get(number, set()), threshold, per_trigger)] += 1
    return out


def _kind(event: Any, items: list[tuple[float, Any]], exact: set[Any], threshold: float,
          per_trigger: int) -> str:
    if any(lenient_match(event, t) for t in exact):
        return "kept by a hand-written rule"
    of_root = [(p, c) for p, c in items if root_ok(event[2], c.match.pattern.code)]
    if not items:
        return "no candidate in the sentence"
    if not of_root:
        return "no trigger of its root"
    right = [(p, c) for p, c in of_root if lenient_match(event, triple(c))]
    if not right:
        sources = {triple(c)[0] for _, c in of_root}
        return "target wrong or absent" if event[0] in sources else "source country absent"
    p, best = max(right, key=lambda item: item[0])
    if best.ruled:
        return "rules chose another pair"
    same = sorted((q for q, c in items if c.match is best.match), reverse=True)
    if same.index(p) >= per_trigger:
        return "ranked below the best two"
    return "kept by the model" if p >= threshold else "below the threshold"


def subset(got: Collected, share: float) -> Collected:
    """The records whose fixed hash falls under `share` (the same on every run)."""
    keep = {r for r in got.golds
            if int(hashlib.sha256(f"warta-curve:{r}".encode()).hexdigest()[:8], 16) < share * 16**8}
    return Collected([row for row in got.rows if row[0] in keep],
                     {r: g for r, g in got.golds.items() if r in keep},
                     {r: t for r, t in got.rules.items() if r in keep},
                     {r: t for r, t in got.exact.items() if r in keep})


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=REPO.parent / "shared" / "data")
    args = parser.parse_args()
    pipeline = Pipeline()
    stage = next(s for s in pipeline.stages if isinstance(s, EventStage))
    report: dict[str, Any] = {}
    for lang in ("id", "en"):
        got = collect(lang, args.data, pipeline.analyze, stage.coders[lang])
        _, x = design(got)
        c, threshold = read_point(Path(str(model_dir().joinpath(POINTS_FILE))), lang)
        _f05, prf = at_point(got, x, c, threshold)
        found = kinds(got, held_out_scores(got, x, c), threshold)
        total = sum(found.values())
        print(f"{lang}: {total} gold events on {len(got.golds)} training records; C={c}, threshold "
              f"{threshold:.2f}; cross-validated P/R/F1 {prf[0]:.3f}/{prf[1]:.3f}/{prf[2]:.3f}")
        for kind in KINDS:
            print(f"  {kind:<28} {found[kind]:>4}  {found[kind] / total:6.1%}")
        curve = []
        for share in SHARES:
            part = subset(got, share)
            _, xs = design(part)
            cs, ts, _, prfs = select(part, xs)
            rules = score(part.rules, part.golds)
            gold = sum(len(g) for g in part.golds.values())
            curve.append({"share": share, "records": len(part.golds), "gold_events": gold, "C": cs,
                          "threshold": ts, "cv_prf": [round(v, 3) for v in prfs],
                          "rules_alone_f1": round(rules[2], 3)})
            print(f"  learning curve {share:.2f}: {len(part.golds)} records, {gold} gold events, "
                  f"cross-validated F1 {prfs[2]:.3f} (rules alone {rules[2]:.3f})")
        report[lang] = {"gold_events": total, "C": c, "threshold": threshold,
                        "cv_prf": [round(v, 3) for v in prf],
                        "kinds": {k: found[k] for k in KINDS}, "learning_curve": curve}
    out = REPO / "bench" / "results" / "event-losses.json"
    out.write_text(json.dumps(report, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {out.relative_to(REPO)}")


if __name__ == "__main__":
    main()
