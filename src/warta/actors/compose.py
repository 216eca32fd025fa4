"""Compose dictionary hits into actors: role + country + person name become one mention.

    Menteri Pertahanan Rusia, Sergei Shoigu        role, country, name        -> RUSMIL
    juru bicara keamanan nasional Gedung Putih, John Kirby   role, seat, name -> USAGOV
    Misi Korea Utara dan Rusia untuk PBB           role, country and country  -> PRKGOV, RUSGOV
    Russian President Vladimir Putin               country, role, name        -> RUSGOV
    the foreign minister of Iran                   role "of" country          -> IRNGOV
    John Kirby, the White House spokesman          name, apposition           -> USAGOV

Indonesian puts the role first, English the country first (`Grammar.order`); both accept the
other language's "of" form where it has one. A role with a title ("presiden") may be followed by
a name; a role with no country keeps a known person's country ("Menteri Pertahanan Shoigu"),
the role's default country (DPR -> IDN), or '---' as PETRARCH writes an unknown country.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from warta.actors.codes import CodePeriod, parse_periods, resolve_code
from warta.actors.dictionary import Entry, Grammar
from warta.actors.matcher import Hit
from warta.actors.names import name_after, name_before

# Roles that stand alone as actors without a country ("police said" -> ---COP), as PETRARCH
# codes them; other roles ("warga", "media") only count next to a country.
STANDALONE_ROLES = frozenset({"GOV", "MIL", "COP", "SPY", "OPP", "REB", "LEG", "JUD", "INS", "SEP"})
ACTOR_KINDS = frozenset({"country", "seat", "igo", "org", "person", "group"})


@dataclass(slots=True)
class Draft:
    """A mention being built; becomes an `ActorMention` once coreference has run."""

    start: int
    end: int
    code: str
    kind: str
    name: str | None = None
    how: str = "dictionary"
    entry: str | None = None
    antecedent: Draft | None = None
    plural: bool = False


@dataclass
class Context:
    """What composition needs for one article."""

    text: str
    grammar: Grammar
    when: date | None
    cache: dict[str, tuple[CodePeriod, ...]]
    persons: list[tuple[int, int]] = field(default_factory=list)  # NER PER spans, if a tagger ran

    def code(self, entry: Entry) -> str | None:
        """The entry's code at the article date (parsed once per Pipeline, then cached)."""
        periods = self.cache.get(entry.codes)
        if periods is None:
            periods = self.cache[entry.codes] = parse_periods(entry.codes, loose=True)
        return resolve_code(periods, self.when)


def _words(gap: str) -> list[str]:
    return gap.split()


def _filler_ok(gap: str, grammar: Grammar, allow_of: bool = False) -> bool:
    """Up to `max_filler` plain words between a role and its country; no punctuation."""
    words = _words(gap)
    if allow_of:
        if not words or words[0].lower() not in grammar.of:
            return False
        words = [w for w in words[1:] if w.lower() not in {"the", "a", "an"}]
    if len(words) > grammar.max_filler or "\n" in gap:
        return False
    return all(w.replace("-", "").isalnum() and w.lower() not in grammar.stop
               and w.lower() not in grammar.coordinators for w in words)


def combine(ctx: Context, hit: Hit, role: str, prefix: bool) -> str | None:
    """The code of a country-like hit carrying a role: RUS + MIL, Gedung Putih (USAGOV) + GOV."""
    code = ctx.code(hit.entry)
    if code is None or not role:
        return code
    kind = hit.entry.kind
    if kind == "igo" and role in ("MIL", "COP"):
        return code + role  # "UN troops", "pasukan PBB" -> IGOUNOMIL, as the petrarch2 gold codes it
    if kind in ("igo", "org", "group"):
        return code
    if kind == "seat":
        return code if role == "GOV" else code[:3] + role
    if kind == "person":
        return code if code.startswith("IGO") else code[:3] + role
    return role + code if prefix else code + role


