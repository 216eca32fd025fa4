"""Every setting, declared once with its default and help; read at the edge, passed down."""

from __future__ import annotations

from dataclasses import dataclass, field, fields


@dataclass(frozen=True)
class Settings:
    """Options for a `Pipeline`. The CLI and the service build one; the library takes it."""

    languages: tuple[str, ...] = field(
        default=("id", "en"),
        metadata={"help": "Languages whose boilerplate rules and patterns are loaded."},
    )
    max_input_bytes: int = field(
        default=20_000_000,
        metadata={"help": "Larger inputs are rejected as not a news page."},
    )
    min_text_chars: int = field(
        default=1,
        metadata={"help": "Articles whose clean text is shorter are reported as empty."},
    )
    detect_all_languages: bool = field(
        default=True,
        metadata={"help": "Report any language lingua knows, not only the loaded ones."},
    )

    @classmethod
    def describe(cls) -> list[tuple[str, object, str]]:
        """(name, default, help) for each setting, for docs and `--help`."""
        return [(f.name, f.default, f.metadata.get("help", "")) for f in fields(cls)]
