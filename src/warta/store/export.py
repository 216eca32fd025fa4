"""Write the database out: GDELT 2.0 event files, or any table as Parquet, JSON Lines or CSV.

The GDELT format is the 61 tab-separated columns of the GDELT 2.0 event table, in order, no header
(GDELT Event Codebook V2.0; ../shared/data/cameo/gdelt2-events-columns.md), one row per story
event, so tools written for GDELT read warta's files. ActionGeo_* is the story event's location
(the geo stage's, with FIPS 10-4 country codes as GDELT uses); Actor1Geo_* and Actor2Geo_* are the
actor's country (Type 1, at the country's centre) when its CAMEO code names one: warta does not
geocode an actor's own mention, so nothing finer is claimed. Fields warta does not know (ethnic and
religion codes, ADM2) are empty. Files are written beside the
target and renamed into place, so a failed export (full disk) never leaves a half-written file
under the target name.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, datetime
from pathlib import Path
from typing import IO, Any

import duckdb

from warta.geo.gazetteer import load_countries, load_gazetteer
from warta.geo.resolve import iso_country
from warta.store.connect import describe_error
from warta.store.errors import StoreError
from warta.store.records import GROUP_PREFIXES
from warta.store.store import Store

FORMATS = ("gdelt", "parquet", "jsonl", "csv")
TABLES = ("story_events", "events", "articles", "actor_mentions", "stories", "story_articles")
_ACTOR = ("Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode", "Religion1Code",
          "Religion2Code", "Type1Code", "Type2Code", "Type3Code")
_GEO = ("Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID")
GDELT_COLUMNS: tuple[str, ...] = (
    "GlobalEventID", "Day", "MonthYear", "Year", "FractionDate",
    *(f"Actor1{name}" for name in _ACTOR), *(f"Actor2{name}" for name in _ACTOR),
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
    "NumMentions", "NumSources", "NumArticles", "AvgTone",
    *(f"{block}_{name}" for block in ("Actor1Geo", "Actor2Geo", "ActionGeo") for name in _GEO),
    "DATEADDED", "SOURCEURL",
)
_GDELT_QUERY = """SELECT story_event_id, day, source_code, source_text, source_country, source_role,
    target_code, target_text, target_country, target_role, is_root, code, root, quad_class, goldstein,
    num_mentions, num_sources, num_articles, avg_tone, date_added, source_url,
    location_name, location_country, location_adm1, location_lat, location_lon, location_geonames_id,
    location_feature
    FROM story_events ORDER BY date_added, story_event_id"""


@contextmanager
def atomic_output(target: Path, mode: str = "w") -> Iterator[IO[Any]]:
    """A temporary file beside `target`, renamed onto it only when writing succeeded."""
    folder = target.parent if str(target.parent) else Path(".")
    try:
        handle, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=folder)
    except OSError as exc:
        raise StoreError(describe_error(exc, str(target))) from exc
    tmp = Path(name)
    try:
        with os.fdopen(handle, mode, encoding="utf-8" if "b" not in mode else None, newline="") as out:
            yield out
        os.replace(tmp, target)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise StoreError(describe_error(exc, str(target))) from exc
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def _clean(value: object) -> str:
    """A GDELT field: empty for unknown, no tabs or newlines inside."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, float):
        return f"{value:.4f}".rstrip("0").rstrip(".") if value == value else ""
    return " ".join(str(value).split())


def _actor(code: str | None, name: str | None, country: str | None, role: str | None) -> list[object]:
    """The ten actor fields, with group and type codes read off the CAMEO code."""
    if not code:
        return [None] * len(_ACTOR)
    group = code[3:6] if code[:3] in GROUP_PREFIXES else None
    rest = code[3:] if country and code.startswith(country) else code[6:] if group else ""
    types = [rest[i:i + 3] for i in range(0, min(len(rest), 9), 3)]
    if role and role not in types:
        types.insert(0, role)
    padded: list[str | None] = [*types, None, None, None]
    return [code, name, country, group, None, None, None, *padded[:3]]


