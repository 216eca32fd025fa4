"""Which of a name's places is meant: the country the text gives, then the article's countries, then size.

Geocoders that rank by population alone put "Bali" in Italy and "Washington" in England; one that
trusts a default continent puts Georgia in the US. Here a name whose best candidate is neither in
a country the article mentions nor clearly the largest across continents stays unresolved (the
caller warns), and so does a small town abroad on a continent none of the article's countries is
on, so an error is a gap, never a point on the wrong continent.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass

from warta.geo.gazetteer import Place, load_countries

# A rival elsewhere this big relative to the best candidate makes a name ambiguous.
RIVAL_SHARE = 0.2
# A candidate in the article's countries loses to one this many times larger elsewhere.
DWARFED = 100
# A town abroad smaller than this, on a continent none of the article's countries is on, is not
# trusted: news names a city that size without its country only when the story is there (capitals
# are exempt). A judgment call, not calibrated: see bench/results/geo-heldout*.jsonl.
KNOWN_ABROAD = 1_000_000
CAMEO_TO_ISO = {"TMP": "TLS", "KSV": "XKX", "ROM": "ROU", "MTN": "MNE", "IMY": "IMN"}
RANK = {"PCLI": 3, "RGN": 2, "SEA": 2}


@dataclass(frozen=True, slots=True)
class Resolution:
    place: Place | None
    problem: str | None = None  # why there is no place: "ambiguous …", "not in …"


def iso_country(code: str | None) -> str | None:
    """The ISO alpha-3 code of a CAMEO country code ("TMP" → "TLS"); None for IGOs and regions."""
    if not code:
        return None
    code = CAMEO_TO_ISO.get(code[:3], code[:3])
    return code if code in load_countries() else None


def _continent(place: Place) -> str | None:
    country = load_countries().get(place.country or "")
    return country.continent if country else None


def choose(places: tuple[Place, ...], hint: str | None, article_countries: Collection[str]) -> Resolution:
    """The place meant among `places` (the candidates of one name).

    `hint` is the country an actor mention on the same span gives ("Washington" tagged USA):
    only places there count. Otherwise a place in one of `article_countries` wins, a country
    before a city, a larger place before a smaller; a candidate outside them must dwarf every
    rival on another continent.
    """
    if not places:
        return Resolution(None, "not in the gazetteer")
    if hint is not None:
        inside = [p for p in places if p.country == hint]
        if not inside:
            return Resolution(None, f"no place of that name in {hint}")
        return Resolution(max(inside, key=_size))
    local = [p for p in places if p.country in article_countries]
    best = max(places, key=_size)
    if local:
        near = max(local, key=_size)
        # a village at home does not beat a capital abroad ("di Mekkah" in Indonesian news)
        if near.feature in RANK or near.feature == "ADM1" or near.population * DWARFED >= best.population:
            return Resolution(near)
    if best.feature in RANK:
        return Resolution(best)  # a country or a named region is one place, whatever towns share its name
    home = _continent(best)
    rivals = [p for p in places if p.country != best.country and _continent(p) != home]
    if any(p.population >= RIVAL_SHARE * best.population for p in rivals):
        where = sorted({p.country or "?" for p in (best, *rivals)})
        return Resolution(None, f"ambiguous ({', '.join(where[:5])}) and none in the article's countries")
    continents = {load_countries()[c].continent for c in article_countries if c in load_countries()}
    if continents and home not in continents and best.feature != "PPLC" and best.population < KNOWN_ABROAD:
        # one town of that name, but on a continent the story never goes to: a word read as a place
        # ("Patra" of Jakarta's Patra Kuningan as Patras), not a place the story is about
        return Resolution(None, f"{best.name} ({best.country}) is on another continent than the "
                                "article's countries")
    return Resolution(best)


def _size(place: Place) -> tuple[int, int]:
    return RANK.get(place.feature, 1), place.population
