"""A small event database for the service tests: hand-built articles, as the stages would leave them.

Built by hand (not by the actor and event stages) so the API and dashboard tests pin the service's
own behaviour: a RUS–PRK relation that warms over six months, US sanctions and accusations, and
one article whose text is an XSS payload.
"""

from __future__ import annotations

import random
from pathlib import Path

from warta.article import ActorMention, Article, Event, EventActor, Sentence, Trigger
from warta.geo.stage import GeoStage
from warta.settings import Settings
from warta.store import Store

# code: (root, name, quad class, Goldstein) — CAMEO names, GDELT's Goldstein scale.
CODES = {
    "036": ("03", "Express intent to meet or negotiate", 1, 4.0),
    "042": ("04", "Make a visit", 1, 1.9),
    "057": ("05", "Sign formal agreement", 1, 8.0),
    "072": ("07", "Provide military aid", 2, 8.3),
    "112": ("11", "Accuse", 3, -2.0),
    "163": ("16", "Impose embargo, boycott, or sanctions", 4, -8.0),
}
COUNTRY_WORDS = {"Russia": "RUS", "North Korea": "PRK", "the United States": "USA", "Japan": "JPN"}

# (date, source words, trigger, target words, code, modality)
STORIES = [
    ("2023-07-{d:02d}", "Russia", "visited", "North Korea", "042", "asserted"),
    ("2023-07-{d:02d}", "the United States", "accused", "Russia", "112", "asserted"),
    ("2023-08-{d:02d}", "Russia", "visited", "North Korea", "042", "reported"),
    ("2023-08-{d:02d}", "North Korea", "pledged talks with", "Russia", "036", "asserted"),
    ("2023-09-{d:02d}", "Russia", "signed an agreement with", "North Korea", "057", "asserted"),
    ("2023-09-{d:02d}", "the United States", "sanctioned", "North Korea", "163", "asserted"),
    ("2023-10-{d:02d}", "North Korea", "sent rockets to", "Russia", "072", "reported"),
    ("2023-10-{d:02d}", "Russia", "signed an agreement with", "North Korea", "057", "asserted"),
    ("2023-11-{d:02d}", "North Korea", "sent rockets to", "Russia", "072", "asserted"),
    ("2023-11-{d:02d}", "Japan", "accused", "North Korea", "112", "asserted"),
    ("2023-12-{d:02d}", "Russia", "signed an agreement with", "North Korea", "057", "asserted"),
    ("2023-12-{d:02d}", "North Korea", "may send rockets to", "Russia", "072", "hypothetical"),
]
# Words for each report's own closing paragraph, so the three reports of a month are three stories
# (distinct reports of one relation), not one story reprinted three times.
BODY_WORDS = ("officials", "talks", "border", "delegation", "ministry", "week", "capital", "port",
              "trade", "envoy", "statement", "agency", "briefing", "summit", "treaty", "visit",
              "defence", "aid", "grain", "rail", "energy", "fleet", "security", "council", "press",
              "agenda", "meeting", "regional", "economic", "cooperation", "team", "plan")
TOKEN = "test-token-0123456789"  # the ingest token of the test service
XSS = ('<script>alert("x")</script> <img src=x onerror="alert(1)"> '
       '<a href="javascript:alert(2)">click</a>')


def _mention(text: str, words: str, at: int) -> ActorMention:
    start = text.index(words, at)
    code = COUNTRY_WORDS.get(words, "RUS")
    return ActorMention(start, start + len(words), words, code, country=code, name=words,
                        kind="country", how="dictionary", dictionary_entry=words.upper())


def make_event_article(date: str, source: str, trigger: str, target: str, code: str,
                       modality: str, extra: str = "") -> Article:
    """One short article whose headline sentence is the event, with actors and one coded event."""
    sentence = f"{source} {trigger} {target} on {date}."
    words = random.Random(f"{date} {code} {source}").choices(BODY_WORDS, k=40)
    text = f"{sentence}\n\n{' '.join(words).capitalize()}.{extra}"
    src = _mention(text, source, 0)
    dst = _mention(text, target, src.end)
    start = text.index(trigger)
    root, name, quad, goldstein = CODES[code]
    event = Event(code=code, root=root, name=name, quad_class=quad, goldstein=goldstein, plover=None,
                  source=EventActor(src.code, src.text, src.start, src.end),
                  target=EventActor(dst.code, dst.text, dst.start, dst.end),
                  trigger=Trigger(trigger, start, start + len(trigger)),
                  sentence=Sentence(0, len(sentence)), modality=modality, confidence=0.9,
                  rule=f"test:{code}")
    return Article(id=f"test-{date}-{code}", source="Test Wire", title=sentence, date=date, lang="en",
                   text=text, body_start=len(sentence) + 2,
                   sentences=(Sentence(0, len(sentence)), Sentence(len(sentence) + 2, len(text))),
                   actors=(src, dst), events=(event,))


def sample_articles() -> list[Article]:
    """Three reports a month (days 5, 15, 25), each its own story, plus the hostile one."""
    out = []
    for template, source, trigger, target, code, modality in STORIES:
        for day in (5, 15, 25):
            date = template.format(d=day)
            out.append(make_event_article(date, source, trigger, target, code, modality))
    out.append(hostile_article())
    return out


def hostile_article() -> Article:
    """An article whose text, title and source carry script payloads, as a scraper might store them."""
    article = make_event_article("2024-01-10", "Russia", "visited", "North Korea", "042", "asserted",
                                 extra=f"\n\n{XSS}")
    return article.evolve(id="test-xss", title=f"Hostile {XSS}", source="<b>Evil</b> Wire")


def build_sample_db(path: Path) -> Path:
    """Write the sample articles, located by the geo stage (visits: in the visited country), at `path`."""
    geo = GeoStage(Settings())
    with Store(path) as store:
        store.add_articles([geo(article) for article in sample_articles()])
    return path
