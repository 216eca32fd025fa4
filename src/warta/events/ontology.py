"""The CAMEO event ontology as data: code → name, root, quad class, Goldstein, PLOVER type.

Two package files, built by scripts/build_event_lexicon.py from ../shared/data/cameo:
`cameo-events-1.tsv` (codes; names from text_to_CAMEO (MIT) or GDELT's lookup, Goldstein from
GDELT's scale, quad class by the GDELT convention) and `cameo-plover-2021.tsv` (PLOVER's
CAMEO2PLOVER table, CC BY-SA 4.0, kept as its own file with its attribution). The CAMEO manual's
own wording (CC BY-NC-SA) is deliberately not shipped.
"""

from __future__ import annotations

from dataclasses import dataclass
from importlib.resources import files
from importlib.resources.abc import Traversable

from warta.errors import DataFileError

EVENTS_FILE = "cameo-events-1.tsv"
PLOVER_FILE = "cameo-plover-2021.tsv"
INTENT_FILE = "cameo-intent-1.tsv"


@dataclass(frozen=True, slots=True)
class EventType:
    """What one CAMEO code means, as every `Event` carries it."""

    code: str
    root: str
    name: str
    quad_class: int
    goldstein: float
    plover: str | None


def data_dir() -> Traversable:
    return files("warta.events").joinpath("data")


class Ontology:
    """All CAMEO codes, loaded once per pipeline."""

    def __init__(self, types: dict[str, EventType], intents: dict[str, str] | None = None) -> None:
        self.types = types
        self.intents = intents or {}

    @classmethod
    def load(cls) -> Ontology:
        plover = _read_plover(data_dir().joinpath(PLOVER_FILE))
        types = _read_events(data_dir().joinpath(EVENTS_FILE), plover)
        return cls(types, _read_intents(data_dir().joinpath(INTENT_FILE), types))

    def intent_code(self, code: str) -> str:
        """The code of an expressed intent to do `code` ("akan mengirim bantuan": 033)."""
        return self.intents.get(code[:2], code)

    def __contains__(self, code: object) -> bool:
        return code in self.types

    def get(self, code: str) -> EventType:
        """The type of `code`; a `KeyError` names codes CAMEO does not have."""
        return self.types[code]

    @property
    def roots(self) -> list[str]:
        return sorted(code for code in self.types if len(code) == 2)


def _rows(path: Traversable) -> list[tuple[int, list[str]]]:
    """(line number, fields) for each data line of a tab-separated file with a header."""
    rows = []
    lines = path.read_text(encoding="utf-8").splitlines()
    header_seen = False
    for number, line in enumerate(lines, start=1):
        if not line.strip() or line.startswith("#"):
            continue
        if not header_seen:
            header_seen = True
            continue
        rows.append((number, line.split("\t")))
    return rows


def _read_plover(path: Traversable) -> dict[str, str]:
    out = {}
    for number, fields in _rows(path):
        if len(fields) < 2 or not fields[0].isdigit():
            raise DataFileError(str(path), number, "expected 'cameo_code<TAB>plover_event ...'")
        out[fields[0]] = fields[1]
    return out


def _read_events(path: Traversable, plover: dict[str, str]) -> dict[str, EventType]:
    types = {}
    for number, fields in _rows(path):
        try:
            code, root, quad, goldstein, name = fields[:5]
            types[code] = EventType(code=code, root=root, name=name, quad_class=int(quad),
                                    goldstein=float(goldstein), plover=plover.get(code))
        except ValueError as exc:
            raise DataFileError(str(path), number,
                                f"expected code, root, quad_class, goldstein, name ({exc})") from exc
    return types


def _read_intents(path: Traversable, types: dict[str, EventType]) -> dict[str, str]:
    out = {}
    for number, fields in _rows(path):
        if len(fields) != 2 or fields[0] not in types or fields[1] not in types:
            raise DataFileError(str(path), number, "expected 'root<TAB>intent_code', both CAMEO codes")
        out[fields[0]] = fields[1]
    return out
