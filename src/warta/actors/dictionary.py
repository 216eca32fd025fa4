"""Load the actor dictionaries once: shipped name lists, per-language files and user files.

Layout (package data; adding a language means adding a folder under `warta/lang/`):

    warta/actors/data/countries.tsv, igos.tsv      CAMEO code tables (labels, validation)
    warta/actors/data/people.tsv                   Phoenix people/organisations, dated codes
    warta/actors/data/people_curated.tsv           hand-curated, newer than Phoenix; wins over it
    warta/actors/data/surnames.tsv                 Phoenix people by surname alone, where it says
                                                   one country (scripts/build_surnames.py); lowest
    warta/lang/<xx>/actors.tsv, actors_curated.tsv  country names, seats, IGOs in that language
    warta/lang/<xx>/agents.tsv, agents_curated.tsv  roles that compose with a country
    warta/lang/<xx>/actors.toml                    grammar words (coordinators, pronouns ...)

User files (`extra_files`) win over everything: a `.tsv` in the people format
(`name<TAB>codes<TAB>kind`) or a PETRARCH/Phoenix `.actors`/`.agents` file taken as it is.
A malformed row raises `DataFileError` naming file:line.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from importlib.resources import files
from pathlib import Path

from warta.actors.codes import PERIODS_RE, parse_periods
from warta.actors.phoenix import read_phoenix_actors, read_phoenix_agents
from warta.errors import DataFileError
from warta.lang import language_dir
from warta.lang.datafile import DataFile

KINDS = frozenset({"country", "seat", "igo", "org", "person", "group", "place"})
PLACE_KINDS = frozenset({"country", "seat", "place"})  # names that say where, whatever else they do
ALL_LANGS = "*"


@dataclass(frozen=True, slots=True)
class Entry:
    """One dictionary name: an actor (with code periods) or an agent (with a role)."""

    name: str
    kind: str  # KINDS, or "agent"
    codes: str = ""  # "RUSGOV 2008-05-08.. | RUSELI": parsed on first use (see codes.parse_periods)
    role: str | None = None  # agents: 'GOV', '' for words that only widen a span
    title: bool = False  # agents naming one person, who may follow by name
    bound: bool = False  # agents that are only actors next to a country (adjectives: "militer")
    prefix: bool = False  # Phoenix 'NGO~' agents: the role goes before the country
    default_country: str | None = None
    source: str = ""  # "file:line", reported as ActorMention.dictionary_entry
    lang: str = ALL_LANGS
    priority: int = 0  # higher wins when two entries share a name


@dataclass(frozen=True)
class Grammar:
    """Per-language words from `actors.toml`."""

    lang: str
    order: str = "role-first"
    max_filler: int = 3
    coordinators: frozenset[str] = frozenset()
    quantifiers: frozenset[str] = frozenset()
    locatives: frozenset[str] = frozenset()
    clitics: tuple[str, ...] = ()
    of: frozenset[str] = frozenset()
    stop: frozenset[str] = frozenset()
    two: tuple[str, ...] = ()
    two_countries: tuple[str, ...] = ()
    country: tuple[str, ...] = ()
    person: tuple[str, ...] = ()
    plural: tuple[str, ...] = ()
    # "dissidents from military-ruled Myanmar": a role word before one of these is a modifier
    hyphen_modifiers: frozenset[str] = frozenset()
    hyphen_places: frozenset[str] = frozenset()  # "a UK-based group": a country here is a place
    # "a court in Guyana", "police in Kenya": a role + one of these + a country is that country's
    role_in: frozenset[str] = frozenset()
    # "the mayor of Nablus": a role "of" a town takes the town's country
    of_place: bool = False
    # Currency, not actors: a mark glued after a country ("US$", "HK$"), a currency word before
    # a country ("dolar AS") or after it ("Singapore dollars").
    currency_marks: tuple[str, ...] = ()
    currency_before: frozenset[str] = frozenset()
    currency_after: frozenset[str] = frozenset()
    # Context countries (see context.py): words that tie a place to the role before it
    # ("pejabat dari Virginia", "a spokesman for the Royal Thai Army"), and words that make the
    # country after them a destination or a recipient, not the role's own ("ke", "to").
    attach: frozenset[str] = frozenset()
    destinations: frozenset[str] = frozenset()
    articles: frozenset[str] = frozenset()  # skipped between those words and the name ("for the Royal ...")


@dataclass
class ActorDictionary:
    """Every entry, every language's grammar, and the CAMEO code tables."""

    entries: list[Entry] = field(default_factory=list)
    grammars: dict[str, Grammar] = field(default_factory=dict)
    countries: frozenset[str] = frozenset()
    roles: frozenset[str] = frozenset()
    labels: dict[str, str] = field(default_factory=dict)
    skipped: list[str] = field(default_factory=list)  # Phoenix lines PETRARCH also skips


