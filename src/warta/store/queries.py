"""The store's counting queries as SQL + parameters, behind the `Store` read methods.

The CLI, the API and the dashboard all ask these, so a number is the same wherever it is read.
Counts are of story events (`story_events`, one row per event per story, GDELT-style) unless a
caller asks for event mentions (`unit="mentions"`: asserted and reported rows of `events`, the
modalities a story event is made of). None builds SQL from user text except through parameters.
"""

from __future__ import annotations

from datetime import date

from warta.store.errors import StoreError
from warta.store.filters import COUNTED_MODALITIES, EventFilter, Unit

PERIODS = ("day", "week", "month", "quarter", "year")  # what date_trunc bins by; relations bins fewer
Query = tuple[str, list[object]]


def parse_date(value: date | str | None, name: str) -> date | None:
    """A date given as text (the CLI's --since) or already parsed; a `StoreError` naming the option."""
    if value is None or isinstance(value, date):
        return value
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise StoreError(f"--{name} must be a date like 2024-03-01, not {value!r}") from None


def window(since: date | str | None, until: date | str | None, column: str = "day") -> Query:
    clauses: list[str] = []
    params: list[object] = []
    start, end = parse_date(since, "since"), parse_date(until, "until")
    if start:
        clauses.append(f"{column} >= ?")
        params.append(start)
    if end:
        clauses.append(f"{column} <= ?")
        params.append(end)
    return " AND ".join(clauses), params


def where_clause(*parts: Query) -> Query:
    clauses = [sql for sql, _ in parts if sql]
    params = [p for _, ps in parts for p in ps]
    return ("WHERE " + " AND ".join(clauses)) if clauses else "", params


def mentions(story_event_id: int) -> Query:
    return ("""SELECT e.event_id, e.article_key, a.source, a.url, a.title, a.date, e.sentence,
                      e.trigger_text, e.source_text, e.target_text, e.modality, e.tone
               FROM events e JOIN articles a USING (article_key)
               WHERE e.story_event_id = ? ORDER BY a.ingested_at, e.article_key, e.idx""",
            [story_event_id])


def counted(unit: Unit) -> str:
    """The rows a count is made of, with the same columns (`day` among them) for either unit."""
    if unit == "stories":
        return "story_events"
    modalities = ", ".join(f"'{m}'" for m in COUNTED_MODALITIES)
    return (f"(SELECT e.*, a.date AS day FROM events e JOIN articles a USING (article_key) "
            f"WHERE e.modality IN ({modalities}))")


def top_actors(top: int, prefix: str | None, since: date | str | None, unit: Unit) -> Query:
    """Actor codes by how often they are mentioned, with the articles and events they appear in."""
    where, params = where_clause(window(since, None, "a.date"),
                           ("starts_with(m.code, ?)", [prefix.upper()]) if prefix else ("", []))
    span, span_params = window(since, None)
    rows = counted(unit)
    return (f"""WITH m AS (SELECT m.code, mode(m.text) AS name, any_value(m.country) AS country,
                              any_value(m.kind) AS kind, count(*) AS mentions,
                              count(DISTINCT m.article_key) AS articles
                       FROM actor_mentions m JOIN articles a USING (article_key) {where} GROUP BY m.code),
                 ev AS (SELECT code, count(*) AS events FROM (
                            SELECT source_code AS code, day FROM {rows} UNION ALL
                            SELECT target_code AS code, day FROM {rows})
                        WHERE code IS NOT NULL{" AND " + span if span else ""} GROUP BY code)
                SELECT m.*, coalesce(ev.events, 0) AS events FROM m LEFT JOIN ev USING (code)
                ORDER BY m.mentions DESC, m.code LIMIT ?""", [*params, *span_params, int(top)])


_SRC, _TGT = "coalesce(source_country, source_code)", "coalesce(target_country, target_code)"


def _pair(a: str, b: str) -> Query:
    first, second = a.upper(), b.upper()
    return (f"(({_SRC} = ? AND {_TGT} = ?) OR ({_SRC} = ? AND {_TGT} = ?))",
            [first, second, second, first])


