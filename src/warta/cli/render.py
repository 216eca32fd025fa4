"""`--format pretty`: the clean text, its metadata, the events and where they happened, and every
piece cleaning removed and why."""

from __future__ import annotations

import re

from rich.console import Console, Group
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from warta.article import Article

# Characters a terminal acts on instead of showing: C0 and C1 controls (ESC starts colour,
# cursor and title sequences), DEL, and the bidirectional overrides that reorder what is shown.
# Newlines and tabs are layout and stay.
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def shown(text: str) -> str:
    """`text` safe to print on a terminal: each control character written as its escape ("\\x1b")."""
    return _CONTROL.sub(_escape, text)


def _escape(found: re.Match[str]) -> str:
    code = ord(found.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def article_view(article: Article) -> Panel:
    """One panel: metadata table, the clean text (headline bold), the removed pieces struck through."""
    meta = Table.grid(padding=(0, 2))
    meta.add_column(style="bold cyan")
    meta.add_column()
    dateline = article.dateline.text if article.dateline else None
    for key, value in (("title", article.title), ("source", article.source), ("date", article.date),
                       ("author", article.author), ("lang", article.lang), ("dateline", dateline),
                       ("url", article.url), ("id", article.id)):
        meta.add_row(key, shown(value) if value else "—")
    body = Text(shown(article.text))
    if article.body_start:
        body.stylize("bold", 0, len(shown(article.text[:article.body_start])))
    removed = Text()
    for piece in article.removed:
        removed.append(f"{piece.kind:>14}  ", style="yellow")
        removed.append(shown(piece.text), style="strike dim red")
        removed.append("\n")
    parts: list[Table | Text] = [meta, Text(""), body]
    if article.events:
        parts += [Text("\nevents", style="bold green"), events_view(article)]
    if article.removed:
        parts += [Text("\nremoved", style="bold yellow"), removed]
    for warning in article.warnings:
        parts.append(Text(f"warning: {shown(warning)}", style="magenta"))
    return Panel(Group(*parts), title=shown(article.title or article.id), title_align="left")


def events_view(article: Article) -> Text:
    """One line per event: code, who, trigger, whom, and where (the place and how it was found)."""
    lines = Text()
    for event in article.events:
        source = event.source.text if event.source else "—"
        target = event.target.text if event.target else "—"
        lines.append(f"{event.code:>5}  ", style="green")
        lines.append(f"{source} «{event.trigger.text}» {target}  ({event.modality})")
        where = event.location
        if where is not None:
            place = ", ".join(part for part in (where.name, where.country) if part)
            lines.append(f"  @ {place} [{where.how}: {where.text!r}]", style="cyan")
        lines.append("\n")
    return lines


def print_article(article: Article, console: Console | None = None) -> None:
    (console or Console()).print(article_view(article))


def print_table(articles: list[Article], console: Console | None = None) -> None:
    """One row per article: what it is and how much each stage found."""
    table = Table(title=f"{len(articles)} articles", show_lines=False)
    for name in ("id", "lang", "source", "date", "title", "sentences", "removed", "actors", "events"):
        numeric = name in ("sentences", "removed", "actors", "events")
        table.add_column(name, justify="right" if numeric else "left", overflow="fold",
                         max_width=48 if name == "title" else None)
    for article in articles:
        table.add_row(shown(article.id[:22]), shown(article.lang or "—"), shown(article.source or "—"),
                      shown(article.date or "—"), shown(article.title or "—"), str(len(article.sentences)),
                      str(len(article.removed)), str(len(article.actors)), str(len(article.events)))
    (console or Console()).print(table)