def _rows(text: str, path: str, columns: int) -> Iterator[tuple[int, list[str]]]:
    """Non-comment TSV rows padded to `columns`; too many columns is an error."""
    for number, line in enumerate(text.splitlines(), start=1):
        if not line or line[0] == "#" or not line.strip():
            continue
        cells = line.rstrip().split("\t")
        if len(cells) > columns:
            raise DataFileError(path, number,
                                f"{len(cells)} tab-separated columns, expected at most {columns}")
        if len(cells) < columns:
            cells += [""] * (columns - len(cells))
        yield number, cells


def check_codes(codes: str, dated: bool) -> str | None:
    """What is wrong with a codes cell, or None. One regex a row keeps loading under a second."""
    if PERIODS_RE.fullmatch(codes) and (dated or " " not in codes):
        if ".." in codes:
            for part in codes.split(" | "):
                left, _, right = part.partition(" ")[2].partition("..")
                if left and right and right < left:  # ISO dates compare as strings
                    return f"date range {part!r} ends before it starts"
        return None
    if not dated:
        return f"bad CAMEO code {codes!r} (want e.g. RUS, RUSGOV, IGOUNO)"
    try:
        parse_periods(codes)
    except ValueError as exc:
        return str(exc)
    return f"bad codes {codes!r} (want CODE or CODE YYYY-MM-DD..YYYY-MM-DD, joined by ' | ')"




def _fast_rows(text: str, dated: bool) -> list[tuple[int, list[str]]] | None:
    """(line, cells) for every row when all are well formed, else None (the slow path says why).

    Plain splitting plus one regex per distinct codes cell: 30,000 people rows in ~50 ms.
    """
    rows = []
    for number, line in enumerate(text.split("\n"), start=1):
        if not line or line[0] == "#" or line.isspace():
            continue
        cells = line.rstrip().split("\t")
        if len(cells) != 3 or cells[2] not in KINDS or not cells[0].strip():
            return None
        rows.append((number, cells))
    if any(check_codes(cell, dated) for cell in {cells[1] for _number, cells in rows}):
        return None
    return rows


def read_actor_tsv(text: str, path: str, lang: str, priority: int, dated: bool) -> list[Entry]:
    """`name<TAB>code<TAB>kind` (or `name<TAB>codes<TAB>kind` with dates when `dated`)."""
    short = Path(path).name
    rows = _fast_rows(text, dated)
    if rows is not None:
        return [Entry(name.strip(), kind, codes, None, False, False, False, None, f"{short}:{number}", lang,
                      priority) for number, (name, codes, kind) in rows]
    out = []
    for number, (name, codes, kind) in _rows(text, path, 3):
        if not name or not codes:
            raise DataFileError(path, number, "want name<TAB>code<TAB>kind")
        if kind not in KINDS:
            raise DataFileError(path, number, f"unknown kind {kind!r} (one of {', '.join(sorted(KINDS))})")
        problem = check_codes(codes, dated)
        if problem:
            raise DataFileError(path, number, problem)
        out.append(Entry(name, kind, codes, source=f"{short}:{number}", lang=lang, priority=priority))
    return out


