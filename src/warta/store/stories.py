"""Fold near-duplicate and syndicated articles into stories: MinHash over word shingles, LSH bands.

datasketch computes each article's MinHash signature; the LSH buckets live in the database
(`minhash_bands`), so a story found in one ingest run is found again by the next, and memory does
not grow with the corpus. Candidates from a shared bucket are confirmed by the signatures'
estimated Jaccard similarity. A new article joins the story of its most similar stored article;
stories are never merged afterwards, so story ids (and the event ids built on them) stay stable.
A story stays open for a week from its first article's date: a dated article further from it starts
a new story, so daily templated pieces ("harga emas hari ini") cannot chain one story across months
and date its later events by its first day. Undated articles fold by text alone.

Parameters: 128 permutations in 32 bands of 4 rows catch pairs from Jaccard ≈ 0.42 up
((1/32)^(1/4)); a pair then needs estimated Jaccard ≥ 0.6 over word 3-shingles. Calibration: lightly
edited reprints of one article score 0.7–1.0 and unrelated articles below 0.05
(tests/store/test_stories.py); on 2,000 CLICK-ID Kompas articles the pairs at 0.5–0.6 were
follow-ups on the same topic (different articles), those at 0.6 and above mostly one story rewritten.
"""

from __future__ import annotations

import hashlib
import zlib
from collections import defaultdict
from dataclasses import dataclass
from datetime import date

import duckdb
import numpy as np

from warta.store.tone import words

NUM_PERM = 128
BANDS = 32
ROWS = NUM_PERM // BANDS
SHINGLE = 3
THRESHOLD = 0.6
SEED = 1
CONFIG = f"minhash-1 crc32 perm={NUM_PERM} bands={BANDS}x{ROWS} shingle={SHINGLE} seed={SEED} j>={THRESHOLD}"
# Not part of CONFIG: signatures and buckets do not depend on it, so a database folded before the
# window existed takes new articles under it unchanged.
WINDOW_DAYS = 7


@dataclass(frozen=True, slots=True)
class Assignment:
    """Which story an article joined, and the stored article that brought it there."""

    key: str
    story_id: str
    matched: str | None
    similarity: float | None
    story_day: date | None = None  # the day of the story's first article: its window's anchor

    @property
    def is_new_story(self) -> bool:
        return self.matched is None


def shingles(text: str) -> set[bytes]:
    tokens = words(text)
    if len(tokens) < SHINGLE:
        return {" ".join(tokens).encode()} if tokens else set()
    return {" ".join(tokens[i:i + SHINGLE]).encode() for i in range(len(tokens) - SHINGLE + 1)}


def band_buckets(signature: np.ndarray) -> list[int]:
    """One signed 64-bit bucket per band (a hash of that band's rows)."""
    out = []
    for band in range(BANDS):
        chunk = signature[band * ROWS:(band + 1) * ROWS].tobytes()
        out.append(int.from_bytes(hashlib.blake2b(chunk, digest_size=8).digest(), "big", signed=True))
    return out


def similarity(a: np.ndarray, b: np.ndarray) -> float:
    """Estimated Jaccard similarity of two signatures."""
    return float(np.count_nonzero(a == b)) / len(a)


def in_window(day: date | None, story_start: date | None) -> bool:
    """May an article of `day` join a story that started on `story_start`? (Unknown dates may.)"""
    return day is None or story_start is None or abs((day - story_start).days) <= WINDOW_DAYS


