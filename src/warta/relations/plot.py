"""A dyad chart a person would rather read than the table: counts by quad class and mean Goldstein."""

from __future__ import annotations

import textwrap
from pathlib import Path

from warta.relations.series import QUAD_COLOURS, QUAD_NAMES, DyadSeries
from warta.relations.trend import Trend

# Colour-blind-safe pairs: blues for cooperation, oranges/reds for conflict.


def plot_dyad(series: DyadSeries, trends: dict[str, Trend], path: str | Path) -> Path:
    """Write a PNG or SVG: one column per direction, stacked counts above, mean Goldstein below."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    directions = list(series.periods)
    fig, axes = plt.subplots(2, len(directions), figsize=(6 * len(directions), 6.5), sharex="col",
                             gridspec_kw={"height_ratios": [3, 2]}, squeeze=False)
    width = {"day": 0.8, "week": 5}.get(series.by, 20)
    for col, name in enumerate(directions):
        periods = series.periods[name]
        days = [p.start for p in periods]
        top, bottom = axes[0][col], axes[1][col]
        base = [0] * len(periods)
        for quad in (1, 2, 3, 4):
            heights = [p.counts.get(quad, 0) for p in periods]
            top.bar(days, heights, bottom=base, width=width, color=QUAD_COLOURS[quad],
                    label=QUAD_NAMES[quad])
            base = [b + h for b, h in zip(base, heights, strict=True)]
        verdict = textwrap.fill(trends[name].describe(), 60) if name in trends else ""
        top.set_title(f"{name}\n{verdict}", fontsize=9, loc="left")
        top.set_ylabel(f"events per {series.by}")
        top.margins(y=0.08)
        top.spines[["top", "right"]].set_visible(False)
        means = [(p.start, p.mean_goldstein) for p in periods if p.mean_goldstein is not None]
        bottom.axhline(0, color="#888888", linewidth=0.8)
        if means:
            bottom.plot([d for d, _ in means], [m for _, m in means], marker="o", color="#333333")
        bottom.set_ylim(-10, 10)
        bottom.set_ylabel("mean Goldstein")
        bottom.spines[["top", "right"]].set_visible(False)
        bottom.tick_params(axis="x", labelrotation=30, labelsize=8)
    handles, labels = axes[0][0].get_legend_handles_labels()
    fig.legend(handles, labels, fontsize=8, frameon=False, loc="lower center", ncol=4)
    fig.suptitle(f"{series.a} – {series.b}: events by quad class and tone", fontsize=12)
    fig.tight_layout(rect=(0, 0.05, 1, 1))
    out = Path(path)
    fig.savefig(out, dpi=120)
    plt.close(fig)
    return out