SURNAMES = "warta/actors/data/surnames.tsv"
SURNAME_PRIORITY = -10  # below every other entry: "Jordan" stays a country


SurnameRow = tuple[str, str, int, frozenset[str]]  # surname, codes, line, languages it is a word of


def parse_surnames(text: str, path: str) -> list[SurnameRow]:
    """`surname<TAB>codes<TAB>person<TAB>common-in<TAB>full name` rows, checked once for every
    language that reads them."""
    out = []
    for number, (name, codes, kind, common, _full) in _rows(text, path, 5):
        if kind != "person" or not name or not common:
            raise DataFileError(path, number, "want surname<TAB>codes<TAB>person<TAB>languages<TAB>full name")
        problem = check_codes(codes, True)
        if problem:
            raise DataFileError(path, number, problem)
        out.append((name, codes, number, frozenset(common.split(","))))
    return out


def surname_entries(rows: list[SurnameRow], path: str, lang: str) -> list[Entry]:
    """The surnames one language reads: a surname that is a common word in `lang` ("Rice" in
    English) is left out there."""
    short = Path(path).name
    return [Entry(name, "person", codes, source=f"{short}:{number}", lang=lang, priority=SURNAME_PRIORITY)
            for name, codes, number, common in rows if lang not in common]


def read_surnames(text: str, path: str, lang: str) -> list[Entry]:
    """The surnames of one language from the file's text."""
    return surname_entries(parse_surnames(text, path), path, lang)


def read_agent_tsv(text: str, path: str, lang: str, priority: int) -> list[Entry]:
    """`phrase<TAB>role<TAB>flags<TAB>default_country` rows."""
    out = []
    short = Path(path).name
    for number, (phrase, role, flags, country) in _rows(text, path, 4):
        if not phrase:
            raise DataFileError(path, number, "empty agent phrase")
        if role and not (role.isalpha() and role.isupper() and len(role) % 3 == 0):
            raise DataFileError(path, number, f"bad role {role!r} (want CAMEO role codes like GOV)")
        unknown = set(flags.split(",")) - {"", "title", "prefix", "bound"}
        if unknown:
            raise DataFileError(path, number, f"unknown flag(s) {', '.join(sorted(unknown))}")
        out.append(Entry(phrase, "agent", role=role, title="title" in flags, prefix="prefix" in flags,
                         bound="bound" in flags,
                         default_country=country or None, source=f"{short}:{number}", lang=lang,
                         priority=priority))
    return out


def read_grammar(text: str, path: str, lang: str) -> Grammar:
    toml = DataFile.parse(text, path)
    comp, coref = toml.optional_table(toml.data, "compose"), toml.optional_table(toml.data, "coref")
    context = toml.optional_table(toml.data, "context")
    return Grammar(
        lang=lang, order=comp.get("order", "role-first"), max_filler=int(comp.get("max_filler", 3)),
        coordinators=frozenset(comp.get("coordinators", ())),
        quantifiers=frozenset(comp.get("quantifiers", ())), locatives=frozenset(comp.get("locatives", ())),
        clitics=tuple(comp.get("clitics", ())), of=frozenset(comp.get("of", ())),
        stop=frozenset(comp.get("stop", ())), two=tuple(coref.get("two", ())),
        two_countries=tuple(coref.get("two_countries", ())), country=tuple(coref.get("country", ())),
        person=tuple(coref.get("person", ())), plural=tuple(coref.get("plural", ())),
        hyphen_modifiers=frozenset(comp.get("hyphen_modifiers", ())),
        hyphen_places=frozenset(comp.get("hyphen_places", ())),
        role_in=frozenset(comp.get("role_in", ())), of_place=bool(comp.get("of_place", False)),
        currency_marks=tuple(comp.get("currency_marks", ())),
        currency_before=frozenset(comp.get("currency_before", ())),
        currency_after=frozenset(comp.get("currency_after", ())),
        attach=frozenset(context.get("attach", ())), destinations=frozenset(context.get("destinations", ())),
        articles=frozenset(w.lower() for w in context.get("articles", ())))


