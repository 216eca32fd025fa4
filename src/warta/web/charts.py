"""Charts drawn on the server as inline SVG: no chart library, no script, nothing to load.

Every label goes through `escape`, since codes and names come from the database. Colours are SVG
presentation attributes, which the CSP allows (it forbids only `style` attributes).
"""

from __future__ import annotations

import math
from typing import Any

from markupsafe import Markup, escape

from warta.relations.series import QUAD_COLOURS, QUAD_NAMES


def goldstein_colour(value: float | None) -> str:
    """Red for conflict (−10), grey for 0, blue for cooperation (+10)."""
    if value is None:
        return "#969696"  # the neutral grey of 0
    t = max(-1.0, min(1.0, value / 10.0))
    grey = (150, 150, 150)
    end = (33, 102, 172) if t > 0 else (203, 24, 29)
    r, g, b = (round(g0 + (e - g0) * abs(t) ** 0.6) for g0, e in zip(grey, end, strict=True))
    return f"#{r:02x}{g:02x}{b:02x}"


def _merge_directions(directions: dict[str, list[dict[str, Any]]]) -> list[dict[str, Any]]:
    """Both directions of a dyad summed per period (their periods are aligned by the series)."""
    merged: dict[str, dict[str, Any]] = {}
    for periods in directions.values():
        for period in periods:
            slot = merged.setdefault(period["start"], {"start": period["start"], "counts": dict.fromkeys(
                (1, 2, 3, 4), 0), "gsum": 0.0})
            for quad, count in period["counts"].items():
                slot["counts"][int(quad)] += count
            if period["mean_goldstein"] is not None:
                slot["gsum"] += period["mean_goldstein"] * period["total"]
    out = []
    for start in sorted(merged):
        slot = merged[start]
        total = sum(slot["counts"].values())
        out.append({"start": start, "counts": slot["counts"], "total": total,
                    "mean_goldstein": slot["gsum"] / total if total else None})
    return out


def dyad_chart(report: dict[str, Any], width: int = 760, height: int = 320) -> Markup:
    """Cooperation up, conflict down (stacked by quad class), mean Goldstein as a line."""
    periods = _merge_directions(report["directions"])
    if not periods:
        return Markup('<p class="empty">No dated events between these actors yet.</p>')
    left, right, top, bottom = 48, 48, 24, 40
    plot_w, plot_h = width - left - right, height - top - bottom
    mid = top + plot_h / 2
    peak = max(max(p["counts"][1] + p["counts"][2], p["counts"][3] + p["counts"][4]) for p in periods) or 1
    step = plot_w / len(periods)
    bar = max(2.0, min(40.0, step * 0.7))
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" class="chart dyad-chart" '
             f'viewBox="0 0 {width} {height}" '
             f'role="img" aria-label="{escape(report["a"])}–{escape(report["b"])} events over time">',
             f'<line x1="{left}" y1="{mid}" x2="{width - right}" y2="{mid}" stroke="#444"/>',
             f'<text x="{left - 6}" y="{top + 10}" text-anchor="end" class="axis">{peak}</text>',
             f'<text x="{left - 6}" y="{top + plot_h}" text-anchor="end" class="axis">{peak}</text>',
             f'<text x="{left + 4}" y="{top + 10}" class="axis">cooperation ↑</text>',
             f'<text x="{left + 4}" y="{top + plot_h - 2}" class="axis">conflict ↓</text>',
             f'<text x="{width - right + 6}" y="{top + 10}" class="axis">+10</text>',
             f'<text x="{width - right + 6}" y="{top + plot_h}" class="axis">−10</text>']
    points = []
    label_every = max(1, math.ceil(len(periods) / 10))
    for i, period in enumerate(periods):
        x = left + i * step + (step - bar) / 2
        up = mid
        for quad in (1, 2):
            h = period["counts"][quad] / peak * plot_h / 2
            if h:
                up -= h
                parts.append(_bar(x, up, bar, h, quad, period))
        down = mid
        for quad in (3, 4):
            h = period["counts"][quad] / peak * plot_h / 2
            if h:
                parts.append(_bar(x, down, bar, h, quad, period))
                down += h
        if period["mean_goldstein"] is not None:
            y = mid - period["mean_goldstein"] / 10 * plot_h / 2
            points.append((x + bar / 2, y, period))
        if i % label_every == 0:
            parts.append(f'<text x="{x + bar / 2:.1f}" y="{height - 20}" text-anchor="middle" '
                         f'class="axis">{escape(period["start"][:7])}</text>')
    if len(points) > 1:
        path = " ".join(f"{x:.1f},{y:.1f}" for x, y, _ in points)
        parts.append(f'<polyline points="{path}" fill="none" stroke="#222" stroke-width="2" '
                     'class="goldstein"/>')
    for x, y, period in points:
        parts.append(f'<circle cx="{x:.1f}" cy="{y:.1f}" r="3.5" fill="#222"><title>'
                     f'{escape(period["start"])}: mean Goldstein {period["mean_goldstein"]:+.2f}'
                     '</title></circle>')
    parts.append("</svg>")
    return Markup("".join(parts))


