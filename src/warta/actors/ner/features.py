"""Token features for the CRF: lean, cached per word type, no gazetteers.

Speed matters more than the last point of F1 (issue 3 asks ≥ 50k tokens/s for dictionary
matching plus NER on one core), so every feature that depends on one word only is computed once
per word type and cached; a token's feature list is then the concatenation of its own cached
list and its neighbours' pre-prefixed lists. In cased text, a lower-case word between two
lower-case words (over half of all tokens, almost never part of a name) gets only two features;
training does the same, so the model knows them.

A sequence is either *cased* (ordinary mixed-case text) or *uncased* (all lower case, as the
NERP corpus; all capitals; or Title Case headlines, see `is_cased`). Orthographic features get a
different prefix in each regime, so capitalisation evidence learnt on cased text is not diluted by
the lower-cased corpus, while word-identity features (always lower-cased) are shared.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

# Bump when features change: a model trained with another version is refused at load time.
FEATURES_VERSION = 4

_MAX_WORD = 24  # identity features of longer "words" are truncated (1 MB of one word)
_CACHE_LIMIT = 200_000  # word types kept per regime before the cache is cleared
_SHAPE_SUB = (
    (re.compile(r"[A-Z\u00C0-\u00DE]"), "X"),
    (re.compile(r"[a-z\u00DF-\u00FF]"), "x"),
    (re.compile(r"[0-9]"), "d"),
)
_REPEATS = re.compile(r"(.)\1+")

# (local features, as left neighbour -1, as right neighbour +1, as -2, as +2, dull features)
WordFeatures = tuple[list[str], list[str], list[str], list[str], list[str], list[str] | None]


def word_shape(word: str) -> str:
    """'Shoigu' -> 'Xx', 'PBB' -> 'X', 'Rp1.988' -> 'Xxd.d': character classes, runs collapsed."""
    shape = word[:_MAX_WORD]
    for pattern, letter in _SHAPE_SUB:
        shape = pattern.sub(letter, shape)
    return _REPEATS.sub(r"\1", shape)


def _word_features(word: str, cased: bool, casing: Mapping[str, int]) -> WordFeatures:
    """Features that depend on one word only, for one regime."""
    lower = word.lower()[:_MAX_WORD]
    cap = str(casing.get(word.lower(), "?")) if word[:1].isalpha() else "-"
    o = "" if cased else "u"  # orthographic prefix per regime
    shape = word_shape(word if cased else lower)
    dull = cased and word == word.lower() and not any(c.isdigit() for c in word)
    if not word[:1].isalnum():  # punctuation and symbols: affixes would repeat the word
        local = [o + "b", "w=" + lower, o + "sh=" + shape]
        return (local, ["-1w=" + lower], ["+1w=" + lower], ["-2w=" + lower], ["+2w=" + lower],
                ["dull", "w=" + lower] if dull else None)
    local = [
        o + "b",
        "w=" + lower,
        "p2=" + lower[:2],
        "p3=" + lower[:3],
        "s2=" + lower[-2:],
        "s3=" + lower[-3:],
        "s4=" + lower[-4:],
        o + "sh=" + shape,
        "cr=" + cap,
        o + "cr|sh=" + cap + shape[:2],
    ]
    if len(lower) <= 2:
        local.append(o + "short")
    return (
        local,
        ["-1w=" + lower, o + "-1sh=" + shape, "-1cr=" + cap],
        ["+1w=" + lower, o + "+1sh=" + shape, "+1cr=" + cap],
        ["-2w=" + lower],
        ["+2w=" + lower],
        ["dull", "w=" + lower] if dull else None,
    )


class FeatureExtractor:
    """Turns token sequences into CRF feature lists, caching per-word work on the instance."""

    def __init__(self, casing: Mapping[str, int] | None = None) -> None:
        self._casing: Mapping[str, int] = casing or {}
        self._cache: tuple[dict[str, WordFeatures], dict[str, WordFeatures]] = ({}, {})

    def sequence(self, tokens: list[str]) -> list[list[str]]:
        """Feature lists, one per token, for one sequence (a sentence or chunk)."""
        if not tokens:
            return []
        cased = is_cased(tokens, self._casing)
        cache = self._cache[0 if cased else 1]
        if len(cache) > _CACHE_LIMIT:
            cache.clear()
        words: list[WordFeatures] = []
        for token in tokens:
            found = cache.get(token)
            if found is None:
                found = cache[token] = _word_features(token, cased, self._casing)
            words.append(found)
        n = len(words)
        out: list[list[str]] = []
        for i in range(n):
            dull = words[i][5]
            if dull is not None and (i == 0 or words[i - 1][5] is not None) and (
                    i + 1 == n or words[i + 1][5] is not None):
                out.append(dull)  # lower case among lower case: two features, not thirty
                continue
            feats = words[i][0] + (words[i - 1][1] if i else ["BOS"])
            feats += words[i + 1][2] if i + 1 < n else ["EOS"]
            if i:  # the word pair, lower-cased: "gedung|putih", "menteri|pertahanan"
                feats.append("bi=" + words[i - 1][1][0][4:] + "|" + words[i][0][1][2:])
            if i > 1:
                feats += words[i - 2][3]
            if i + 2 < n:
                feats += words[i + 2][4]

            out.append(feats)
        if cased and tokens[0][:1].isupper():
            out[0] = [*out[0], "T@BOS"]  # a capital at the start of a sentence says little
        return out


def is_cased(tokens: list[str], casing: Mapping[str, int] | None = None) -> bool:
    """True for ordinary mixed-case text; False for lower case, capitals or Title Case.

    A Title Case headline ("Rusia Ingin Habisi Ukraina") says as little about names as an
    all-capital one, so it is tagged like lower-cased text. It is recognised by capitalised
    words that news text almost never capitalises (bucket 0 in `casing`): at least two, not
    counting the first word.
    """
    text = "".join(tokens)
    if text == text.lower() or text == text.upper():
        return False
    if casing:
        odd = sum(1 for t in tokens[1:] if t[:1].isupper() and casing.get(t.lower()) == 0)
        if odd >= 2:
            return False
    return True
