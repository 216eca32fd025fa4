"""The store's read queries as SQL + parameters, shared by `Store`, the CLI and (later) the API.

Every query reads `story_events` (one row per event per story, GDELT-style) or the base tables;
none builds SQL from user text except through parameters.
"""

from __future__ import annotations

from datetime import date

from warta.store.errors import StoreError

PERIODS = ("day", "week", "month", "quarter", "year")
Query = tuple[str, list[object]]


def _day(value: date | str | None, name: str) -> date | None:
    if value is None or isinstance(value, date):
        return value
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise StoreError(f"--{name} must be a date like 2024-03-01, not {value!r}") from None


def _window(since: date | str | None, until: date | str | None, column: str = "day") -> Query:
    clauses: list[str] = []
    params: list[object] = []
    start, end = _day(since, "since"), _day(until, "until")
    if start:
        clauses.append(f"{column} >= ?")
        params.append(start)
    if end:
        clauses.append(f"{column} <= ?")
        params.append(end)
    return " AND ".join(clauses), params


def _where(*parts: Query) -> Query:
    clauses = [sql for sql, _ in parts if sql]
    params = [p for _, ps in parts for p in ps]
    return ("WHERE " + " AND ".join(clauses)) if clauses else "", params


def _actor(actor: str | None) -> Query:
    """An actor matches by country (RUS) or by the start of its full code (RUSGOV, IGOUNO)."""
    if not actor:
        return "", []
    value = actor.upper()
    return ("(source_country = ? OR target_country = ? OR starts_with(source_code, ?) "
            "OR starts_with(target_code, ?))", [value, value, value, value])


def story_events(actor: str | None, code: str | None, since: date | str | None,
                 until: date | str | None, limit: int | None) -> Query:
    code_part: Query = ("starts_with(code, ?)", [code]) if code else ("", [])
    where, params = _where(_actor(actor), code_part, _window(since, until))
    tail = f" LIMIT {int(limit)}" if limit else ""
    return (f"SELECT * FROM story_events {where} "
            f"ORDER BY day DESC NULLS LAST, num_mentions DESC, story_event_id{tail}", params)


def mentions(story_event_id: int) -> Query:
    return ("""SELECT e.event_id, e.article_key, a.source, a.url, a.title, a.date, e.sentence,
                      e.trigger_text, e.source_text, e.target_text, e.modality, e.tone
               FROM events e JOIN articles a USING (article_key)
               WHERE e.story_event_id = ? ORDER BY a.ingested_at, e.article_key, e.idx""",
            [story_event_id])


def top_actors(top: int, since: date | str | None) -> Query:
    where, params = _where(_window(since, None, "a.date"))
    return (f"""SELECT m.code, mode(m.text) AS name, any_value(m.country) AS country,
                       count(*) AS mentions, count(DISTINCT m.article_key) AS articles
                FROM actor_mentions m JOIN articles a USING (article_key) {where}
                GROUP BY m.code ORDER BY mentions DESC, m.code LIMIT {int(top)}""", params)


_SRC, _TGT = "coalesce(source_country, source_code)", "coalesce(target_country, target_code)"


def _pair(a: str, b: str) -> Query:
    first, second = a.upper(), b.upper()
    return (f"(({_SRC} = ? AND {_TGT} = ?) OR ({_SRC} = ? AND {_TGT} = ?))",
            [first, second, second, first])


def dyad_events(a: str, b: str, since: date | str | None, until: date | str | None) -> Query:
    """The story events of a dyad, both directions; undated ones only when no window is asked for."""
    dated: Query = ("day IS NOT NULL", []) if since or until else ("TRUE", [])
    where, params = _where(dated, _pair(a, b), _window(since, until))
    return (f"""SELECT story_event_id, day, {_SRC} AS source, {_TGT} AS target, code, name,
                       quad_class, goldstein, num_mentions, num_sources, num_articles, avg_tone,
                       sentence, source_url
                FROM story_events {where} ORDER BY day NULLS LAST, story_event_id""", params)


def dyad_counts(a: str, b: str, by: str, since: date | str | None, until: date | str | None) -> Query:
    """Both directions of a dyad, per period and quad class: one GROUP BY over `story_events`."""
    if by not in PERIODS:
        raise StoreError(f"--by must be one of {', '.join(PERIODS)}, not {by!r}")
    where, params = _where(("day IS NOT NULL", []), _pair(a, b), _window(since, until))
    return (f"""SELECT date_trunc('{by}', day)::DATE AS period, {_SRC} AS source, {_TGT} AS target,
                       quad_class, count(*) AS events, sum(num_mentions) AS mentions,
                       avg(goldstein) AS mean_goldstein, avg(avg_tone) AS mean_tone
                FROM story_events {where}
                GROUP BY ALL ORDER BY period, source, quad_class""", params)


def top_dyads(limit: int, since: date | str | None, until: date | str | None) -> Query:
    """Country pairs (either direction) by story events, with mean Goldstein and the cooperative share."""
    # '---GOV' and the like name a role with no country: not one side of a dyad
    where, params = _where((f"{_SRC} IS NOT NULL AND {_TGT} IS NOT NULL AND {_SRC} <> {_TGT} "
                            f"AND {_SRC} NOT LIKE '---%' AND {_TGT} NOT LIKE '---%'", []),
                           _window(since, until))
    return (f"""SELECT least({_SRC}, {_TGT}) AS a, greatest({_SRC}, {_TGT}) AS b, count(*) AS events,
                       avg(goldstein) AS mean_goldstein,
                       avg(CASE WHEN quad_class <= 2 THEN 1.0 ELSE 0.0 END) AS cooperative_share
                FROM story_events {where} GROUP BY 1, 2 ORDER BY events DESC, a, b LIMIT ?""",
            [*params, limit])


def top_event_types(limit: int, since: date | str | None, until: date | str | None) -> Query:
    """CAMEO root categories by story events."""
    where, params = _window(since, until)
    where = f"WHERE {where}" if where else ""
    return (f"""SELECT root, any_value(quad_class) AS quad_class, count(*) AS events,
                       sum(num_mentions) AS mentions, avg(goldstein) AS mean_goldstein
                FROM story_events {where} GROUP BY root ORDER BY events DESC, root LIMIT ?""",
            [*params, limit])