class Composer:
    """Walks one sentence's hits left to right and emits drafts."""

    def __init__(self, ctx: Context, hits: list[Hit]) -> None:
        self.ctx = ctx
        self.text = ctx.text
        self.g = ctx.grammar
        self.hits = [h for h in hits if not self._hyphen_modifier(h)]
        self.bound = False  # set by _role_chain: the current role needs a country

    def _hyphen_modifier(self, hit: Hit) -> bool:
        """'military-ruled Myanmar', 'a government-held part', 'a UK-based group': no actor."""
        if self.text[hit.end:hit.end + 1] != "-":
            return False
        rest = self.text[hit.end + 1:hit.end + 20].split(maxsplit=1)
        word = rest[0].strip(".,;:").lower() if rest else ""
        if hit.entry.kind == "agent":
            return word in self.g.hyphen_modifiers
        return word in self.g.hyphen_places  # "a UK-based group": where it sits, not who acts

    def _country_after_role(self, end: int, hit: Hit) -> bool:
        """The hit after a role that gives it a country: 'minister of Iran', 'a court in Guyana',
        'the mayor of the West Bank city of Nablus' (English), 'juru runding dari Korut'."""
        gap = self.gap(end, hit.start)
        kind = hit.entry.kind
        words = _words(gap)
        if kind in ACTOR_KINDS - {"person"} and (_filler_ok(gap, self.g, allow_of=True) or (
                self.g.order == "role-first" and _filler_ok(gap, self.g))):
            return True
        if kind == "country" and words and words[0].lower() in self.g.role_in and \
                not self.text[hit.start:hit.end].lower().endswith(("ian", "ese", "ish")):
            # "rioters in the Egyptian square": an adjective there modifies the place, not the role
            rest = [w for w in words[1:] if w.lower() not in {"the", "a", "an"}]
            return len(rest) <= self.g.max_filler and "\n" not in gap and \
                all(w.replace("-", "").isalnum() and w.lower() not in self.g.stop for w in rest)
        if kind == "place" and self.g.of_place and words and words[0].lower() in self.g.of:
            # "of the northern West Bank city of Nablus": the town's description may sit between
            words = [w for w in words[1:] if w.lower() not in {"the", "a", "an"}]
            return len(words) <= self.g.max_filler + 3 and "," not in gap and "\n" not in gap and \
                all(w.lower() in self.g.of or w.replace("-", "").isalnum() for w in words)
        return False

    def gap(self, left: int, right: int) -> str:
        return self.text[left:right]

    def run(self) -> list[Draft]:
        out: list[Draft] = []
        i = 0
        while i < len(self.hits):
            drafts, i = (self._from_role(i) if self.hits[i].entry.kind == "agent" else self._from_name(i))
            out += drafts
        return out

    def _left_edge(self, start: int, floor: int) -> int:
        """Widen a group over a quantifier: 'sejumlah pejabat Rusia'."""
        before = self.text[floor:start].rstrip(" ")
        words = before.split()
        if words and words[-1].lower() in self.g.quantifiers:
            return floor + len(before) - len(words[-1])
        return start

    def _floor(self, i: int) -> int:
        return self.hits[i - 1].end if i > 0 else 0

    def _role_chain(self, i: int) -> tuple[int, str, bool, bool, str | None, list[str]]:
        """Consecutive roles read as one: 'juru bicara militer' -> the last specific role."""
        agent = self.hits[i].entry
        role, title, prefix, default = agent.role or "", agent.title, agent.prefix, agent.default_country
        self.bound = agent.bound
        sources = [agent.source]
        j = i + 1
        while j < len(self.hits) and self.hits[j].entry.kind == "agent" and \
                not self.gap(self.hits[j - 1].end, self.hits[j].start).strip():
            nxt = self.hits[j].entry
            self.bound = self.bound and nxt.bound
            if not (title and nxt.title and role):
                role = nxt.role or role  # "juru bicara militer" is MIL; "Kapolri Jenderal" stays COP
            title = title or nxt.title
            default = nxt.default_country or default
            sources.append(nxt.source)
            j += 1
        return j, role, title, prefix, default, sources

    def _from_role(self, i: int) -> tuple[list[Draft], int]:
        j, role, title, prefix, default, sources = self._role_chain(i)
        start, end = self.hits[i].start, self.hits[j - 1].end
        first_country: Hit | None = None
        more: list[Hit] = []
        first_end = end
        # English needs "of" ("minister of Iran"); Indonesian may use "dari" ("juru runding dari Korut")
        if j < len(self.hits) and self._country_after_role(end, self.hits[j]):
            first_country = self.hits[j]
            end = first_country.end
            j += 1
            first_end = end
            while j < len(self.hits) and self.hits[j].entry.kind in ("country", "seat") and \
                    self.gap(end, self.hits[j].start).strip().lower() in self.g.coordinators:
                more.append(self.hits[j])
                end = self.hits[j].end
                j += 1
        person, name, name_end, how = None, None, None, "dictionary"
        if not more:  # "Misi Korea Utara dan Rusia": a name after a pair belongs to neither
            person, name, name_end, how = self._name(j, end, title)
        if person is not None:
            j += 1
        if name_end is not None:
            end = name_end
        code = self._role_code(first_country, person, role, prefix, default)
        if code is None:
            return [], max(j, i + 1)
        start = self._left_edge(start, self._floor(i))
        entries = sources + [h.entry.source for h in (first_country, person) if h is not None]
        kind = self._kind(first_country, title, name, role)
        draft = Draft(start, end if not more else first_end, code, kind, name, how, "+".join(entries))
        drafts = [draft]
        for extra in more:
            extra_code = combine(self.ctx, extra, role, prefix)
            if extra_code:
                drafts.append(Draft(extra.start, extra.end, extra_code, kind, None, "dictionary",
                                    "+".join([*sources, extra.entry.source])))
        if first_country is not None and name is None and not more:
            drafts = self._apposition_before(i, drafts)
        return drafts, j

    def _name(self, j: int, pos: int, title: bool) -> tuple[Hit | None, str | None, int | None, str]:
        """A person after a title: a dictionary person, else a capitalised run or a NER span."""
        limit = self.hits[j].start if j < len(self.hits) else len(self.text)
        if j < len(self.hits) and self.hits[j].entry.kind == "person" and \
                self.gap(pos, self.hits[j].start).strip(" ,") == "" and "\n" not in self.gap(pos, limit):
            hit = self.hits[j]
            return hit, self.text[hit.start:hit.end], hit.end, "dictionary"
        if not title and self.g.order == "role-first":
            return None, None, None, "dictionary"
        span = name_after(self.text, pos, limit, self.g.stop | self.g.coordinators, self.ctx.persons)
        if span is None:
            return None, None, None, "dictionary"
        how = "ner" if self.ctx.persons else "dictionary"
        return None, self.text[span[0]:span[1]], span[1], how

    def _role_code(self, country: Hit | None, person: Hit | None, role: str, prefix: bool,
                   default: str | None) -> str | None:
        if country is not None:
            return combine(self.ctx, country, role, prefix)
        if person is not None:
            return combine(self.ctx, person, role, prefix)
        if default:
            return default + role
        if role in STANDALONE_ROLES and not self.bound:
            return "---" + role
        return None

    @staticmethod
    def _kind(country: Hit | None, title: bool, name: str | None, role: str) -> str:
        if name or title:
            return "person"
        if country is not None and (country.entry.kind == "igo" or not role):
            # "pihak Pyongyang" is Pyongyang: a word without a role keeps the name's kind
            return {"seat": "country"}.get(country.entry.kind, country.entry.kind)
        return "group"

    def _apposition_before(self, i: int, drafts: list[Draft]) -> list[Draft]:
        """'John Kirby, juru bicara Gedung Putih': the name before the role takes its code."""
        floor = self._floor(i)
        span = name_before(self.text, self.hits[i].start, floor, self.g.stop | self.g.coordinators,
                           self.ctx.persons)
        if span is None:
            return drafts
        head = drafts[0]
        how = "ner" if self.ctx.persons else head.how
        drafts[0] = Draft(span[0], head.end, head.code, "person", self.text[span[0]:span[1]], how, head.entry)
        return drafts

    def _from_name(self, i: int) -> tuple[list[Draft], int]:
        hit = self.hits[i]
        entry = hit.entry
        code = self.ctx.code(entry)
        if code is None:
            return [], i + 1
        if entry.kind == "place" or (entry.kind == "seat" and self._after_locative(hit.start)):
            return [Draft(hit.start, hit.end, code[:3], "place", None, "dictionary", entry.source)], i + 1
        if self.g.order == "country-first" and entry.kind in ("country", "seat", "igo"):
            composed = self._country_first(i)
            if composed is not None:
                return composed
        if entry.kind == "person":
            return self._person(i, code)
        kind = "country" if entry.kind == "seat" else entry.kind
        return [Draft(hit.start, hit.end, code, kind, None, "dictionary", entry.source)], i + 1

    def _after_locative(self, start: int) -> bool:
        words = self.text[max(0, start - 20):start].split()
        return bool(words) and words[-1].lower() in self.g.locatives

    def _country_first(self, i: int) -> tuple[list[Draft], int] | None:
        """English: 'Russian President Vladimir Putin', "Russia's UN ambassador"."""
        hit = self.hits[i]
        j = i + 1
        partners: list[Hit] = []  # "Hungarian and Romanian officials": both countries get the role
        while j < len(self.hits) and self.hits[j].entry.kind in ("country", "seat") and \
                self.gap(self.hits[j - 1].end, self.hits[j].start).strip().lower() in self.g.coordinators:
            partners.append(self.hits[j])
            j += 1
        if j < len(self.hits) and self.hits[j].entry.kind == "igo" and \
                self.gap(hit.end, self.hits[j].start).strip() in ("'s", "’s"):
            j += 1  # Russia's UN ambassador: the ambassador is Russia's
        if j >= len(self.hits) or self.hits[j].entry.kind != "agent":
            return None
        gap = self.gap(self.hits[j - 1].end, self.hits[j].start)
        if gap.startswith(("'s", "’s")):
            gap = gap[2:]
        if not _filler_ok(gap, self.g):
            return None
        k, role, title, prefix, _default, sources = self._role_chain(j)
        code = combine(self.ctx, hit, role, prefix)
        if code is None:
            return None
        person, name, name_end, how = self._name(k, self.hits[k - 1].end, True)
        end = name_end if name_end is not None else self.hits[k - 1].end
        if person is not None:
            k += 1
        start = self._left_edge(hit.start, self._floor(i))
        entries = "+".join([hit.entry.source, *sources] + ([person.entry.source] if person else []))
        kind = "person" if (name or title) else "group"
        if not partners:
            return [Draft(start, end, code, kind, name, how, entries)], k
        drafts = [Draft(start, hit.end, code, kind, None, "dictionary", entries)]
        for number, partner in enumerate(partners, start=1):
            partner_code = combine(self.ctx, partner, role, prefix)
            if partner_code:
                last = number == len(partners)
                stop = self.hits[k - 1].end if last else partner.end
                drafts.append(Draft(partner.start, stop, partner_code,
                                    kind, None, "dictionary", "+".join([partner.entry.source, *sources])))
        return drafts, k

    def _person(self, i: int, code: str) -> tuple[list[Draft], int]:
        """A known person; an apposition after the name ('X, the White House spokesman') wins."""
        hit = self.hits[i]
        name = self.text[hit.start:hit.end]
        j = i + 1
        if j < len(self.hits) and self.hits[j].entry.kind in ("agent", "country", "seat"):
            gap = self.gap(hit.end, self.hits[j].start)
            if gap.strip() in (",", ", the", ", a") and "\n" not in gap:
                sub = Composer(self.ctx, self.hits[j:])
                drafts, used = (sub._from_role(0) if self.hits[j].entry.kind == "agent"
                                else sub._from_name(0))
                if drafts and drafts[0].code[:3] != "---" and drafts[0].kind != "place":
                    head = drafts[0]
                    entry = f"{hit.entry.source}+{head.entry}"
                    merged = Draft(hit.start, head.end, head.code, "person", name, "dictionary", entry)
                    return [merged], j + used
        return [Draft(hit.start, hit.end, code, "person", name, "dictionary", hit.entry.source)], i + 1
