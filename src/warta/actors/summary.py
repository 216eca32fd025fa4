"""A per-article summary of who is in the news: one row per actor code, with mention counts."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import asdict, dataclass
from typing import Any

from warta.article import ActorMention, Article


@dataclass(frozen=True, slots=True)
class ActorCount:
    """One actor of an article: its code, how often it is mentioned, and the names used."""

    code: str
    country: str | None
    role: str | None
    kind: str
    mentions: int
    first: int  # offset of the first mention in `Article.text`
    texts: tuple[str, ...]  # distinct surface forms, in order of appearance
    names: tuple[str, ...]  # people named
    label: str | None = None

    def to_dict(self) -> dict[str, Any]:
        out = asdict(self)
        out["texts"] = list(self.texts)
        out["names"] = list(self.names)
        return out


def summarize_actors(actors: Article | Iterable[ActorMention],
                     labels: Mapping[str, str] | None = None) -> tuple[ActorCount, ...]:
    """Actors by mention count (places left out: they are locations, not actors).

    A plural anaphor ("keduanya") counts once for each actor it names. `labels` maps a code or
    country code to a readable name (`ActorStage.labels`).
    """
    mentions = actors.actors if isinstance(actors, Article) else tuple(actors)
    rows: dict[str, dict[str, Any]] = {}
    for mention in mentions:
        if mention.kind == "place":
            continue
        row = rows.setdefault(mention.code, {"mention": mention, "count": 0, "first": mention.start,
                                             "texts": [], "names": []})
        row["count"] += 1
        if mention.how != "coref" and mention.text not in row["texts"]:
            row["texts"].append(mention.text)
        if mention.name and mention.name not in row["names"]:
            row["names"].append(mention.name)
    out = []
    for code, row in rows.items():
        first: ActorMention = row["mention"]
        label = None
        if labels:
            label = labels.get(code) or (labels.get(first.country) if first.country else None)
        out.append(ActorCount(code, first.country, first.role, first.kind, row["count"], row["first"],
                              tuple(row["texts"]), tuple(row["names"]), label))
    out.sort(key=lambda r: (-r.mentions, r.first))
    return tuple(out)