def action_geo(name: str | None, country: str | None, adm1: str | None, lat: float | None,
               lon: float | None, geonames_id: int | None, feature: str | None) -> list[object]:
    """GDELT's eight ActionGeo fields: Type (1 country, 2 US state, 3 US city, 4 world city, 5 world
    state), FullName, CountryCode (FIPS 10-4), ADM1Code, ADM2Code, Lat, Long, FeatureID."""
    if not feature:
        return [None] * len(_GEO)
    known = load_countries().get(country or "")
    fips = known.fips if known else None
    us = country == "USA"
    kind = 1 if feature == "PCLI" else (3 if us else 4) if feature.startswith("PPL") else 2 if us else 5
    full = name if feature == "PCLI" or not known else f"{name}, {known.name}"
    feature_id = geonames_id if geonames_id is not None else adm1 if kind in (2, 5) and adm1 else fips
    return [kind, full, fips, adm1 or fips, None, lat, lon, feature_id]


def actor_geo(country: str | None) -> list[object]:
    """The eight Actor*Geo fields for an actor of `country` (a CAMEO country code): the country."""
    iso = iso_country(country)
    places = load_gazetteer().lookup_country(iso) if iso else ()
    if not places:
        return [None] * len(_GEO)
    place = places[0]
    return action_geo(place.name, place.country, None, place.lat, place.lon, place.geonames_id, "PCLI")


def gdelt_row(row: tuple[Any, ...]) -> list[object]:
    (ident, day, s_code, s_text, s_country, s_role, t_code, t_text, t_country, t_role, is_root, code,
     root, quad, goldstein, mentions, sources, articles, tone, added, url, *geo) = row
    when: list[object] = [None] * 4
    if isinstance(day, date):
        fraction = round(day.year + (day.month * 30 + day.day) / 365, 4)
        when = [day.strftime("%Y%m%d"), day.strftime("%Y%m"), day.year, fraction]
    stamp = added.strftime("%Y%m%d%H%M%S") if isinstance(added, datetime) else None
    return [ident, *when, *_actor(s_code, s_text, s_country, s_role),
            *_actor(t_code, t_text, t_country, t_role), is_root, code, code[:3], root, quad,
            goldstein, mentions, sources, articles, tone, *actor_geo(s_country), *actor_geo(t_country),
            *action_geo(*geo), stamp, url]


def write_gdelt(store: Store, out: IO[str], chunk: int = 5000) -> int:
    """Stream story events as GDELT rows; returns how many were written."""
    cursor = store.reader().execute(_GDELT_QUERY)
    count = 0
    while rows := cursor.fetchmany(chunk):
        for row in rows:
            out.write("\t".join(_clean(value) for value in gdelt_row(row)) + "\n")
        count += len(rows)
    return count


def export(store: Store, fmt: str, target: Path, table: str = "story_events") -> int:
    """Write `table` (GDELT: story events) to `target` in `fmt`; returns the row count."""
    if fmt not in FORMATS:
        raise StoreError(f"unknown export format {fmt!r}; use one of {', '.join(FORMATS)}")
    if table not in TABLES:
        raise StoreError(f"unknown table {table!r}; use one of {', '.join(TABLES)}")
    if fmt == "gdelt":
        with atomic_output(target) as out:
            return write_gdelt(store, out)
    options = {"parquet": "FORMAT parquet", "jsonl": "FORMAT json", "csv": "FORMAT csv, HEADER true"}[fmt]
    part = target.with_name(f".{target.name}.part")
    try:
        store.reader().execute(f"COPY (SELECT * FROM {table}) TO '{_quote(str(part))}' ({options})")
        os.replace(part, target)
    except (duckdb.Error, OSError) as exc:
        part.unlink(missing_ok=True)
        raise StoreError(describe_error(exc, str(target))) from exc
    row = store.sql(f"SELECT count(*) FROM {table}").rows[0]
    return int(row[0])


def _quote(path: str) -> str:
    return path.replace("'", "''")
