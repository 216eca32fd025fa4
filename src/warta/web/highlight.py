"""Cut an article's text into runs that the page can mark: actor mentions and event triggers.

Works on the article JSON (`Article.to_dict()` or a stored article), so pasted and stored articles
render the same way. Spans may overlap (a trigger inside an actor name, nested mentions): the text
is split at every span boundary and each run lists every span that covers it. The runs are plain
data; the template escapes them.
"""

from __future__ import annotations

import zlib
from dataclasses import dataclass
from itertools import pairwise
from typing import Any

PALETTE = 10  # CSS classes actor-c0 … actor-c9 (style.css); a code always gets the same one


@dataclass(frozen=True, slots=True)
class Run:
    """A stretch of text covered by the same actor mentions and event triggers."""

    text: str
    actors: tuple[int, ...] = ()
    events: tuple[int, ...] = ()

    @property
    def marked(self) -> bool:
        return bool(self.actors or self.events)


def colour_class(code: str) -> str:
    """A stable palette class per country (first three letters), so RUSGOV and RUSMIL match."""
    return f"actor-c{zlib.crc32(code[:3].encode()) % PALETTE}"


def _valid(start: Any, end: Any, size: int) -> bool:
    return isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= size


def split_runs(article: dict[str, Any]) -> list[Run]:
    """The article text as runs; spans outside the text are ignored rather than trusted."""
    text: str = article.get("text") or ""
    size = len(text)
    spans: list[tuple[int, int, str, int]] = []
    for index, mention in enumerate(article.get("actors") or []):
        if _valid(mention.get("start"), mention.get("end"), size):
            spans.append((mention["start"], mention["end"], "actor", index))
    for index, event in enumerate(article.get("events") or []):
        trigger = event.get("trigger") or {}
        if _valid(trigger.get("start"), trigger.get("end"), size):
            spans.append((trigger["start"], trigger["end"], "event", index))
    cuts = sorted({0, size, *(s for s, _, _, _ in spans), *(e for _, e, _, _ in spans)})
    runs: list[Run] = []
    for start, end in pairwise(cuts):
        covering = [(kind, index) for s, e, kind, index in spans if s <= start and end <= e]
        runs.append(Run(text[start:end],
                        tuple(i for kind, i in covering if kind == "actor"),
                        tuple(i for kind, i in covering if kind == "event")))
    return runs


def run_classes(run: Run, article: dict[str, Any]) -> str:
    """CSS classes of one run: actor colour and the quad class of its first event."""
    classes = []
    if run.actors:
        code = article["actors"][run.actors[-1]].get("code") or ""
        classes += ["actor", colour_class(code)]
    if run.events:
        event = article["events"][run.events[0]]
        classes += ["trigger", f"quad{event.get('quad_class') or 0}"]
        if event.get("modality") in ("hypothetical", "negated"):
            classes.append("unreal")
    return " ".join(classes)


def run_title(run: Run, article: dict[str, Any]) -> str:
    """The hover text of a run: each actor's code and name, each event's code, Goldstein, modality, rule."""
    lines = []
    for index in run.actors:
        mention = article["actors"][index]
        name = mention.get("name") or mention.get("dictionary_entry") or mention.get("text") or ""
        lines.append(f"{mention.get('code')} · {name} ({mention.get('how') or '?'})")
    for index in run.events:
        lines.append(describe_event(article["events"][index]))
    return "\n".join(lines)


def actor_label(actor: dict[str, Any] | None) -> str:
    return f"{actor.get('code')} ({actor.get('text')})" if actor else "—"


def describe_event(event: dict[str, Any]) -> str:
    """One line for an event: code and name, who to whom, Goldstein, modality, rule."""
    goldstein = event.get("goldstein")
    score = f"{goldstein:+.1f}" if isinstance(goldstein, int | float) else "?"
    return (f"{event.get('code')} {event.get('name') or ''}: {actor_label(event.get('source'))} → "
            f"{actor_label(event.get('target'))} · Goldstein {score} · {event.get('modality')} · "
            f"rule {event.get('rule') or '?'}")
