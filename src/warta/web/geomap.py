"""The map: located events on an equirectangular SVG, over land sketched from the shipped gazetteer.

No tiles, no script, no outline file: the 39,000 gazetteer places, binned into 2° cells, draw the
continents as one path (computed once per process), and each located place is a circle as wide as
its event count, coloured by mean Goldstein. Every label is escaped.
"""

from __future__ import annotations

import math
from functools import lru_cache
from typing import Any

from markupsafe import Markup, escape

from warta.geo.gazetteer import load_gazetteer
from warta.web.charts import goldstein_colour

WIDTH, HEIGHT = 960, 480  # 360° × 180° at 2.67 px per degree
CELL = 2  # degrees per land cell


def project(lat: float, lon: float) -> tuple[float, float]:
    return (lon + 180) / 360 * WIDTH, (90 - lat) / 180 * HEIGHT


@lru_cache(maxsize=1)
def land_path() -> str:
    """One SVG path of every 2° cell holding a gazetteer place: the world's inhabited land."""
    gazetteer = load_gazetteer()
    cells = set()
    for index in range(len(gazetteer)):
        place = gazetteer.place(index)
        if place.lat is not None and place.lon is not None and place.feature.startswith("PPL"):
            cells.add((math.floor(place.lat / CELL), math.floor(place.lon / CELL)))
    size = CELL / 360 * WIDTH
    parts = []
    for row, col in sorted(cells):
        x, y = project((row + 1) * CELL, col * CELL)
        parts.append(f"M{x:.1f} {y:.1f}h{size:.1f}v{size:.1f}h-{size:.1f}z")
    return "".join(parts)


def map_chart(places: list[dict[str, Any]]) -> Markup:
    """Inline SVG of `places` (rows of Store.places: name, country, lat, lon, events, mean_goldstein)."""
    parts = [f'<svg class="chart map" viewBox="0 0 {WIDTH} {HEIGHT}" role="img" '
             f'aria-label="Map of {len(places)} places where events happened">',
             f'<rect width="{WIDTH}" height="{HEIGHT}" fill="#eef4f8"/>',
             f'<path class="land" d="{land_path()}" fill="#d6d6cf"/>']
    for lon in range(-180, 181, 30):
        x, _ = project(0, lon)
        parts.append(f'<line class="graticule" x1="{x:.1f}" y1="0" x2="{x:.1f}" y2="{HEIGHT}" '
                     'stroke="#c4d3de" stroke-width="0.5"/>')
    for lat in range(-60, 61, 30):
        _, y = project(lat, 0)
        parts.append(f'<line class="graticule" x1="0" y1="{y:.1f}" x2="{WIDTH}" y2="{y:.1f}" '
                     'stroke="#c4d3de" stroke-width="0.5"/>')
    most = max((int(p["events"]) for p in places), default=1)
    for place in sorted(places, key=lambda p: -int(p["events"])):  # small circles drawn over large ones
        x, y = project(float(place["lat"]), float(place["lon"]))
        r = 3 + 12 * math.sqrt(int(place["events"]) / most)
        name = escape(place["name"] or "")
        where = escape(place["country"] or "")
        mean = place["mean_goldstein"]
        tone = f", mean Goldstein {mean:+.2f}" if mean is not None else ""
        parts.append(f'<g class="place" data-name="{name}" data-country="{where}">'
                     f'<circle cx="{x:.1f}" cy="{y:.1f}" r="{r:.1f}" fill="{goldstein_colour(mean)}" '
                     f'fill-opacity="0.75" stroke="#333" stroke-width="0.6"/>'
                     f'<title>{name} ({where}): {int(place["events"])} events{tone}</title></g>')
    parts.append("</svg>")
    return Markup("".join(parts))