def _phoenix_entries(path: Path, priority: int) -> tuple[list[Entry], list[str]]:
    """A user's PETRARCH file: `.agents` names give agents, anything else actors."""
    if "agent" in path.name.lower():
        agents, skipped = read_phoenix_agents(path)
        return [Entry(a.phrase, "agent", role=a.code, prefix=a.prefix, source=f"{path.name}:{a.line}",
                      priority=priority, lang="en") for a in agents], skipped
    records, skipped = read_phoenix_actors(path)
    out: list[Entry] = []
    for record in records:
        if not record.periods:
            continue
        kind = "person" if any(p.restricted for p in record.periods) else "org"
        codes = " | ".join(p.to_text() for p in record.periods)
        out.extend(Entry(name, kind, codes, source=f"{path.name}:{record.line}",
                         priority=priority) for name in record.names)
    return out, skipped


def load_extra(paths: Iterable[str | Path], priority: int = 30) -> tuple[list[Entry], list[str]]:
    """User dictionaries: warta TSV (people format) or PETRARCH/Phoenix files as they are."""
    entries: list[Entry] = []
    skipped: list[str] = []
    for raw in paths:
        path = Path(raw)
        if not path.is_file():
            raise DataFileError(str(path), None, "actor dictionary not found; check the path in settings")
        if path.suffix == ".tsv":
            entries += read_actor_tsv(path.read_text(encoding="utf-8"), str(path), ALL_LANGS,
                                      priority, dated=True)
        else:
            more, why = _phoenix_entries(path, priority)
            entries += more
            skipped += why
    return entries, skipped


def _read(resource: object, name: str) -> str | None:
    target = resource.joinpath(name)  # type: ignore[attr-defined]
    return target.read_text(encoding="utf-8") if target.is_file() else None


def load_dictionary(languages: Iterable[str], extra_files: Iterable[str | Path] = ()) -> ActorDictionary:
    """Everything the actor stage needs, for the given languages (read once per Pipeline)."""
    data = files("warta.actors").joinpath("data")
    book = ActorDictionary()
    table = _read(data, "countries.tsv") or ""
    for _number, (code, _kind, label) in _rows(table, "countries.tsv", 3):
        book.labels[code] = label
    book.countries = frozenset(book.labels)
    role_rows = _rows(_read(data, "roles.tsv") or "", "roles.tsv", 3)
    book.roles = frozenset(code for _number, (code, _tier, _label) in role_rows)
    for _number, (code, label, _x) in _rows(_read(data, "igos.tsv") or "", "igos.tsv", 3):
        book.labels.setdefault(code, label)
    for name, priority in (("people.tsv", 0), ("people_curated.tsv", 20)):
        text = _read(data, name)
        if text is not None:
            book.entries += read_actor_tsv(text, f"warta/actors/data/{name}", ALL_LANGS, priority, dated=True)
    text = _read(data, "surnames.tsv")
    surnames = parse_surnames(text, SURNAMES) if text is not None else []
    for lang in languages:
        folder = language_dir(lang)
        for name, priority in (("actors.tsv", 10), ("actors_curated.tsv", 20)):
            text = _read(folder, name)
            if text is not None:
                book.entries += read_actor_tsv(text, f"warta/lang/{lang}/{name}", lang, priority, dated=False)
        for name, priority in (("agents.tsv", 10), ("agents_curated.tsv", 20)):
            text = _read(folder, name)
            if text is not None:
                book.entries += read_agent_tsv(text, f"warta/lang/{lang}/{name}", lang, priority)
        book.entries += surname_entries(surnames, SURNAMES, lang)
        text = _read(folder, "actors.toml")
        book.grammars[lang] = read_grammar(text, f"warta/lang/{lang}/actors.toml", lang) if text \
            else Grammar(lang=lang)
    extra, skipped = load_extra(extra_files)
    book.entries += extra
    book.skipped += skipped
    return book