def dyad_events(a: str, b: str, since: date | str | None, until: date | str | None) -> Query:
    """The story events of a dyad, both directions; undated ones only when no window is asked for."""
    dated: Query = ("day IS NOT NULL", []) if since or until else ("TRUE", [])
    where, params = where_clause(dated, _pair(a, b), window(since, until))
    return (f"""SELECT story_event_id, day, {_SRC} AS source, {_TGT} AS target, code, name,
                       quad_class, goldstein, num_mentions, num_sources, num_articles, avg_tone,
                       sentence, source_url
                FROM story_events {where} ORDER BY day NULLS LAST, story_event_id""", params)


def dyad_counts(a: str, b: str, by: str, since: date | str | None, until: date | str | None) -> Query:
    """Both directions of a dyad, per period and quad class: one GROUP BY over `story_events`."""
    if by not in PERIODS:
        raise StoreError(f"--by must be one of {', '.join(PERIODS)}, not {by!r}")
    where, params = where_clause(("day IS NOT NULL", []), _pair(a, b), window(since, until))
    return (f"""SELECT date_trunc('{by}', day)::DATE AS period, {_SRC} AS source, {_TGT} AS target,
                       quad_class, count(*) AS events, sum(num_mentions) AS mentions,
                       avg(goldstein) AS mean_goldstein, avg(avg_tone) AS mean_tone
                FROM story_events {where}
                GROUP BY ALL ORDER BY period, source, quad_class""", params)


def top_dyads(limit: int, since: date | str | None, until: date | str | None, unit: Unit) -> Query:
    """Pairs (either direction) by events, with mean Goldstein and the cooperative share."""
    # '---GOV' and the like name a role with no country: not one side of a dyad
    return _pairs(f"{_SRC} IS NOT NULL AND {_TGT} IS NOT NULL AND {_SRC} <> {_TGT} "
                  f"AND {_SRC} NOT LIKE '---%' AND {_TGT} NOT LIKE '---%'", _SRC, _TGT, limit, since, until,
                  unit)


def network(limit: int, since: date | str | None, until: date | str | None, unit: Unit) -> Query:
    """Country pairs (IGOs and groups left out: the network's nodes are countries) by events."""
    return _pairs("source_country IS NOT NULL AND target_country IS NOT NULL "
                  "AND source_country <> target_country", "source_country", "target_country", limit,
                  since, until, unit)


def _pairs(condition: str, src: str, tgt: str, limit: int, since: date | str | None,
           until: date | str | None, unit: Unit) -> Query:
    where, params = where_clause((condition, []), window(since, until))
    return (f"""SELECT least({src}, {tgt}) AS a, greatest({src}, {tgt}) AS b, count(*) AS events,
                       avg(goldstein) AS mean_goldstein,
                       avg(CASE WHEN quad_class <= 2 THEN 1.0 ELSE 0.0 END) AS cooperative_share
                FROM {counted(unit)} {where} GROUP BY 1, 2 ORDER BY events DESC, a, b LIMIT ?""",
            [*params, int(limit)])


def top_event_types(limit: int, since: date | str | None, until: date | str | None) -> Query:
    """CAMEO root categories by story events."""
    where, params = window(since, until)
    where = f"WHERE {where}" if where else ""
    return (f"""SELECT root, any_value(quad_class) AS quad_class, count(*) AS events,
                       sum(num_mentions) AS mentions, avg(goldstein) AS mean_goldstein
                FROM story_events {where} GROUP BY root ORDER BY events DESC, root LIMIT ?""",
            [*params, limit])


def places(filters: EventFilter, limit: int, unit: Unit) -> Query:
    """Where events happened: one row per located place with its event count and mean Goldstein."""
    where, params = filters.where(unit)
    table = "story_events s" if unit == "stories" else "events e JOIN articles a USING (article_key)"
    p = "s" if unit == "stories" else "e"
    counted_only = "" if unit == "stories" else f" AND e.modality IN {COUNTED_MODALITIES}"
    return (f"""SELECT {p}.location_name AS name, {p}.location_country AS country,
                       {p}.location_adm1 AS adm1, {p}.location_feature AS feature,
                       {p}.location_lat AS lat, {p}.location_lon AS lon, count(*) AS events,
                       avg({p}.goldstein) AS mean_goldstein
                FROM {table} WHERE {where} AND {p}.location_lat IS NOT NULL{counted_only}
                GROUP BY ALL ORDER BY events DESC, name LIMIT ?""", [*params, int(limit)])