class StoryIndex:
    """Computes signatures and assigns articles to stories against one database connection."""

    def __init__(self) -> None:
        # Imported here: `import datasketch` pulls in scipy (~0.7 s), which readers never need.
        from datasketch import MinHash

        self._minhash = MinHash
        # crc32 instead of datasketch's default sha1: 3x faster per shingle; the permutations on top
        # of it do the mixing, and the value is the same on every machine and run.
        self._template = MinHash(num_perm=NUM_PERM, seed=SEED, hashfunc=zlib.crc32)

    def signature(self, text: str) -> np.ndarray:
        """The article's MinHash as uint32 (datasketch keeps values below 2**32)."""
        minhash = self._minhash(num_perm=NUM_PERM, seed=SEED, hashfunc=zlib.crc32,
                          permutations=self._template.permutations)
        minhash.update_batch(list(shingles(text)))
        return np.asarray(minhash.hashvalues, dtype=np.uint32)

    def assign(self, conn: duckdb.DuckDBPyConnection, keys: list[str], signatures: list[np.ndarray],
               days: list[date | None] | None = None) -> list[Assignment]:
        """Stories for a batch of new articles, in order (later ones may join earlier ones)."""
        days = days or [None] * len(keys)
        buckets = [band_buckets(sig) for sig in signatures]
        stored = _stored_candidates(conn, keys, buckets)
        local: dict[tuple[int, int], list[int]] = defaultdict(list)
        stories: dict[str, str] = {}
        starts: dict[str, date | None] = {}  # story -> its first article's day
        out: list[Assignment] = []
        for i, (key, sig, day) in enumerate(zip(keys, signatures, days, strict=True)):
            best: tuple[float, str, str] | None = None
            for other_key, (other_sig, other_story, start) in stored.get(key, {}).items():
                starts.setdefault(other_story, start)
                if in_window(day, start):
                    best = _better(best, similarity(sig, other_sig), other_key, other_story)
            earlier = {j for band, bucket in enumerate(buckets[i]) for j in local[(band, bucket)]}
            for j in earlier:
                if in_window(day, starts[stories[keys[j]]]):
                    best = _better(best, similarity(sig, signatures[j]), keys[j], stories[keys[j]])
            if best is not None and best[0] >= THRESHOLD:
                assignment = Assignment(key, best[2], best[1], best[0], starts[best[2]])
            else:
                assignment = Assignment(key, key, None, None, day)
                starts[key] = day
            stories[key] = assignment.story_id
            out.append(assignment)
            for band, bucket in enumerate(buckets[i]):
                local[(band, bucket)].append(i)
        return out

    @staticmethod
    def band_rows(keys: list[str], signatures: list[np.ndarray]) -> dict[str, list[object]]:
        """Columns for `minhash_bands`."""
        cols: dict[str, list[object]] = {"band": [], "bucket": [], "article_key": []}
        for key, sig in zip(keys, signatures, strict=True):
            for band, bucket in enumerate(band_buckets(sig)):
                cols["band"].append(band)
                cols["bucket"].append(bucket)
                cols["article_key"].append(key)
        return cols


def _better(best: tuple[float, str, str] | None, score: float, key: str,
            story: str) -> tuple[float, str, str]:
    if best is None or score > best[0] or (score == best[0] and key < best[1]):
        return score, key, story
    return best


def _stored_candidates(conn: duckdb.DuckDBPyConnection, keys: list[str], buckets: list[list[int]],
                       ) -> dict[str, dict[str, tuple[np.ndarray, str, date | None]]]:
    """For each new key: stored articles sharing a bucket, with their signature, story and its day."""
    new_keys, bands, values = [], [], []
    for key, row in zip(keys, buckets, strict=True):
        for band, bucket in enumerate(row):
            new_keys.append(key)
            bands.append(band)
            values.append(bucket)
    if not new_keys:
        return {}
    rows = conn.execute(
        """WITH q AS (SELECT unnest(?::VARCHAR[]) AS new_key, unnest(?::UTINYINT[]) AS band,
                             unnest(?::BIGINT[]) AS bucket),
                hits AS (SELECT DISTINCT q.new_key, b.article_key
                         FROM q JOIN minhash_bands b USING (band, bucket))
           SELECT hits.new_key, hits.article_key, m.signature, s.story_id, s.story_day
           FROM hits JOIN minhashes m USING (article_key) JOIN story_articles s USING (article_key)""",
        [new_keys, bands, values]).fetchall()
    out: dict[str, dict[str, tuple[np.ndarray, str, date | None]]] = defaultdict(dict)
    for new_key, old_key, blob, story, start in rows:
        out[new_key][old_key] = (np.frombuffer(blob, dtype=np.uint32), story, start)
    return out