def _bar(x: float, y: float, w: float, h: float, quad: int, period: dict[str, Any]) -> str:
    return (f'<rect x="{x:.1f}" y="{y:.1f}" width="{w:.1f}" height="{h:.1f}" fill="{QUAD_COLOURS[quad]}" '
            f'class="quad{quad}"><title>{escape(period["start"])}: {period["counts"][quad]} '
            f'{QUAD_NAMES[quad]}</title></rect>')


def network_chart(edges: list[dict[str, Any]], size: int = 640) -> Markup:
    """Countries on a circle; an edge per pair, as wide as its event count, coloured by mean Goldstein."""
    if not edges:
        return Markup('<p class="empty">No events between two countries in the database yet.</p>')
    degree: dict[str, int] = {}
    for edge in edges:
        for side in ("a", "b"):
            degree[edge[side]] = degree.get(edge[side], 0) + int(edge["events"])
    nodes = sorted(degree, key=lambda n: (-degree[n], n))
    centre, radius = size / 2, size / 2 - 48
    pos = {node: (centre + radius * math.cos(2 * math.pi * i / len(nodes) - math.pi / 2),
                  centre + radius * math.sin(2 * math.pi * i / len(nodes) - math.pi / 2))
           for i, node in enumerate(nodes)}
    most = max(int(e["events"]) for e in edges)
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" class="chart network" viewBox="0 0 {size} {size}" '
             'role="img" aria-label="actor network">']
    for edge in edges:
        (x1, y1), (x2, y2) = pos[edge["a"]], pos[edge["b"]]
        width = 1 + 9 * math.sqrt(int(edge["events"]) / most)
        mean = edge["mean_goldstein"]
        a, b = escape(edge["a"]), escape(edge["b"])
        parts.append(f'<a href="/ui/dyads/{a}/{b}"><line x1="{x1:.1f}" y1="{y1:.1f}" x2="{x2:.1f}" '
                     f'y2="{y2:.1f}" stroke="{goldstein_colour(mean)}" stroke-width="{width:.1f}" '
                     f'stroke-linecap="round" class="edge"><title>{a}–{b}: {int(edge["events"])} events, '
                     f'mean Goldstein {mean:+.2f}</title></line></a>')
    for node in nodes:
        x, y = pos[node]
        r = 6 + 10 * math.sqrt(degree[node] / max(degree.values()))
        parts.append(f'<g class="node"><circle cx="{x:.1f}" cy="{y:.1f}" r="{r:.1f}" fill="#fff" '
                     f'stroke="#333"/><text x="{x:.1f}" y="{y - r - 4:.1f}" text-anchor="middle">'
                     f'{escape(node)}</text><title>{escape(node)}: {degree[node]} events</title></g>')
    parts.append("</svg>")
    return Markup("".join(parts))
